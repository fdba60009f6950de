import {
  Box,
  CloseButton,
  EmptyState,
  Group,
  Paper,
  Skeleton,
  Stack,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBinaryTree2, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits.ts';
import { foldForSearch } from '../../../../common/text.ts';
import { AsOfPicker } from '../../components/as-of-picker.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useAsOf } from '../../lib/use-as-of.ts';
import { useRoots } from './org.api.ts';
import { UnitSearchResults } from './unit-search-results.tsx';
import { UnitTree } from './unit-tree.tsx';

/** /don-vi: the tree as it was on ?ngay=, expanded level by level, with a search box. */
export default function UnitTreePage() {
  const { t } = useTranslation();
  const { asOf } = useAsOf();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const searching = foldForSearch(debounced).length >= 2;

  return (
    <>
      <PageHeader title={t('tree.title')} subtitle={t('tree.subtitle')} />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <Box style={{ flex: '0 1 360px', minWidth: 0 }}>
          <AsOfPicker />
        </Box>
        <TextInput
          type="search"
          label={t('tree.searchLabel')}
          placeholder={t('tree.searchPlaceholder')}
          value={q}
          maxLength={LIMITS.searchQueryMax}
          onChange={(e) => setQ(e.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={
            q ? (
              <CloseButton size="sm" aria-label={t('common.clear')} onClick={() => setQ('')} />
            ) : null
          }
          style={{ flex: '1 1 240px' }}
          data-testid="unit-search"
        />
      </Group>
      <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
        {searching ? <UnitSearchResults q={debounced} asOf={asOf} /> : <Roots asOf={asOf} />}
      </Paper>
    </>
  );
}

function Roots({ asOf }: { asOf: string }) {
  const { t } = useTranslation();
  const roots = useRoots(asOf);
  if (roots.isPending) {
    return (
      <Stack gap="sm" role="status" aria-label={t('app.loading')}>
        {[80, 65, 70, 55].map((w) => (
          <Skeleton key={w} height={26} width={`${w}%`} />
        ))}
      </Stack>
    );
  }
  if (roots.isError) return <ErrorState error={roots.error} onRetry={() => void roots.refetch()} />;
  if (roots.data.items.length === 0) {
    return (
      <EmptyState
        icon={<IconBinaryTree2 aria-hidden />}
        title={t('tree.empty')}
        description={t('tree.emptyDescription')}
        py="xl"
      />
    );
  }
  return <UnitTree units={roots.data.items} asOf={asOf} label={t('tree.label')} expandSingle />;
}
