import { createHash, randomBytes } from 'node:crypto';
import { and, eq, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../kernel/db/client.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { currentInstant } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { findLatestVersion, isWithinPath } from './contests.paths.ts';
import { drawQuestions } from './domain/draw.ts';
import { findOpenRound, isRoundClosed, isRoundOpen } from './domain/round-window.ts';
import { scoreAttempt } from './domain/scoring.ts';
import { generateAttemptSeed } from './domain/seeded-random.ts';
import type { TimeLimit } from './domain/timing.ts';
import { computeDeadline, selectCountedAnswers } from './domain/timing.ts';
import type {
  AttemptView,
  PublicContestResponse,
  RegisterBody,
  SubmitBody,
  SubmitResponse,
} from './contests.contracts.ts';
import { MESSAGES } from './contests.contracts.ts';
import type { AttemptAnswer, AttemptRow, ParticipantRow } from './contests.table.ts';
import { contestAttempts, contestParticipants } from './contests.table.ts';
import type { ContestPool } from './pool.cache.ts';
import { getPool, loadVersions } from './pool.cache.ts';
import { acceptSolution } from './proof-of-work.ts';
import type { AttemptResult } from './attempt.writes.ts';
import { insertAttemptIfAllowed, storeAttemptResult } from './attempt.writes.ts';
import {
  forgetAttempt,
  knownAttempt,
  knownParticipant,
  rememberAttempt,
  rememberParticipant,
} from './attempt.cache.ts';

/**
 * The public side of a contest: registration, attempts, submission. The server's clock decides
 * every instant; the answer key, correctness and explanations leave the server only as the
 * contest's review policy allows.
 */

export const PARTICIPANT_COOKIE = 'px_contest';
export const participantCookiePath = (contestId: string) => `/api/public/contests/${contestId}`;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const nowMs = (deps: AppDeps) => currentInstant(deps).getTime();

async function organiserName(deps: AppDeps, unitId: string) {
  return (await findLatestVersion(deps.db, unitId))?.name ?? null;
}

export async function publishedPool(deps: AppDeps, contestId: string): Promise<ContestPool> {
  const pool = await getPool(deps.db, contestId, (id) => organiserName(deps, id));
  if (!pool) throw new AppError('not_found', MESSAGES.contestMissing);
  return pool;
}

export async function publicContest(
  deps: AppDeps,
  contestId: string,
): Promise<z.infer<typeof PublicContestResponse>> {
  const pool = await publishedPool(deps, contestId);
  const { contest } = pool;
  const now = nowMs(deps);
  return {
    contest: {
      id: contest.id,
      kind: contest.kind,
      title: contest.title,
      rules: contest.rules,
      audience: contest.audience,
      reviewPolicy: contest.reviewPolicy,
      organiser: pool.organiserName ?? '',
      timeLimitKind: contest.timeLimitKind,
      timeLimitSeconds: contest.timeLimitSeconds,
      attemptsPerRound: contest.attemptsPerRound,
      questionCount: contest.quotas.reduce((sum, q) => sum + q.count, 0),
      hasPrediction: contest.hasPrediction,
      rounds: pool.rounds.map((r) => {
        const window = { opensAt: r.opensAt.getTime(), closesAt: r.closesAt.getTime() };
        return {
          id: r.id,
          number: r.number,
          topic: r.topic,
          opensAt: r.opensAt.toISOString(),
          closesAt: r.closesAt.toISOString(),
          status: r.closedAt
            ? ('closed' as const)
            : isRoundOpen(window, now)
              ? ('open' as const)
              : isRoundClosed(window, now)
                ? ('over' as const)
                : ('upcoming' as const),
        };
      }),
    },
    serverTime: new Date(now).toISOString(),
  };
}

// --- Registration ---------------------------------------------------------------------------

const phoneTries = new Map<string, { count: number; since: number }>();
const PHONE_WINDOW_MS = 10 * 60_000;

function limitPhone(deps: AppDeps, key: string, now: number): void {
  const entry = phoneTries.get(key);
  if (!entry || now - entry.since > PHONE_WINDOW_MS) {
    if (phoneTries.size > 100_000) phoneTries.clear();
    phoneTries.set(key, { count: 1, since: now });
    return;
  }
  entry.count++;
  if (entry.count > deps.config.contestPhoneRateLimit) {
    throw new AppError('rate_limited', MESSAGES.phoneRateLimited);
  }
}

type PersonMatch = { id: string; unit_id: string };

async function findPerson(db: Db, phone: string, idNumber: string | null) {
  const result: unknown = await db.execute(
    sql`select id, unit_id from people where phone = ${phone} ${
      idNumber ? sql`or id_number = ${idNumber}` : sql``
    } limit 1`,
  );
  const rows = (result as { rows: PersonMatch[] }).rows;
  return rows[0] ?? null;
}

export async function register(
  deps: AppDeps,
  contestId: string,
  body: RegisterBody,
): Promise<{ participant: ParticipantRow; token: string }> {
  const now = nowMs(deps);
  limitPhone(deps, `${contestId}:${body.phone}`, now);
  const pool = await publishedPool(deps, contestId);
  if (
    !acceptSolution({
      secret: deps.config.contestSecret,
      contestId,
      challenge: body.challenge,
      solution: body.solution,
      bits: deps.config.contestPowBits,
      now,
    })
  ) {
    throw new AppError('validation_failed', MESSAGES.powFailed);
  }
  const { contest } = pool;
  const person = await findPerson(deps.db, body.phone, body.idNumber ?? null);
  const audienceRoot = await findLatestVersion(deps.db, contest.audienceUnitId ?? contest.unitId);
  let unitId = body.unitId ?? null;
  if (person) {
    unitId = person.unit_id;
  } else if (unitId) {
    const unit = await findLatestVersion(deps.db, unitId);
    if (!unit || !audienceRoot || !isWithinPath(unit.path, audienceRoot.path)) {
      throw new AppError('validation_failed', MESSAGES.unitUnknown);
    }
  }
  if (contest.audience === 'members') {
    const unit = person ? await findLatestVersion(deps.db, person.unit_id) : null;
    if (!unit || !audienceRoot || !isWithinPath(unit.path, audienceRoot.path)) {
      throw new AppError('forbidden', MESSAGES.notMember);
    }
  }
  const token = randomBytes(32).toString('base64url');
  const inserted = await deps.db
    .insert(contestParticipants)
    .values({
      contestId,
      fullName: body.fullName,
      phone: body.phone,
      birthYear: body.birthYear,
      unitId,
      unitText: unitId ? null : body.unitText,
      idNumber: body.idNumber ?? null,
      personId: person?.id ?? null,
      tokenHash: hashToken(token),
      registeredAt: new Date(now),
    })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) throw new AppError('conflict', MESSAGES.duplicatePhone);
  rememberParticipant(inserted[0]!);
  return { participant: inserted[0]!, token };
}

export async function participantOf(
  deps: AppDeps,
  contestId: string,
  token: string | undefined,
): Promise<ParticipantRow> {
  if (!token) throw new AppError('unauthenticated', MESSAGES.notRegistered);
  const tokenHash = hashToken(token);
  let row = knownParticipant(tokenHash);
  if (!row) {
    [row] = await deps.db
      .select()
      .from(contestParticipants)
      .where(eq(contestParticipants.tokenHash, tokenHash));
    if (row) rememberParticipant(row);
  }
  if (!row || row.contestId !== contestId) {
    throw new AppError('unauthenticated', MESSAGES.notRegistered);
  }
  return row;
}

// --- Attempts -------------------------------------------------------------------------------

function limitOf(pool: ContestPool, questionCount: number): TimeLimit {
  const { timeLimitKind, timeLimitSeconds } = pool.contest;
  if (timeLimitKind === 'none' || !timeLimitSeconds) return { kind: 'none' };
  // Per question: the attempt lasts questions × limit; the page paces the questions.
  const seconds =
    timeLimitKind === 'per_question' ? timeLimitSeconds * questionCount : timeLimitSeconds;
  return { kind: 'per_attempt', seconds };
}

function clockOf(
  pool: ContestPool,
  attempt: Pick<AttemptRow, 'startedAt' | 'questions' | 'roundId'>,
) {
  const round = pool.rounds.find((r) => r.id === attempt.roundId);
  const questionCount = attempt.questions.length;
  return {
    startedAt: attempt.startedAt.getTime(),
    limit: limitOf(pool, questionCount),
    graceMs: pool.contest.graceMs,
    questionCount,
    roundClosesAt: round ? round.closesAt.getTime() : null,
  };
}

async function attemptView(
  deps: AppDeps,
  pool: ContestPool,
  attempt: AttemptRow,
): Promise<z.infer<typeof AttemptView>> {
  const versions = await loadVersions(
    deps.db,
    pool,
    attempt.questions.map((q) => q.v),
  );
  const { limitEndsAt } = computeDeadline(clockOf(pool, attempt));
  const latest = new Map<string, string[]>();
  for (const answer of attempt.answers) latest.set(answer.q, answer.o);
  return {
    id: attempt.id,
    roundId: attempt.roundId,
    status: attempt.status,
    startedAt: attempt.startedAt.toISOString(),
    endsAt: limitEndsAt === null ? null : new Date(limitEndsAt).toISOString(),
    serverTime: currentInstant(deps).toISOString(),
    hasPrediction: pool.contest.hasPrediction,
    // Text and options only: never the key, correctness or explanation.
    questions: attempt.questions.map((q) => {
      const version = versions.get(q.v)!;
      const text = new Map(version.options.map((o) => [o.id, o.text]));
      return {
        id: q.v,
        kind: version.kind,
        text: version.text,
        options: q.o.map((id) => ({ id, text: text.get(id) ?? '' })),
      };
    }),
    answers: [...latest].map(([questionId, optionIds]) => ({ questionId, optionIds })),
  };
}

/** Scores an active attempt as of `submittedAt` and stores it, unless already finished. */
async function finishAttempt(
  deps: AppDeps,
  pool: ContestPool,
  attempt: AttemptRow,
  submittedAt: number,
  extra: { answers: AttemptAnswer[]; prediction: number | null; expired: boolean },
): Promise<AttemptRow> {
  const clock = clockOf(pool, attempt);
  const answers = [...attempt.answers, ...extra.answers];
  const counted = selectCountedAnswers({
    clock,
    questions: attempt.questions.map((q) => ({ questionId: q.v })),
    answers: answers.map((a) => ({ questionId: a.q, optionIds: a.o, recordedAt: a.t })),
    submittedAt,
  });
  const versions = await loadVersions(
    deps.db,
    pool,
    attempt.questions.map((q) => q.v),
  );
  const score = scoreAttempt(
    attempt.questions.map((q) => {
      const v = versions.get(q.v)!;
      return { questionId: v.id, kind: v.kind, correctOptionIds: v.correctOptionIds };
    }),
    counted.counted,
    { partialCredit: pool.contest.partialCredit },
  );
  const result: AttemptResult = {
    id: attempt.id,
    knownAnswers: attempt.answers.length,
    answers,
    submittedAt: new Date(submittedAt),
    effectiveSubmittedAt: new Date(counted.effectiveSubmittedAt),
    status: extra.expired ? 'expired' : counted.status,
    score: score.score,
    maxScore: score.maxScore,
    correctCount: score.correctCount,
    isAllCorrect: score.isAllCorrect,
    correct: score.questions.map((q) => q.isCorrect),
    durationMs: counted.durationMs,
    prediction: pool.contest.hasPrediction ? extra.prediction : null,
  };
  const stored = await storeAttemptResult(deps.database, result);
  forgetAttempt(attempt.id);
  const { knownAnswers: _known, ...fields } = result;
  if (stored) return { ...attempt, ...fields };
  const [current] = await deps.db
    .select()
    .from(contestAttempts)
    .where(eq(contestAttempts.id, attempt.id));
  // Answers were recorded meanwhile by another process: score the attempt as it now stands.
  if (current!.status === 'active') return finishAttempt(deps, pool, current!, submittedAt, extra);
  // Someone else finished it first (a retried submit): theirs is the result.
  return current!;
}

/** Closes an active attempt whose deadline has passed (no more answers can count). */
export async function expireAttempt(
  deps: AppDeps,
  pool: ContestPool,
  attempt: AttemptRow,
): Promise<AttemptRow> {
  const end = attempt.deadline?.getTime() ?? nowMs(deps);
  return finishAttempt(deps, pool, attempt, end, { answers: [], prediction: null, expired: true });
}

export function isPastDeadline(attempt: AttemptRow, now: number): boolean {
  return attempt.deadline !== null && now > attempt.deadline.getTime();
}

export async function startAttempt(
  deps: AppDeps,
  contestId: string,
  token: string | undefined,
): Promise<z.infer<typeof AttemptView>> {
  const participant = await participantOf(deps, contestId, token);
  const pool = await publishedPool(deps, contestId);
  const now = nowMs(deps);
  const round = findOpenRound(
    pool.rounds.map((r) => ({
      opensAt: r.opensAt.getTime(),
      closesAt: r.closesAt.getTime(),
      row: r,
    })),
    now,
  );
  if (!round || round.row.closedAt) throw new AppError('invalid_state', MESSAGES.noOpenRound);
  if (!pool.bank) throw new AppError('invalid_state', MESSAGES.notReady);
  const seed = generateAttemptSeed();
  const questions = drawQuestions(pool.bank, seed).map((d) => ({
    v: d.questionId,
    o: d.optionIds,
  }));
  const { deadline } = computeDeadline(
    clockOf(pool, { startedAt: new Date(now), questions, roundId: round.row.id }),
  );
  const draft: AttemptRow = {
    id: '',
    contestId,
    roundId: round.row.id,
    participantId: participant.id,
    seed,
    questions,
    answers: [],
    startedAt: new Date(now),
    deadline: deadline === null ? null : new Date(deadline),
    submittedAt: null,
    effectiveSubmittedAt: null,
    status: 'active',
    score: null,
    maxScore: null,
    correctCount: null,
    isAllCorrect: null,
    correct: null,
    durationMs: null,
    prediction: null,
  };
  const limit = pool.contest.attemptsPerRound;
  // The usual case in one statement: no attempt active and attempts left in the round.
  const start = { ...draft, allowance: limit };
  const id = await insertAttemptIfAllowed(deps.database, start);
  if (id) return startedView(deps, pool, { ...draft, id });

  // Otherwise say why — or close an attempt left active past its deadline and start again.
  const mine = await deps.db
    .select()
    .from(contestAttempts)
    .where(
      and(
        eq(contestAttempts.participantId, participant.id),
        or(eq(contestAttempts.roundId, round.row.id), eq(contestAttempts.status, 'active')),
      ),
    );
  for (const attempt of mine) {
    if (attempt.status !== 'active') continue;
    if (!isPastDeadline(attempt, now)) {
      throw new AppError('invalid_state', MESSAGES.activeAttempt, { attemptId: attempt.id });
    }
    await expireAttempt(deps, pool, attempt);
  }
  const used = mine.filter((a) => a.roundId === round.row.id).length;
  if (limit !== null && used >= limit) throw new AppError('invalid_state', MESSAGES.attemptsUsed);
  const retried = await insertAttemptIfAllowed(deps.database, start);
  if (!retried) throw new AppError('invalid_state', MESSAGES.activeAttempt);
  return startedView(deps, pool, { ...draft, id: retried });
}

function startedView(deps: AppDeps, pool: ContestPool, attempt: AttemptRow) {
  rememberAttempt(attempt);
  return attemptView(deps, pool, attempt);
}

/** The participant's attempt; `fresh` reads it from the database, not this process's memory. */
async function ownAttempt(
  deps: AppDeps,
  contestId: string,
  token: string | undefined,
  attemptId: string,
  fresh = false,
) {
  const participant = await participantOf(deps, contestId, token);
  const known = fresh ? undefined : knownAttempt(attemptId);
  let attempt = known?.participantId === participant.id ? known : undefined;
  if (!attempt) {
    [attempt] = await deps.db
      .select()
      .from(contestAttempts)
      .where(
        and(eq(contestAttempts.id, attemptId), eq(contestAttempts.participantId, participant.id)),
      );
    if (!attempt) throw new AppError('not_found', MESSAGES.attemptMissing);
    rememberAttempt(attempt);
  }
  return { attempt, pool: await publishedPool(deps, contestId) };
}

export async function getAttempt(
  deps: AppDeps,
  contestId: string,
  token: string | undefined,
  attemptId: string,
) {
  const { attempt, pool } = await ownAttempt(deps, contestId, token, attemptId, true);
  return attemptView(deps, pool, attempt);
}

function toRecorded(
  answers: { questionId: string; optionIds: string[] }[],
  attempt: AttemptRow,
  at: number,
): AttemptAnswer[] {
  const drawn = new Map(attempt.questions.map((q) => [q.v, new Set(q.o)]));
  return answers.map((a) => {
    const options = drawn.get(a.questionId);
    if (!options || a.optionIds.some((o) => !options.has(o))) {
      throw new AppError('validation_failed', 'Câu trả lời không thuộc lượt thi này.');
    }
    return { q: a.questionId, o: [...new Set(a.optionIds)], t: at };
  });
}

/** Records answers as they are given (one update); the server's instant is what counts. */
export async function saveAnswers(
  deps: AppDeps,
  contestId: string,
  token: string | undefined,
  attemptId: string,
  answers: { questionId: string; optionIds: string[] }[],
): Promise<{ saved: number }> {
  const { attempt } = await ownAttempt(deps, contestId, token, attemptId);
  const now = nowMs(deps);
  if (attempt.status !== 'active' || isPastDeadline(attempt, now)) {
    throw new AppError('invalid_state', MESSAGES.attemptOver);
  }
  const recorded = toRecorded(answers, attempt, now);
  const updated = await deps.db
    .update(contestAttempts)
    .set({ answers: sql`${contestAttempts.answers} || ${JSON.stringify(recorded)}::jsonb` })
    .where(and(eq(contestAttempts.id, attemptId), eq(contestAttempts.status, 'active')))
    .returning({ id: contestAttempts.id });
  if (updated.length === 0) {
    forgetAttempt(attemptId);
    throw new AppError('invalid_state', MESSAGES.attemptOver);
  }
  rememberAttempt({ ...attempt, answers: [...attempt.answers, ...recorded] });
  return { saved: recorded.length };
}

/** Whether the participant may see an attempt's score (the contest's review policy). */
export function showsScore(pool: ContestPool, roundId: string): boolean {
  const policy = pool.contest.reviewPolicy;
  const round = pool.rounds.find((r) => r.id === roundId);
  return policy !== 'after_round' || !!round?.closedAt;
}

function submitResult(pool: ContestPool, attempt: AttemptRow): z.infer<typeof SubmitResponse> {
  const policy = pool.contest.reviewPolicy;
  const showScore = showsScore(pool, attempt.roundId);
  const out: z.infer<typeof SubmitResponse> = {
    attempt: {
      id: attempt.id,
      status: attempt.status as 'on_time' | 'late' | 'expired',
      submittedAt: attempt.submittedAt!.toISOString(),
      durationMs: attempt.durationMs ?? 0,
      prediction: attempt.prediction,
    },
  };
  if (showScore) {
    out.attempt.result = {
      score: attempt.score ?? 0,
      maxScore: attempt.maxScore ?? 0,
      correctCount: attempt.correctCount ?? 0,
      questionCount: attempt.questions.length,
    };
  }
  if (policy === 'full_after_submit') {
    out.attempt.review = attempt.questions.map((q) => {
      const v = pool.versions.get(q.v);
      return {
        questionId: q.v,
        correctOptionIds: v?.correctOptionIds ?? [],
        explanation: v?.explanation ?? null,
      };
    });
  }
  return out;
}

/**
 * Submits an attempt. Idempotent: a retry (or a second tap) returns the stored result and never
 * scores twice. Answers sent with the submission are recorded at the server's instant; past the
 * deadline only answers recorded by then count (domain/timing.ts).
 */
export async function submitAttempt(
  deps: AppDeps,
  contestId: string,
  token: string | undefined,
  attemptId: string,
  body: SubmitBody,
): Promise<z.infer<typeof SubmitResponse>> {
  const { attempt, pool } = await ownAttempt(deps, contestId, token, attemptId);
  if (attempt.status !== 'active') return submitResult(pool, attempt);
  const now = nowMs(deps);
  const recorded = toRecorded(body.answers ?? [], attempt, now);
  const done = await finishAttempt(deps, pool, attempt, now, {
    answers: recorded,
    prediction: body.prediction ?? null,
    expired: false,
  });
  return submitResult(pool, done);
}
