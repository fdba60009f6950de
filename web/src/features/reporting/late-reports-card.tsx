import { Anchor, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../../common/format.ts';
import { api } from '../../lib/api.ts';
import { todayInVietnam } from '../../lib/dates.ts';
import { queryKeys } from '../../lib/query-keys.ts';
import { TimelinessBadge } from './report-badges.tsx';
import { progressPath } from './report-types-card.tsx';
import { useOwedReportTypes } from './reporting.api.ts';
import type { ProgressResponse } from './reporting.types.ts';

type LateItem = {
  key: string;
  unitName: string;
  typeName: string;
  periodLabel: string;
  dueDate: string;
  timeliness: ProgressResponse['own']['timeliness'];
  link: string;
};

/**
 * Reports of this level and of the levels reporting to it that are late or missing, for the
 * periods already due of every report type the unit takes part in.
 */
export function LateReportsCard({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const types = useOwedReportTypes(unitId);
  const today = todayInVietnam();
  const due = (types.data ?? []).flatMap((type) =>
    type.periods
      .filter((p) => p.dueDate < today)
      .slice(-2)
      .map((p) => ({ type, period: p })),
  );
  const query = useQuery({
    queryKey: [
      ...queryKeys.reporting.all,
      'late',
      unitId,
      due.map((d) => `${d.type.id}/${d.period.key}`).join(','),
    ],
    enabled: types.isSuccess,
    staleTime: 0,
    queryFn: async ({ signal }) => {
      const results = await Promise.all(
        due.map(({ type, period }) =>
          api
            .get<ProgressResponse>(
              `/reporting/report-types/${type.id}/progress`,
              { period: period.key, unitId },
              signal,
            )
            .catch(() => null),
        ),
      );
      const items: LateItem[] = [];
      results.forEach((progress, i) => {
        if (!progress) return;
        const { type, period } = due[i]!;
        for (const state of [progress.own, ...progress.children]) {
          if (!state.isLate) continue;
          items.push({
            key: `${type.id}/${period.key}/${state.unit.id}`,
            unitName: state.unit.name,
            typeName: type.name,
            periodLabel: period.label,
            dueDate: period.dueDate,
            timeliness: state.timeliness,
            link: state.reportId
              ? `/bao-cao/${state.reportId}`
              : progressPath(type.id, period.key, unitId),
          });
        }
      });
      return items;
    },
  });
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} fz="h4" mb="sm">
        {t('planning.dashboard.lateReports')}
      </Title>
      {types.isPending || query.isPending ? (
        <Loader size="sm" aria-label={t('app.loading')} />
      ) : (query.data ?? []).length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('planning.dashboard.noLateReports')}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="late-reports">
          {query.data!.map((item) => (
            <Group key={item.key} justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={item.link} size="sm" className="px-wrap">
                  {item.unitName}
                </Anchor>
                <Text size="xs" c="dimmed" className="px-wrap">
                  {item.typeName} · {item.periodLabel} ·{' '}
                  {t('reporting.reports.due', { date: formatDate(item.dueDate) })}
                </Text>
              </Stack>
              <TimelinessBadge timeliness={item.timeliness} />
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
