/** Background job states and progress, shared by the server's contract and the web's progress bar. */

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  queued: 'Đang chờ xử lý',
  running: 'Đang xử lý',
  done: 'Đã xong',
  failed: 'Không thành công',
};

/** A job that will not change any more: the client stops polling. */
export function isJobFinished(status: JobStatus): boolean {
  return status === 'done' || status === 'failed';
}

/**
 * Whole percent for a progress bar, or null while the amount of work is unknown. A finished job is
 * 100 % whatever its counters say; a running one never shows 100 % before it has finished.
 */
export function jobPercent(job: {
  status: JobStatus;
  progress: { done: number; total: number | null };
}): number | null {
  if (job.status === 'done') return 100;
  const { done, total } = job.progress;
  if (total === null) return null;
  if (total <= 0) return 0;
  const percent = Math.floor((Math.min(done, total) / total) * 100);
  return job.status === 'running' || job.status === 'queued' ? Math.min(percent, 99) : percent;
}
