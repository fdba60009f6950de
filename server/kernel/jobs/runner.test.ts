import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { AppError } from '../http/errors.ts';
import { enqueueJob } from './enqueue.ts';
import { defineJob, JobFailure } from './job-definition.ts';
import { countMarks, gate, jobRow, MARKS_TABLE, markJob, waitFor } from './jobs.test-helpers.ts';
import { jobs } from './jobs.table.ts';
import { createJobRunner, MESSAGES } from './runner.ts';

const meta = { createdBy: null, unitId: null };

describe('job runner', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await t.deps.database.exec(MARKS_TABLE);
    t.app.jobs.register(markJob);
  });
  afterAll(async () => {
    await t.close();
  });

  const enqueue = <P>(definition: Parameters<typeof enqueueJob<P>>[1], payload: P) =>
    t.deps.db.transaction((tx) => enqueueJob(tx, definition, payload, meta));

  it('runs a job to the end, with progress recorded along the way', async () => {
    const halfway = gate();
    const reached = gate();
    const steps = defineJob({
      kind: 'test.steps',
      payload: z.strictObject({ total: z.number().int() }),
      async run(ctx) {
        for (let done = 10; done <= ctx.payload.total; done += 10) {
          await ctx.reportProgress(done, ctx.payload.total);
          if (done === 20) {
            reached.open();
            await halfway.opened;
          }
        }
        return { steps: ctx.payload.total / 10 };
      },
    });
    t.app.jobs.register(steps);
    const { id } = await enqueue(steps, { total: 50 });
    expect((await jobRow(t.deps.db, id)).status).toBe('queued');

    const runner = createJobRunner(t.deps, t.app.jobs);
    const running = runner.runNext();
    await reached.opened;
    const mid = await jobRow(t.deps.db, id);
    expect(mid).toMatchObject({ status: 'running', progressDone: 20, progressTotal: 50 });
    expect(mid.attempts).toBe(1);
    halfway.open();
    expect(await running).toBe(true);

    const end = await jobRow(t.deps.db, id);
    expect(end).toMatchObject({ status: 'done', progressDone: 50, progressTotal: 50, error: null });
    expect(end.result).toEqual({ steps: 5 });
    expect(end.finishedAt).not.toBeNull();
    expect(end.lockedBy).toBeNull();
    expect(await runner.runNext()).toBe(false);
  });

  it('writes nothing when the caller’s transaction rolls back', async () => {
    const before = await t.deps.db.$count(jobs);
    await expect(
      t.deps.db.transaction(async (tx) => {
        await enqueueJob(tx, markJob, { count: 3, batch: 1 }, meta);
        throw new AppError('conflict');
      }),
    ).rejects.toThrow(AppError);
    expect(await t.deps.db.$count(jobs)).toBe(before);
  });

  it('refuses a payload that does not match the kind’s schema, writing nothing', async () => {
    const before = await t.deps.db.$count(jobs);
    const bad = { count: 0, batch: 1 };
    const error: unknown = await enqueue(markJob, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation_failed');
    expect((error as AppError).message).toBe('Dữ liệu của công việc không hợp lệ.');
    expect(await t.deps.db.$count(jobs)).toBe(before);
  });

  it('fails at once, with the handler’s Vietnamese message, on a JobFailure or an AppError', async () => {
    let runs = 0;
    const refuses = defineJob({
      kind: 'test.refuses',
      payload: z.strictObject({ app: z.boolean() }),
      async run(ctx) {
        runs++;
        await ctx.reportProgress(1, 4);
        if (ctx.payload.app) throw new AppError('invalid_state', 'Vòng thi chưa kết thúc.');
        throw new JobFailure('Danh sách người nhận giấy chứng nhận đang trống.');
      },
    });
    t.app.jobs.register(refuses);
    const first = await enqueue(refuses, { app: false });
    const second = await enqueue(refuses, { app: true });
    const runner = createJobRunner(t.deps, t.app.jobs, { retryDelayMs: () => 0 });
    expect(await runner.runUntilIdle()).toBe(2);
    expect(runs).toBe(2);
    expect(await jobRow(t.deps.db, first.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      progressDone: 1,
      error: 'Danh sách người nhận giấy chứng nhận đang trống.',
    });
    expect((await jobRow(t.deps.db, second.id)).error).toBe('Vòng thi chưa kết thúc.');
  });

  it('retries an unexpected error, then gives up with a Vietnamese message', async () => {
    const outcomes: ('throw' | 'ok')[] = ['throw', 'ok', 'throw', 'throw', 'throw'];
    const flaky = defineJob({
      kind: 'test.flaky',
      payload: z.strictObject({}),
      maxAttempts: 3,
      async run() {
        if (outcomes.shift() === 'throw') throw new Error('connection reset by peer');
        return { ok: true };
      },
    });
    t.app.jobs.register(flaky);
    const runner = createJobRunner(t.deps, t.app.jobs, { retryDelayMs: () => 0 });

    const recovers = await enqueue(flaky, {});
    await runner.runUntilIdle();
    expect(await jobRow(t.deps.db, recovers.id)).toMatchObject({ status: 'done', attempts: 2 });

    const givesUp = await enqueue(flaky, {});
    await runner.runUntilIdle();
    const failed = await jobRow(t.deps.db, givesUp.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, error: MESSAGES.failedTooOften });
    expect(failed.lastFailure).toBe('Error: connection reset by peer');
  });

  it('waits for the retry delay before running a failed job again', async () => {
    let runs = 0;
    const slowRetry = defineJob({
      kind: 'test.slow-retry',
      payload: z.strictObject({}),
      async run() {
        runs++;
        if (runs === 1) throw new Error('temporarily unavailable');
        return null;
      },
    });
    t.app.jobs.register(slowRetry);
    const { id } = await enqueue(slowRetry, {});
    const runner = createJobRunner(t.deps, t.app.jobs, { retryDelayMs: () => 60_000 });
    await runner.runUntilIdle();
    expect(await jobRow(t.deps.db, id)).toMatchObject({ status: 'queued', attempts: 1 });
    expect(await runner.runNext()).toBe(false);
    await t.deps.db
      .update(jobs)
      .set({ runAfter: new Date(0) })
      .where(eq(jobs.id, id));
    expect(await runner.runNext()).toBe(true);
    expect(await jobRow(t.deps.db, id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('takes over a job whose runner went silent once its lease expires, and fences the old runner out', async () => {
    const resume = gate();
    const stuck = gate();
    let attemptsSeen: { attempt: number; previous: number }[] = [];
    const resumable = defineJob({
      kind: 'test.resumable',
      payload: z.strictObject({ count: z.number().int() }),
      async run(ctx) {
        attemptsSeen.push({ attempt: ctx.attempt, previous: ctx.previous.done });
        for (let done = ctx.previous.done + 1; done <= ctx.payload.count; done++) {
          await ctx.reportProgress(done, ctx.payload.count);
          if (ctx.attempt === 1 && done === 3) {
            stuck.open();
            await resume.opened;
          }
        }
        return { finishedBy: ctx.attempt };
      },
    });
    t.app.jobs.register(resumable);
    const { id } = await enqueue(resumable, { count: 6 });

    // Runner A claims, then stops making any sound (as a killed process would: no heartbeat).
    const silent = createJobRunner(t.deps, t.app.jobs, {
      workerId: 'silent',
      leaseMs: 300,
      heartbeatMs: 3_600_000,
    });
    const silentRun = silent.runNext();
    await stuck.opened;
    const other = createJobRunner(t.deps, t.app.jobs, { workerId: 'other', leaseMs: 300 });
    expect(await other.runNext()).toBe(false);

    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await other.runNext()).toBe(true);
    const taken = await jobRow(t.deps.db, id);
    expect(taken).toMatchObject({ status: 'done', attempts: 2, progressDone: 6 });
    expect(taken.result).toEqual({ finishedBy: 2 });
    expect(attemptsSeen).toEqual([
      { attempt: 1, previous: 0 },
      { attempt: 2, previous: 3 },
    ]);

    // The old runner wakes up: its next write is refused and it gives the job up quietly.
    resume.open();
    await silentRun;
    expect(await jobRow(t.deps.db, id)).toMatchObject({ status: 'done', progressDone: 6 });
    expect((await jobRow(t.deps.db, id)).result).toEqual({ finishedBy: 2 });
    attemptsSeen = [];
  });

  it('fails a job interrupted by crashes more often than its attempts allow', async () => {
    const never = gate();
    const hangs = defineJob({
      kind: 'test.hangs',
      payload: z.strictObject({}),
      maxAttempts: 1,
      async run(ctx) {
        await ctx.reportProgress(1, 2);
        await never.opened;
        return null;
      },
    });
    t.app.jobs.register(hangs);
    const { id } = await enqueue(hangs, {});
    const dying = createJobRunner(t.deps, t.app.jobs, { leaseMs: 200, heartbeatMs: 3_600_000 });
    void dying.runNext();
    await waitFor(
      () => jobRow(t.deps.db, id),
      (row) => row.progressDone === 1,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const next = createJobRunner(t.deps, t.app.jobs);
    expect(await next.runNext()).toBe(true);
    expect(await jobRow(t.deps.db, id)).toMatchObject({
      status: 'failed',
      error: MESSAGES.interruptedTooOften,
    });
    never.open();
  });

  it('keeps a long job alive with heartbeats while the handler works between checkpoints', async () => {
    const slow = defineJob({
      kind: 'test.slow',
      payload: z.strictObject({}),
      async run() {
        await new Promise((resolve) => setTimeout(resolve, 700));
        return { slept: true };
      },
    });
    t.app.jobs.register(slow);
    const { id } = await enqueue(slow, {});
    const worker = createJobRunner(t.deps, t.app.jobs, { leaseMs: 300, heartbeatMs: 50 });
    const run = worker.runNext();
    await new Promise((resolve) => setTimeout(resolve, 450));
    const thief = createJobRunner(t.deps, t.app.jobs, { leaseMs: 300 });
    expect(await thief.runNext()).toBe(false);
    await run;
    expect(await jobRow(t.deps.db, id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('on stop, hands the job in progress back to the queue without using up an attempt', async () => {
    const proceed = gate();
    const reached = gate();
    const pausable = defineJob({
      kind: 'test.pausable',
      payload: z.strictObject({}),
      async run(ctx) {
        await ctx.reportProgress(1, 3);
        reached.open();
        await proceed.opened;
        await ctx.reportProgress(2, 3);
        await ctx.reportProgress(3, 3);
        return { attempt: ctx.attempt };
      },
    });
    t.app.jobs.register(pausable);
    const { id } = await enqueue(pausable, {});
    const runner = createJobRunner(t.deps, t.app.jobs, { pollIntervalMs: 20 });
    runner.start();
    await reached.opened;
    const stopped = runner.stop();
    proceed.open();
    await stopped;
    expect(await jobRow(t.deps.db, id)).toMatchObject({
      status: 'queued',
      attempts: 0,
      progressDone: 1,
      lockedBy: null,
    });
    expect(await createJobRunner(t.deps, t.app.jobs).runUntilIdle()).toBe(1);
    expect(await jobRow(t.deps.db, id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('runs each job exactly once when two runners poll side by side', async () => {
    const ids = await Promise.all(
      Array.from({ length: 6 }, () => enqueue(markJob, { count: 20, batch: 5 })),
    );
    const a = createJobRunner(t.deps, t.app.jobs, { workerId: 'a' });
    const b = createJobRunner(t.deps, t.app.jobs, { workerId: 'b' });
    const [ranA, ranB] = await Promise.all([a.runUntilIdle(), b.runUntilIdle()]);
    expect(ranA + ranB).toBe(6);
    for (const { id } of ids) {
      expect(await jobRow(t.deps.db, id)).toMatchObject({ status: 'done', attempts: 1 });
      expect(await countMarks(t.deps.db, id)).toBe(20);
    }
  });

  it('leaves kinds this process does not know in the queue', async () => {
    const [row] = await t.deps.db
      .insert(jobs)
      .values({ kind: 'test.unknown-here', payload: {} })
      .returning();
    await createJobRunner(t.deps, t.app.jobs).runUntilIdle();
    expect(await jobRow(t.deps.db, row!.id)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('fails a job whose stored payload no longer matches the schema', async () => {
    const [row] = await t.deps.db
      .insert(jobs)
      .values({ kind: markJob.kind, payload: { count: 'many' } })
      .returning();
    await createJobRunner(t.deps, t.app.jobs).runUntilIdle();
    expect(await jobRow(t.deps.db, row!.id)).toMatchObject({
      status: 'failed',
      error: MESSAGES.badPayload,
    });
  });

  it('redoes an interrupted idempotent job without doing any item twice', async () => {
    let crashes = 1;
    const crashing = defineJob({
      kind: 'test.crash-once',
      payload: markJob.payload,
      async run(ctx) {
        if (crashes > 0) {
          crashes--;
          await markJob.run({ ...ctx, payload: { ...ctx.payload, count: 30 } });
          throw new Error('worker lost');
        }
        return markJob.run(ctx);
      },
    });
    t.app.jobs.register(crashing);
    const { id } = await enqueue(crashing, { count: 50, batch: 7 });
    await createJobRunner(t.deps, t.app.jobs, { retryDelayMs: () => 0 }).runUntilIdle();
    expect(await jobRow(t.deps.db, id)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await countMarks(t.deps.db, id)).toBe(50);
  });
});
