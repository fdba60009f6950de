import type { z } from 'zod';
import type { AppDeps } from '../deps.ts';

/** What a handler sees while it runs one attempt of a job. */
export type JobContext<Payload> = {
  deps: AppDeps;
  jobId: string;
  payload: Payload;
  /** 1 on the first run; more after a failed attempt or a crash (handlers must be idempotent). */
  attempt: number;
  /** Who asked for the job and for which unit (for the handler's own audit entries). */
  createdBy: string | null;
  unitId: string | null;
  /** Progress recorded by an earlier attempt, for handlers that can resume rather than redo. */
  previous: { done: number; total: number | null };
  /**
   * Records progress in its own small transaction and extends the lease. Call it every N items,
   * after the items' own transaction has committed. Throws `JobInterrupted` when the runner is
   * stopping or another runner has taken the job over: let it propagate.
   */
  reportProgress(done: number, total?: number): Promise<void>;
  /** Aborted when the runner stops; long waits should listen to it. */
  signal: AbortSignal;
};

/**
 * A kind of job: its name, the schema of its payload (checked when enqueued and again when run)
 * and the handler. The handler runs at least once and may run again after a crash, so it must
 * be idempotent. It returns a small JSON summary that the job's readers may see.
 */
export type JobDefinition<Payload, Result = unknown> = {
  kind: string;
  payload: z.ZodType<Payload>;
  /** Attempts before the job fails for good (default 3). */
  maxAttempts?: number;
  run(context: JobContext<Payload>): Promise<Result>;
};

export function defineJob<Payload, Result>(
  definition: JobDefinition<Payload, Result>,
): JobDefinition<Payload, Result> {
  if (!/^[a-z][a-z0-9_.-]{1,63}$/.test(definition.kind)) {
    throw new Error(`Invalid job kind "${definition.kind}"`);
  }
  return definition;
}

/**
 * A failure that another attempt would not fix (bad data, a rule): the job fails at once and
 * `message`, in Vietnamese, is what its readers see. An `AppError` thrown by a handler counts the
 * same. Any other error is retried, up to the job's attempts.
 */
export class JobFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobFailure';
  }
}

/** The attempt must stop now: the runner is stopping, or the job is no longer this runner's. */
export class JobInterrupted extends Error {
  readonly reason: 'stopping' | 'lease_lost';
  constructor(reason: 'stopping' | 'lease_lost') {
    super(reason === 'stopping' ? 'job runner is stopping' : 'job lease lost');
    this.name = 'JobInterrupted';
    this.reason = reason;
  }
}
