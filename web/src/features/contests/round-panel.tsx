import { Badge, Button, Group, Skeleton, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconDownload, IconFlag } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../common/format.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { FormError } from '../../components/form-error.tsx';
import { JobProgress } from '../jobs/job-progress.tsx';
import { ConfirmButton } from '../planning/confirm-button.tsx';
import type { RoundStatus } from './contest-format.ts';
import { contestKeys, resultsXlsxUrl, useCloseRound, useRoundResults } from './contests.api.ts';
import type { ContestView, RoundView } from './contests.types.ts';
import { RoundCertificates } from './round-certificates.tsx';
import { RoundStats } from './round-stats.tsx';

type Props = { contest: ContestView; round: RoundView; status: RoundStatus; canManage: boolean };

/** One round: close it when over (a background job), then its ranking, statistics and certificates. */
export function RoundPanel({ contest, round, status, canManage }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const close = useCloseRound(contest.id, round.id);
  const [closeJob, setCloseJob] = useState<string | null>(null);
  const closed = status === 'closed';
  // A draft has no participants yet: nothing to close, rank or count.
  if (contest.status === 'draft') {
    return (
      <Text size="sm" c="dimmed">
        {t('contests.round.draftHint')}
      </Text>
    );
  }

  return (
    <Stack gap="md">
      {closed && (
        <Text size="sm" data-testid="round-summary">
          {t('contests.round.closedSummary', {
            participants: formatNumber(round.participantCount ?? 0),
            trueCount: formatNumber(round.trueCount ?? 0),
          })}
        </Text>
      )}
      {status === 'over' && canManage && !closeJob && (
        <Stack gap="xs" align="flex-start">
          <Text size="sm" c="dimmed">
            {t('contests.round.closeHint')}
          </Text>
          <FormError error={close.error} />
          <ConfirmButton
            question={t('contests.round.closeConfirm', { n: round.number })}
            onConfirm={() =>
              close.mutate(undefined, { onSuccess: ({ jobId }) => setCloseJob(jobId) })
            }
            loading={close.isPending}
            leftSection={<IconFlag size={16} aria-hidden />}
            data-testid="close-round"
          >
            {t('contests.round.close')}
          </ConfirmButton>
        </Stack>
      )}
      {closeJob && !closed && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('contests.round.closing')}
          </Text>
          <JobProgress
            jobId={closeJob}
            onFinished={() => void queryClient.invalidateQueries({ queryKey: contestKeys.all })}
          />
        </Stack>
      )}
      {closed ? (
        <Tabs defaultValue="results" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="results">{t('contests.round.results')}</Tabs.Tab>
            <Tabs.Tab value="stats">{t('contests.round.stats')}</Tabs.Tab>
            {canManage && (
              <Tabs.Tab value="certificates">{t('contests.round.certificates')}</Tabs.Tab>
            )}
          </Tabs.List>
          <Tabs.Panel value="results" pt="sm">
            <RoundResults contestId={contest.id} roundId={round.id} />
          </Tabs.Panel>
          <Tabs.Panel value="stats" pt="sm">
            <RoundStats contestId={contest.id} roundId={round.id} />
          </Tabs.Panel>
          {canManage && (
            <Tabs.Panel value="certificates" pt="sm">
              <RoundCertificates contestId={contest.id} roundId={round.id} />
            </Tabs.Panel>
          )}
        </Tabs>
      ) : (
        status !== 'upcoming' && <RoundStats contestId={contest.id} roundId={round.id} />
      )}
    </Stack>
  );
}

function RoundResults({ contestId, roundId }: { contestId: string; roundId: string }) {
  const { t } = useTranslation();
  const results = useRoundResults(contestId, roundId, true);
  if (results.isError)
    return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  if (results.isPending) return <Skeleton height={160} />;
  const items = results.data.items;
  return (
    <Stack gap="sm">
      <Group>
        <Button
          component="a"
          href={resultsXlsxUrl(contestId, roundId)}
          download
          variant="default"
          size="xs"
          leftSection={<IconDownload size={16} aria-hidden />}
          data-testid="results-xlsx"
        >
          {t('contests.round.export')}
        </Button>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('contests.round.noResults')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560} maxHeight={520}>
          <Table striped stickyHeader verticalSpacing="xs" data-testid="results-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={56}>{t('contests.round.rank')}</Table.Th>
                <Table.Th>{t('contests.round.name')}</Table.Th>
                <Table.Th>{t('contests.round.phone')}</Table.Th>
                <Table.Th ta="right">{t('contests.round.score')}</Table.Th>
                <Table.Th ta="right">{t('contests.round.time')}</Table.Th>
                <Table.Th ta="right">{t('contests.round.prediction')}</Table.Th>
                <Table.Th>{t('contests.round.prize')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((row) => (
                <Table.Tr key={row.participantId}>
                  <Table.Td>
                    {row.rank}
                    {row.tiedWithPrevious && (
                      <Text span size="xs" c="dimmed" title={t('contests.round.tied')}>
                        {' '}
                        =
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className="px-wrap">
                    {row.fullName}
                    {row.unitText && (
                      <Text size="xs" c="dimmed">
                        {row.unitText}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.phone}</Table.Td>
                  <Table.Td ta="right">{formatNumber(row.score)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {t('contests.round.seconds', { n: formatNumber(row.timeMs / 1000) })}
                  </Table.Td>
                  <Table.Td ta="right">
                    {row.predictionDistance === null
                      ? t('common.none')
                      : formatNumber(row.predictionDistance)}
                  </Table.Td>
                  <Table.Td>
                    {row.prize ? <Badge variant="light">{row.prize}</Badge> : null}
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
