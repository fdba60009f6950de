import type { SQL } from 'drizzle-orm';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { jobs } from './jobs.table.ts';

/**
 * The runner's SQL. Every write after the claim is fenced on (id, locked_by, attempts): a runner
 * whose lease ran out and whose job was taken over cannot write progress or an outcome any more.
 * Times come from the database clock so that runners on several machines agree.
 */

/** A job as a runner holds it during one attempt. */
export type ClaimedJob = {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  progressDone: number;
  progressTotal: number | null;
  createdBy: string | null;
  unitId: string | null;
  lockedBy: string;
};

type ClaimRow = {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  progress_done: number;
  progress_total: number | null;
  created_by: string | null;
  unit_id: string | null;
};

function leaseEnd(leaseMs: number): SQL {
  return sql`now() + ${Math.round(leaseMs)}::int * interval '1 millisecond'`;
}

/**
 * Takes the oldest due job of the given kinds: a queued one whose time has come, or a running one
 * whose lease has expired (its runner died). `FOR UPDATE SKIP LOCKED` lets runners in several
 * processes claim side by side on PostgreSQL without waiting on each other; on PGlite, with its
 * single connection, the statement simply runs alone. The claim counts as an attempt.
 */
export async function claimNextJob(
  db: Db,
  kinds: string[],
  workerId: string,
  leaseMs: number,
): Promise<ClaimedJob | null> {
  if (kinds.length === 0) return null;
  const kindList = sql.join(
    kinds.map((kind) => sql`${kind}`),
    sql`, `,
  );
  const result: unknown = await db.execute(sql`
    update jobs
       set status = 'running',
           attempts = attempts + 1,
           locked_by = ${workerId},
           lease_until = ${leaseEnd(leaseMs)},
           started_at = coalesce(started_at, now()),
           updated_at = now()
     where id = (
       select id from jobs
        where kind in (${kindList})
          and ((status = 'queued' and run_after <= now())
            or (status = 'running' and lease_until < now()))
        order by run_after, created_at, id
        limit 1
        for update skip locked
     )
    returning id, kind, payload, attempts, max_attempts, progress_done, progress_total,
              created_by, unit_id`);
  const row = (result as { rows: ClaimRow[] }).rows[0];
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    progressDone: Number(row.progress_done),
    progressTotal: row.progress_total === null ? null : Number(row.progress_total),
    createdBy: row.created_by,
    unitId: row.unit_id,
    lockedBy: workerId,
  };
}

function heldBy(job: ClaimedJob): SQL {
  return and(
    eq(jobs.id, job.id),
    eq(jobs.status, 'running'),
    eq(jobs.lockedBy, job.lockedBy),
    eq(jobs.attempts, job.attempts),
  )!;
}

/** Records progress and extends the lease. False when the job is no longer this runner's. */
export async function saveProgress(
  db: Db,
  job: ClaimedJob,
  leaseMs: number,
  done: number,
  total: number | undefined,
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      progressDone: done,
      ...(total === undefined ? {} : { progressTotal: total }),
      leaseUntil: leaseEnd(leaseMs),
      updatedAt: sql`now()`,
    })
    .where(heldBy(job))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

/** Extends the lease of a job still being worked on. False when it is no longer this runner's. */
export async function extendLease(db: Db, job: ClaimedJob, leaseMs: number): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ leaseUntil: leaseEnd(leaseMs) })
    .where(heldBy(job))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

export async function completeJob(db: Db, job: ClaimedJob, result: unknown): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      status: 'done',
      result: result ?? null,
      // A handler that never reported a total still ends at 100 %.
      progressTotal: sql`coalesce(${jobs.progressTotal}, ${jobs.progressDone})`,
      progressDone: sql`coalesce(${jobs.progressTotal}, ${jobs.progressDone})`,
      error: null,
      lockedBy: null,
      leaseUntil: null,
      finishedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(heldBy(job))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

export async function failJob(
  db: Db,
  job: ClaimedJob,
  message: string,
  technical: string | null,
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      status: 'failed',
      error: message,
      ...(technical === null ? {} : { lastFailure: technical }),
      lockedBy: null,
      leaseUntil: null,
      finishedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(heldBy(job))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

/**
 * Puts a job back in the queue: after a failed attempt (retry after `delayMs`, the attempt
 * counted) or after a graceful stop (at once, the attempt given back).
 */
export async function requeueJob(
  db: Db,
  job: ClaimedJob,
  options: { delayMs: number; giveBackAttempt: boolean; technical: string | null },
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      status: 'queued',
      ...(options.giveBackAttempt ? { attempts: sql`${jobs.attempts} - 1` } : {}),
      runAfter: sql`now() + ${Math.round(options.delayMs)}::int * interval '1 millisecond'`,
      ...(options.technical === null ? {} : { lastFailure: options.technical }),
      lockedBy: null,
      leaseUntil: null,
      updatedAt: sql`now()`,
    })
    .where(heldBy(job))
    .returning({ id: jobs.id });
  return rows.length === 1;
}
