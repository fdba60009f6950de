import { Anchor, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../../common/format.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { unitPath } from '../../lib/use-as-of.ts';
import { useChildren } from './org.api.ts';
import { KindBadge } from './unit-badges.tsx';

/** Units listed before "view all": a province can have hundreds of grassroots unions. */
const PREVIEW = 20;

/** Links to the units directly below, on the same date. */
export function UnitChildrenCard({ id, asOf }: { id: string; asOf: string }) {
  const { t } = useTranslation();
  const children = useChildren(id, asOf);
  const [showAll, setShowAll] = useState(false);
  const items = children.data?.items ?? [];
  const shown = showAll ? items : items.slice(0, PREVIEW);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="unit-children-title">
      <Title order={2} size="h4" mb="sm" id="unit-children-title">
        {t('unit.children')}
        {children.data && (
          <Text span c="dimmed" fw={400} ml={6}>
            ({formatNumber(children.data.items.length)})
          </Text>
        )}
      </Title>
      {children.isPending && (
        <Stack gap="xs">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={20} width={`${80 - i * 15}%`} />
          ))}
        </Stack>
      )}
      {children.isError && (
        <ErrorState error={children.error} onRetry={() => void children.refetch()} />
      )}
      {children.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('unit.noChildren')}
        </Text>
      )}
      {children.data && children.data.items.length > 0 && (
        <Stack
          gap={6}
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          data-testid="unit-children"
        >
          {shown.map((child) => (
            <Group key={child.id} component="li" gap={6} wrap="wrap" className="px-wrap">
              <Anchor component={Link} to={unitPath(child.id, asOf)} size="sm" className="px-wrap">
                {child.name}
              </Anchor>
              <KindBadge kind={child.kind} />
            </Group>
          ))}
        </Stack>
      )}
      {items.length > shown.length && (
        <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => setShowAll(true)}>
          {t('common.viewAll')} ({formatNumber(items.length)})
        </Button>
      )}
    </Paper>
  );
}
