import { Skeleton, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../common/format.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { formatIndex, formatPercent } from './contest-format.ts';
import { useQuestionStats } from './contests.api.ts';

/** Per-question facility and discrimination of a round, hardest first (as the server sorts). */
export function RoundStats({ contestId, roundId }: { contestId: string; roundId: string }) {
  const { t } = useTranslation();
  const stats = useQuestionStats(contestId, roundId, true);
  if (stats.isError) return <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />;
  if (stats.isPending) return <Skeleton height={120} />;
  const { attempts, items } = stats.data;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('contests.round.statsHint')}{' '}
        {t('contests.round.statsAttempts', { n: formatNumber(attempts) })}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('contests.round.noStats')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={360} maxHeight={480}>
          <Table striped stickyHeader verticalSpacing="xs" data-testid="stats-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contests.round.question')}</Table.Th>
                <Table.Th ta="right">{t('contests.round.facility')}</Table.Th>
                <Table.Th ta="right">{t('contests.round.discrimination')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((row) => (
                <Table.Tr key={row.versionId}>
                  <Table.Td className="px-wrap">
                    <Text size="sm" lineClamp={3}>
                      {row.text}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('contests.round.statsAttempts', { n: formatNumber(row.attempts) })}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{formatPercent(row.facility)}</Table.Td>
                  <Table.Td ta="right">
                    {row.discrimination === null
                      ? t('common.none')
                      : formatIndex(row.discrimination)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
