import { Paper, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../common/format.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { useCompletions } from './courses.api.ts';

/** Who completed, per unit under the organiser: completed ÷ members as a progress bar. */
export function CompletionsPanel({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const completions = useCompletions(courseId, true);
  if (completions.isPending) return <Skeleton h={120} radius="md" />;
  if (completions.error)
    return <ErrorState error={completions.error} onRetry={() => void completions.refetch()} />;
  const { total, items, passMark } = completions.data;
  return (
    <Stack gap="sm">
      <Text fw={600}>
        {t('courses.completions.total', {
          completed: formatNumber(total.completed),
          learners: formatNumber(total.learners),
        })}
      </Text>
      {items.length === 0 && <Text c="dimmed">{t('courses.completions.empty')}</Text>}
      {items.map((row) => {
        const percent = row.rate === null ? null : Math.round(row.rate * 1000) / 10;
        return (
          <Paper key={row.unitId} withBorder radius="md" p="sm" data-testid="completion-row">
            <Stack gap={6}>
              <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {row.name}
              </Text>
              <Progress
                value={Math.min(percent ?? 0, 100)}
                aria-label={row.name}
                size="lg"
                radius="xl"
              />
              <Text size="xs" c="dimmed">
                {percent === null
                  ? t('courses.completions.noMembers')
                  : t('courses.completions.rate', { rate: formatNumber(percent) })}
                {' · '}
                {t('courses.completions.completed')}: {formatNumber(row.completed)} ·{' '}
                {t('courses.completions.learners')}: {formatNumber(row.learners)} ·{' '}
                {t('courses.completions.members')}: {formatNumber(row.members)}
              </Text>
            </Stack>
          </Paper>
        );
      })}
      <Text size="xs" c="dimmed">
        {t('courses.completions.note', { mark: passMark })}
      </Text>
    </Stack>
  );
}
