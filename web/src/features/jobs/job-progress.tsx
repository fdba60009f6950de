import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { jobPercent } from '../../../../common/jobs.ts';
import { formatNumber } from '../../../../common/format.ts';
import { useErrorMessage } from '../../components/use-error-message.ts';
import type { JobView } from './jobs.api.ts';
import { useJob } from './jobs.api.ts';

type Props = {
  jobId: string;
  /** Called once when the job has finished (done or failed), e.g. to refresh a list. */
  onFinished?: (job: JobView) => void;
  intervalMs?: number;
};

const COLORS = { queued: 'gray', running: 'blue', done: 'xanh', failed: 'red' } as const;

/**
 * A background job's progress (GET /api/jobs/:id, polled until it finishes): a bar with the
 * count done, the job's state, and its Vietnamese error when it failed. For any feature that
 * starts a job (certificate batches, exports…).
 */
export function JobProgress({ jobId, onFinished, intervalMs }: Props) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const job = useJob(jobId, intervalMs);
  const reported = useRef(false);
  const data = job.data;

  useEffect(() => {
    if (!data || reported.current) return;
    if (data.status === 'done' || data.status === 'failed') {
      reported.current = true;
      onFinished?.(data);
    }
  }, [data, onFinished]);

  if (job.error) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
        {t('jobs.lostTrack')} {message(job.error)}
      </Alert>
    );
  }
  const percent = data ? jobPercent(data) : null;
  const { done, total } = data?.progress ?? { done: 0, total: null };
  const status = data?.status ?? 'queued';
  return (
    <Stack gap={6} data-testid="job-progress" data-status={status}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500}>
          {t(`jobs.status.${status}`)}
        </Text>
        {total !== null && (
          <Text size="sm" c="dimmed">
            {t('jobs.progress', { done: formatNumber(done), total: formatNumber(total) })}
          </Text>
        )}
      </Group>
      <Progress
        aria-label={t('jobs.progressLabel')}
        value={percent ?? 100}
        color={COLORS[status]}
        striped={status === 'running' || percent === null}
        animated={status === 'running'}
        size="lg"
        radius="xl"
      />
      {data?.status === 'failed' && data.error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {data.error}
        </Alert>
      )}
    </Stack>
  );
}
