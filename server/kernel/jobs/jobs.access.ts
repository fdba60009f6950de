import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { definePolicy } from '../auth/policy.ts';
import type { Db } from '../db/client.ts';
import { notFound } from '../http/errors.ts';
import type { JobStatus } from '../../../common/jobs.ts';
import type { JobView } from './jobs.contracts.ts';
import type { JobRow } from './jobs.table.ts';
import { jobs } from './jobs.table.ts';

export type JobAction = 'view';

/** Reading a job's status needs a role on its unit; its creator may always read it. */
export const jobPolicy = definePolicy<JobAction>({ view: 'viewer' });

/** Today's tree path of a unit, supplied by the org module at app build (the kernel has no tables of units). */
export type UnitPathLookup = (db: Db, unitId: string) => Promise<string | null>;

const JOB_NOT_FOUND = 'Không tìm thấy công việc.';

/**
 * The job if the actor may read it; otherwise 404, exactly as for a job that does not exist: a
 * job outside one's subtrees reveals nothing, not even that it exists.
 */
export async function findVisibleJob(
  db: Db,
  actor: Actor,
  id: string,
  unitPath: UnitPathLookup,
): Promise<JobRow> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  if (!row) throw notFound(JOB_NOT_FOUND);
  if (row.createdBy === actor.userId) return row;
  const path = row.unitId ? await unitPath(db, row.unitId) : null;
  if (!path || !jobPolicy.can(actor, 'view', path)) throw notFound(JOB_NOT_FOUND);
  return row;
}

/** Field by field: payloads, lease holders and technical failures never leave the server. */
export function presentJob(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as JobStatus,
    progress: { done: row.progressDone, total: row.progressTotal },
    error: row.status === 'failed' ? row.error : null,
    result: row.status === 'done' ? row.result : null,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
