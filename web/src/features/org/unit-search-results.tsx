import { Anchor, Breadcrumbs, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/error-state.tsx';
import { useUnitSearch } from '../../components/unit-picker.tsx';
import { unitPath } from '../../lib/use-as-of.ts';
import { KindBadge } from './unit-badges.tsx';

type Props = { q: string; asOf: string };

/** Units matching the search box, each with its trail of ancestors. */
export function UnitSearchResults({ q, asOf }: Props) {
  const { t } = useTranslation();
  const search = useUnitSearch(q, asOf, 30);
  if (search.isPending) {
    return (
      <Stack gap="xs" role="status" aria-label={t('app.loading')}>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={56} />
        ))}
      </Stack>
    );
  }
  if (search.isError)
    return <ErrorState error={search.error} onRetry={() => void search.refetch()} />;
  const items = search.data.items;
  return (
    <Stack
      gap="xs"
      component="section"
      aria-label={t('tree.searchResults')}
      data-testid="unit-search-results"
    >
      {items.length === 0 && (
        <Text c="dimmed" py="md" role="status">
          {t('tree.searchEmpty', { q: q.trim() })}
        </Text>
      )}
      {items.map((unit) => (
        <Paper key={unit.id} withBorder p="sm" data-testid={`unit-result-${unit.code}`}>
          <Group gap={6} wrap="wrap" className="px-wrap">
            <Anchor component={Link} to={unitPath(unit.id, asOf)} fw={600} className="px-wrap">
              {unit.name}
            </Anchor>
            <KindBadge kind={unit.kind} />
            <Text size="xs" c="dimmed">
              {unit.code}
            </Text>
          </Group>
          {unit.ancestors.length > 0 && (
            <Breadcrumbs
              separator="›"
              separatorMargin={4}
              mt={4}
              style={{ flexWrap: 'wrap' }}
              fz="xs"
              c="dimmed"
            >
              {unit.ancestors.map((a) => (
                <Text key={a.id} size="xs" c="dimmed" className="px-wrap">
                  {a.name}
                </Text>
              ))}
            </Breadcrumbs>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
