import { Box, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { quarterLabel } from '../../../../common/format.ts';
import { api } from '../../lib/api.ts';
import { queryKeys } from '../../lib/query-keys.ts';
import type { DashboardTarget, RollupResponse } from './planning.types.ts';
import { formatMeasure } from './target-display.tsx';
import { windowQuarters } from './trend-periods.ts';

/** Values of the target's indicator quarter by quarter (the rollup API, one call a quarter). */
export function TargetTrend({
  unitId,
  item,
  asOf,
}: {
  unitId: string;
  item: DashboardTarget;
  asOf: string;
}) {
  const { t } = useTranslation();
  const { target } = item;
  const quarters = windowQuarters(target.period.from, target.period.to, asOf);
  const query = useQuery({
    queryKey: queryKeys.planning.rollup(
      unitId,
      target.indicatorCode,
      quarters.join(','),
      target.category ?? '',
    ),
    queryFn: ({ signal }) =>
      Promise.all(
        quarters.map((period) =>
          api.get<RollupResponse>(
            '/planning/rollup',
            { unitId, indicatorCode: target.indicatorCode, period, category: target.category },
            signal,
          ),
        ),
      ),
    enabled: quarters.length > 0,
  });
  if (query.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  const points = (query.data ?? []).map((r, i) => ({ key: quarters[i]!, value: r.total.value }));
  if (points.every((p) => p.value === null)) {
    return (
      <Text size="sm" c="dimmed">
        {t('planning.dashboard.trendEmpty')}
      </Text>
    );
  }
  const max = Math.max(...points.map((p) => p.value ?? 0), 1);
  return (
    <Group
      gap={6}
      align="flex-end"
      wrap="nowrap"
      h={120}
      data-testid="target-trend"
      style={{ overflowX: 'auto' }}
    >
      {points.map((p) => {
        const [year, q] = p.key.split('-Q');
        return (
          <Stack key={p.key} gap={2} align="center" style={{ flex: '1 0 40px' }}>
            <Text size="10px" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {formatMeasure(p.value, target.unitLabel).replace(` ${target.unitLabel}`, '')}
            </Text>
            <Box
              w="70%"
              h={Math.max(2, Math.round(((p.value ?? 0) / max) * 70))}
              bg="var(--mantine-color-xanh-6, var(--mantine-color-green-6))"
              style={{ borderRadius: '3px 3px 0 0' }}
            />
            <Text size="10px" style={{ whiteSpace: 'nowrap' }}>
              {quarterLabel(Number(year), Number(q) as 1 | 2 | 3 | 4).replace('Quý ', 'Q')}
            </Text>
          </Stack>
        );
      })}
    </Group>
  );
}
