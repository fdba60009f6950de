import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Durable background jobs (docs/decisions/0006-background-jobs.md). A row is written by
 * `enqueueJob` inside the caller's transaction, so a job exists exactly when the change that asked
 * for it committed. No foreign keys: the kernel knows no module's tables; `unit_id` and
 * `created_by` are checked when the job is read.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    /** queued → running → done | failed; running → queued again on a retry or a graceful stop. */
    status: text('status').notNull().default('queued'),
    progressDone: integer('progress_done').notNull().default(0),
    /** Null until the handler knows how much there is to do. */
    progressTotal: integer('progress_total'),
    /** What the handler returned (a small summary the owner may see). */
    result: jsonb('result'),
    /** Vietnamese, for the people who see the job; set only when it failed. */
    error: text('error'),
    /** The last technical error of an attempt, for operators; never sent to clients. */
    lastFailure: text('last_failure'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    /** Who asked for it and which unit it belongs to: they decide who may read it. */
    createdBy: uuid('created_by'),
    unitId: uuid('unit_id'),
    /** A queued job is not claimed before this (backoff after a failed attempt). */
    runAfter: timestamp('run_after', { withTimezone: true }).notNull().defaultNow(),
    /** The runner that holds a running job, and until when; past it, another may take it over. */
    lockedBy: text('locked_by'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('jobs_status_ck', sql`${t.status} in ('queued', 'running', 'done', 'failed')`),
    check('jobs_progress_ck', sql`${t.progressDone} >= 0`),
    // The runner's two ways in: queued jobs that are due, and running jobs whose lease ran out.
    index('jobs_queued_idx')
      .on(t.runAfter)
      .where(sql`${t.status} = 'queued'`),
    index('jobs_running_lease_idx')
      .on(t.leaseUntil)
      .where(sql`${t.status} = 'running'`),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
