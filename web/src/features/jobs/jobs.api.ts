import { useQuery } from '@tanstack/react-query';
import type { JobStatus } from '../../../../common/jobs.ts';
import { isJobFinished } from '../../../../common/jobs.ts';
import { api } from '../../lib/api.ts';

/** GET /api/jobs/:id (server: server/kernel/jobs/jobs.contracts.ts). */
export type JobView = {
  id: string;
  kind: string;
  status: JobStatus;
  progress: { done: number; total: number | null };
  error: string | null;
  result: unknown;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export const jobKeys = { detail: (id: string) => ['jobs', id] as const };

/** Polls a job every `intervalMs` until it is done or failed. */
export function useJob(jobId: string, intervalMs = 1000) {
  return useQuery({
    queryKey: jobKeys.detail(jobId),
    queryFn: ({ signal }) => api.get<{ job: JobView }>(`/jobs/${jobId}`, undefined, signal),
    select: (data) => data.job,
    staleTime: 0,
    refetchInterval: (query) => {
      const job = query.state.data?.job;
      if (query.state.error) return false;
      return job && isJobFinished(job.status) ? false : intervalMs;
    },
  });
}
