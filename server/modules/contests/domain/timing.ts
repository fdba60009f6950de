import { ContestRuleError, assertInstant } from './contest-errors.ts';

/**
 * The server holds the time. The browser shows a countdown, but what counts is the instant at
 * which the server recorded each answer; this file decides, from those instants alone, which
 * answers of a submission count.
 *
 * Contract:
 * - The limit ends at start + limit (per attempt), or start + questions × limit (per question: a
 *   participant cannot stretch an attempt by idling between questions), and never after the
 *   round closes, so every attempt is over shortly after its round and the true count can be
 *   frozen.
 * - `deadline` = limit end + grace. The grace (5 s by default) is not shown to anyone: it absorbs
 *   the network, so an answer tapped in the last second and recorded a moment after zero still
 *   counts. An answer counts when recorded at or before the deadline — and at or before the
 *   submission, since a submitted attempt takes no more answers.
 * - Per-question limits: question i's window opens when the server first served it and lasts
 *   the limit plus the grace (never past the attempt's deadline). An answer counts only inside
 *   its own window; an answer to a question the server never served does not count.
 * - A submission after the deadline is still accepted (status `late`; the retry of a phone that
 *   lost its signal must not lose the attempt) and scored only on the answers that counted. Its
 *   end, for ranking by time, is the deadline: arriving late never ranks better than arriving on
 *   time.
 * - When a question was answered more than once, the last answer that counts is the answer.
 */

export type TimeLimit =
  | { kind: 'none' }
  | { kind: 'per_attempt'; seconds: number }
  | { kind: 'per_question'; seconds: number };

export const DEFAULT_GRACE_MS = 5_000;

export type AttemptClock = {
  startedAt: number;
  limit: TimeLimit;
  graceMs: number;
  /** Questions in the attempt; the per-question limit multiplies by it. */
  questionCount: number;
  /** The close of the attempt's round, when the contest caps attempts by it. */
  roundClosesAt?: number | null;
};

export type AttemptDeadline = {
  /** When the countdown shown to the participant reaches zero; null when nothing limits it. */
  limitEndsAt: number | null;
  /** limitEndsAt + grace: the last instant at which an answer is recorded in time. */
  deadline: number | null;
};

export type ServedQuestion = {
  questionId: string;
  /** When the server first sent this question; needed for per-question limits only. */
  servedAt?: number | null;
};

export type RecordedAnswer = {
  questionId: string;
  optionIds: readonly string[];
  /** Server time at which the answer was recorded (epoch ms). */
  recordedAt: number;
};

export type CountedAnswer = { questionId: string; optionIds: readonly string[] };

export type SubmissionStatus = 'on_time' | 'late';

export type CountedSubmission = {
  status: SubmissionStatus;
  deadline: number | null;
  /** The submission instant that ranks: the submission, or the deadline when that came first. */
  effectiveSubmittedAt: number;
  durationMs: number;
  /** One answer per answered question, in the attempt's question order. */
  counted: CountedAnswer[];
  /** Answers that did not count: too late, outside their window, or not of this attempt. */
  ignoredCount: number;
};

function checkClock(clock: AttemptClock): number {
  assertInstant(clock.startedAt, 'startedAt');
  if (clock.roundClosesAt != null) assertInstant(clock.roundClosesAt, 'roundClosesAt');
  if (!Number.isFinite(clock.graceMs) || clock.graceMs < 0) {
    throw new ContestRuleError('invalid_time_limit', { graceMs: clock.graceMs });
  }
  if (!Number.isInteger(clock.questionCount) || clock.questionCount < 1) {
    throw new ContestRuleError('invalid_time_limit', { questionCount: clock.questionCount });
  }
  if (clock.limit.kind === 'none') return 0;
  const { seconds } = clock.limit;
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new ContestRuleError('invalid_time_limit', { limit: clock.limit });
  }
  return Math.round(seconds * 1000);
}

/**
 * The deadline of an attempt. Throws `invalid_time_limit` (a limit that is not positive, a
 * negative grace, no questions) or `invalid_instant`.
 */
export function computeDeadline(clock: AttemptClock): AttemptDeadline {
  const limitMs = checkClock(clock);
  const close = clock.roundClosesAt ?? null;
  let limitEndsAt: number | null;
  switch (clock.limit.kind) {
    case 'none':
      limitEndsAt = close;
      break;
    case 'per_attempt':
      limitEndsAt = clock.startedAt + limitMs;
      break;
    case 'per_question':
      limitEndsAt = clock.startedAt + limitMs * clock.questionCount;
      break;
  }
  if (limitEndsAt !== null && close !== null) limitEndsAt = Math.min(limitEndsAt, close);
  return {
    limitEndsAt,
    deadline: limitEndsAt === null ? null : limitEndsAt + Math.round(clock.graceMs),
  };
}

/** True once no answer can count any more: the attempt can be closed and a new one started. */
export function isAttemptExpired(deadline: AttemptDeadline, now: number): boolean {
  return deadline.deadline !== null && now > deadline.deadline;
}

/**
 * The window in which an answer to a question served at `servedAt` counts, under a per-question
 * limit: [servedAt, min(servedAt + limit + grace, attempt deadline)]. For the countdown, the
 * question's own limit ends at `limitEndsAt`.
 */
export function computeQuestionWindow(
  clock: AttemptClock,
  servedAt: number,
): { opensAt: number; limitEndsAt: number; deadline: number } {
  const limitMs = checkClock(clock);
  if (clock.limit.kind !== 'per_question') {
    throw new ContestRuleError('invalid_time_limit', { problem: 'not_per_question' });
  }
  assertInstant(servedAt, 'servedAt');
  const attempt = computeDeadline(clock);
  const attemptLimit = attempt.limitEndsAt ?? Number.POSITIVE_INFINITY;
  const limitEndsAt = Math.min(servedAt + limitMs, attemptLimit);
  return { opensAt: servedAt, limitEndsAt, deadline: limitEndsAt + Math.round(clock.graceMs) };
}

/**
 * Which answers of a submission count, and when the attempt ended. `questions` are the attempt's
 * questions in their drawn order; `answers` are every answer the server recorded for it, in the
 * order recorded (a later entry with the same instant supersedes an earlier one).
 */
export function selectCountedAnswers(input: {
  clock: AttemptClock;
  questions: readonly ServedQuestion[];
  answers: readonly RecordedAnswer[];
  submittedAt: number;
}): CountedSubmission {
  const { clock, questions, answers, submittedAt } = input;
  assertInstant(submittedAt, 'submittedAt');
  const { deadline } = computeDeadline(clock);
  const cutoff = deadline === null ? submittedAt : Math.min(deadline, submittedAt);
  const perQuestion = clock.limit.kind === 'per_question';

  const windows = new Map<string, { position: number; opensAt: number; closesAt: number }>();
  questions.forEach((question, position) => {
    if (!perQuestion) {
      windows.set(question.questionId, { position, opensAt: clock.startedAt, closesAt: cutoff });
    } else if (question.servedAt != null) {
      const window = computeQuestionWindow(clock, question.servedAt);
      windows.set(question.questionId, {
        position,
        opensAt: window.opensAt,
        closesAt: Math.min(window.deadline, cutoff),
      });
    }
  });

  const chosen: (RecordedAnswer | undefined)[] = new Array<RecordedAnswer | undefined>(
    questions.length,
  );
  let ignoredCount = 0;
  for (const answer of answers) {
    const window = windows.get(answer.questionId);
    if (!window || answer.recordedAt < window.opensAt || answer.recordedAt > window.closesAt) {
      ignoredCount++;
      continue;
    }
    const current = chosen[window.position];
    if (current === undefined || answer.recordedAt >= current.recordedAt) {
      chosen[window.position] = answer;
    }
  }

  const counted: CountedAnswer[] = [];
  for (const answer of chosen) {
    if (answer) counted.push({ questionId: answer.questionId, optionIds: answer.optionIds });
  }
  const effectiveSubmittedAt = deadline === null ? submittedAt : Math.min(submittedAt, deadline);
  return {
    status: deadline !== null && submittedAt > deadline ? 'late' : 'on_time',
    deadline,
    effectiveSubmittedAt,
    durationMs: Math.max(0, effectiveSubmittedAt - clock.startedAt),
    counted,
    ignoredCount,
  };
}
