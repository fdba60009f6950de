import { z } from 'zod';
import { JOB_STATUSES } from '../../../common/jobs.ts';

export const JobParams = z.strictObject({ id: z.uuid() });

export const JobView = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
  /** Vietnamese; only when the job failed. */
  error: z.string().nullable(),
  /** The handler's summary once done (each kind documents its own). */
  result: z.unknown(),
  attempts: z.number().int(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type JobView = z.infer<typeof JobView>;

export const JobResponse = z.object({ job: JobView });
export type JobResponse = z.infer<typeof JobResponse>;
