import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../http/errors.ts';
import type { JobContext } from './job-definition.ts';
import { JobFailure, JobInterrupted } from './job-definition.ts';
import type { ClaimedJob } from './job-store.ts';
import {
  claimNextJob,
  completeJob,
  extendLease,
  failJob,
  requeueJob,
  saveProgress,
} from './job-store.ts';
import type { AnyJobDefinition, JobRegistry } from './registry.ts';

export type JobLogger = {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
};

export type JobRunnerOptions = {
  /** Distinguishes this runner's leases from every other's; unique by default. */
  workerId?: string;
  /** How long to wait before looking again when there was nothing to do. */
  pollIntervalMs?: number;
  /** A running job whose runner is silent this long is taken over by another. */
  leaseMs?: number;
  /** How often the lease is extended while a handler works (default: a third of the lease). */
  heartbeatMs?: number;
  /** Wait before retrying a failed attempt (default 5 s, doubling, at most 5 min). */
  retryDelayMs?: (attempt: number) => number;
  /** How long stop() waits for a handler to reach its next checkpoint. */
  stopTimeoutMs?: number;
  log?: JobLogger;
};

export type JobRunner = {
  /** Polls for jobs until stop(). */
  start(): void;
  /** Interrupts the current job at its next checkpoint (it goes back to the queue) and waits. */
  stop(): Promise<void>;
  /** Claims and runs one due job; false when there was none. */
  runNext(): Promise<boolean>;
  /** Runs due jobs one after another until none is left; returns how many ran. */
  runUntilIdle(): Promise<number>;
};

export const MESSAGES = {
  interruptedTooOften: 'Công việc bị gián đoạn quá nhiều lần nên đã dừng. Vui lòng tạo lại.',
  failedTooOften: 'Công việc gặp sự cố nhiều lần liên tiếp nên đã dừng. Vui lòng thử lại sau.',
  badPayload: 'Dữ liệu của công việc không còn hợp lệ nên không thể xử lý.',
};

const defaultRetryDelay = (attempt: number) => Math.min(5000 * 2 ** (attempt - 1), 300_000);

const silentLog: JobLogger = { info: () => undefined, error: () => undefined };

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * The in-process job runner: one job at a time per runner. On PostgreSQL several processes may each
 * run one; on PGlite there is one process and one connection, so handlers work in small
 * transactions and other requests get their turn between them.
 */
export function createJobRunner(
  deps: AppDeps,
  registry: JobRegistry,
  options: JobRunnerOptions = {},
): JobRunner {
  const workerId =
    options.workerId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const heartbeatMs = options.heartbeatMs ?? Math.max(Math.floor(leaseMs / 3), 10);
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const retryDelayMs = options.retryDelayMs ?? defaultRetryDelay;
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  const log = options.log ?? silentLog;
  const db = deps.db;

  const stopping = new AbortController();
  let loop: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;

  async function runAttempt(job: ClaimedJob, definition: AnyJobDefinition): Promise<void> {
    const parsed = definition.payload.safeParse(job.payload);
    if (!parsed.success) {
      await failJob(db, job, MESSAGES.badPayload, describe(parsed.error));
      return;
    }
    const attempt = new AbortController();
    // Set once, from a heartbeat, a progress write or stop(); read after every await.
    const state: { interruption: JobInterrupted | null } = { interruption: null };
    const interrupt = (reason: JobInterrupted['reason']) => {
      state.interruption ??= new JobInterrupted(reason);
      attempt.abort(state.interruption);
    };
    const throwIfInterrupted = () => {
      if (state.interruption) throw state.interruption;
    };
    const onStop = () => interrupt('stopping');
    stopping.signal.addEventListener('abort', onStop);
    if (stopping.signal.aborted) onStop();

    const heartbeat = setInterval(() => {
      extendLease(db, job, leaseMs).then(
        (held) => held || interrupt('lease_lost'),
        (error: unknown) => log.error({ jobId: job.id, err: error }, 'job lease not extended'),
      );
    }, heartbeatMs);

    const context: JobContext<unknown> = {
      deps,
      jobId: job.id,
      payload: parsed.data,
      attempt: job.attempts,
      createdBy: job.createdBy,
      unitId: job.unitId,
      previous: { done: job.progressDone, total: job.progressTotal },
      signal: attempt.signal,
      async reportProgress(done, total) {
        throwIfInterrupted();
        const held = await saveProgress(db, job, leaseMs, done, total);
        if (!held) interrupt('lease_lost');
        throwIfInterrupted();
      },
    };

    try {
      const result = await definition.run(context);
      if (state.interruption?.reason === 'lease_lost') return;
      if (!(await completeJob(db, job, result))) return;
      log.info({ jobId: job.id, kind: job.kind, attempt: job.attempts }, 'job done');
    } catch (error) {
      await settleFailure(job, error, state.interruption);
    } finally {
      clearInterval(heartbeat);
      stopping.signal.removeEventListener('abort', onStop);
    }
  }

  async function settleFailure(
    job: ClaimedJob,
    error: unknown,
    interruption: JobInterrupted | null,
  ): Promise<void> {
    const stopped = error instanceof JobInterrupted ? error : interruption;
    if (stopped?.reason === 'lease_lost') {
      log.info({ jobId: job.id }, 'job taken over by another runner');
      return;
    }
    if (stopped?.reason === 'stopping') {
      await requeueJob(db, job, { delayMs: 0, giveBackAttempt: true, technical: null });
      log.info({ jobId: job.id }, 'job returned to the queue (runner stopping)');
      return;
    }
    if (error instanceof JobFailure || error instanceof AppError) {
      await failJob(db, job, error.message, describe(error));
      log.info({ jobId: job.id, kind: job.kind, reason: error.message }, 'job failed');
      return;
    }
    log.error({ jobId: job.id, kind: job.kind, attempt: job.attempts, err: error }, 'job error');
    if (job.attempts < job.maxAttempts) {
      await requeueJob(db, job, {
        delayMs: retryDelayMs(job.attempts),
        giveBackAttempt: false,
        technical: describe(error),
      });
    } else {
      await failJob(db, job, MESSAGES.failedTooOften, describe(error));
    }
  }

  async function runNext(): Promise<boolean> {
    if (stopping.signal.aborted) return false;
    const job = await claimNextJob(db, registry.kinds(), workerId, leaseMs);
    if (!job) return false;
    // A job claimed again after its last allowed attempt was cut short (the process died).
    if (job.attempts > job.maxAttempts) {
      await failJob(db, job, MESSAGES.interruptedTooOften, null);
      return true;
    }
    await runAttempt(job, registry.get(job.kind)!);
    return true;
  }

  async function pollUntilStopped(): Promise<void> {
    while (!stopping.signal.aborted) {
      let ran = false;
      try {
        ran = await runNext();
      } catch (error) {
        log.error({ err: error }, 'job runner: claim failed');
      }
      if (!ran && !stopping.signal.aborted) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollIntervalMs);
          wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wakeUp = null;
      }
    }
  }

  return {
    start() {
      loop ??= pollUntilStopped();
    },
    async stop() {
      stopping.abort();
      wakeUp?.();
      if (!loop) return;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, stopTimeoutMs);
      });
      await Promise.race([loop, timeout]);
      clearTimeout(timer);
    },
    runNext,
    async runUntilIdle() {
      let count = 0;
      while (await runNext()) count++;
      return count;
    },
  };
}
