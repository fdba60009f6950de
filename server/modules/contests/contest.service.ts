import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { isWithin } from '../../kernel/auth/actor.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { findLatestVersion } from '../org/index.ts';
import { assertPrizeLadder } from './domain/prize-ladder.ts';
import type {
  ContestView,
  CreateContestBody,
  Readiness,
  RoundBody,
  RoundView,
  UpdateContestBody,
} from './contests.contracts.ts';
import { MESSAGES } from './contests.contracts.ts';
import { authorizeOnUnit } from './contests.scope.ts';
import type { ContestRow, RoundRow } from './contests.table.ts';
import { contestRounds, contests, questionCategories } from './contests.table.ts';
import { clearPoolCache, quotaShortfalls } from './pool.cache.ts';

type ContestOut = z.infer<typeof ContestView>;
type RoundOut = z.infer<typeof RoundView>;

export const toRound = (r: RoundRow): RoundOut => ({
  id: r.id,
  number: r.number,
  topic: r.topic,
  opensAt: r.opensAt.toISOString(),
  closesAt: r.closesAt.toISOString(),
  closedAt: r.closedAt?.toISOString() ?? null,
  trueCount: r.trueCount,
  participantCount: r.participantCount,
});

function toContest(c: ContestRow, rounds: RoundRow[]): ContestOut {
  return {
    id: c.id,
    unitId: c.unitId,
    kind: c.kind,
    title: c.title,
    rules: c.rules,
    audience: c.audience,
    audienceUnitId: c.audienceUnitId,
    reviewPolicy: c.reviewPolicy,
    timeLimitKind: c.timeLimitKind,
    timeLimitSeconds: c.timeLimitSeconds,
    graceMs: c.graceMs,
    attemptsPerRound: c.attemptsPerRound,
    timeMode: c.timeMode,
    partialCredit: c.partialCredit,
    quotas: c.quotas,
    prizeLadder: c.prizeLadder,
    hasPrediction: c.hasPrediction,
    status: c.status,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    rounds: rounds.map(toRound),
  };
}

export async function loadContest(db: Db, id: string): Promise<ContestRow> {
  const [row] = await db.select().from(contests).where(eq(contests.id, id));
  if (!row) throw new AppError('not_found', MESSAGES.contestMissing);
  return row;
}

async function roundsOf(db: Db, contestId: string): Promise<RoundRow[]> {
  return db
    .select()
    .from(contestRounds)
    .where(eq(contestRounds.contestId, contestId))
    .orderBy(asc(contestRounds.number));
}

/** The contest after authorising `action` on its organiser unit (404 outside, 403 too weak). */
export async function authorizeContest(
  deps: AppDeps,
  actor: Actor,
  id: string,
  action: 'read' | 'write' | 'publish' | 'close',
): Promise<ContestRow> {
  const contest = await loadContest(deps.db, id);
  await authorizeOnUnit(deps, actor, contest.unitId, action);
  return contest;
}

async function checkSettings(
  deps: AppDeps,
  unitId: string,
  merged: Pick<
    ContestRow,
    'timeLimitKind' | 'timeLimitSeconds' | 'quotas' | 'prizeLadder' | 'audienceUnitId'
  >,
): Promise<void> {
  if (merged.timeLimitKind !== 'none' && !merged.timeLimitSeconds) {
    throw new AppError('validation_failed', MESSAGES.timeLimit);
  }
  try {
    assertPrizeLadder(merged.prizeLadder);
  } catch (error) {
    throw new AppError('validation_failed', (error as Error).message);
  }
  const ids = merged.quotas.map((q) => q.categoryId);
  if (new Set(ids).size !== ids.length) {
    throw new AppError('validation_failed', MESSAGES.quotaCategory);
  }
  if (ids.length > 0) {
    const found = await deps.db
      .select({ id: questionCategories.id })
      .from(questionCategories)
      .where(and(inArray(questionCategories.id, ids), eq(questionCategories.unitId, unitId)));
    if (found.length !== ids.length)
      throw new AppError('validation_failed', MESSAGES.quotaCategory);
  }
  if (merged.audienceUnitId && merged.audienceUnitId !== unitId) {
    const [organiser, audience] = await Promise.all([
      findLatestVersion(deps.db, unitId),
      findLatestVersion(deps.db, merged.audienceUnitId),
    ]);
    if (!organiser || !audience || !isWithin(audience.path, organiser.path)) {
      throw new AppError('validation_failed', MESSAGES.audienceUnit);
    }
  }
}

export async function createContest(
  deps: AppDeps,
  actor: Actor,
  input: CreateContestBody,
): Promise<ContestOut> {
  await authorizeOnUnit(deps, actor, input.unitId, 'write');
  const values = {
    unitId: input.unitId,
    kind: input.kind ?? 'contest',
    title: input.title,
    rules: input.rules ?? '',
    audience: input.audience ?? 'public',
    audienceUnitId: input.audienceUnitId ?? null,
    reviewPolicy: input.reviewPolicy ?? 'after_round',
    timeLimitKind: input.timeLimitKind ?? 'per_attempt',
    timeLimitSeconds: input.timeLimitSeconds ?? null,
    graceMs: input.graceMs ?? 5000,
    attemptsPerRound: input.attemptsPerRound ?? null,
    timeMode: input.timeMode ?? 'duration',
    partialCredit: input.partialCredit ?? 'none',
    quotas: input.quotas ?? [],
    prizeLadder: input.prizeLadder ?? [],
    hasPrediction: input.hasPrediction ?? false,
  } as const;
  await checkSettings(deps, input.unitId, values);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.insert(contests).values(values).returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'contest.create',
      entity: 'contest',
      entityId: row!.id,
      unitId: input.unitId,
      after: values,
    });
    return toContest(row!, []);
  });
}

export async function listContests(deps: AppDeps, actor: Actor, unitId: string) {
  await authorizeOnUnit(deps, actor, unitId, 'read');
  const rows = await deps.db
    .select({
      contest: contests,
      // For the organiser's list. Qualified by hand: drizzle would render the bare "id" here.
      roundCount: sql<number>`(select count(*)::int from contest_rounds r where r.contest_id = "contests"."id")`,
      participantCount: sql<number>`(select count(*)::int from contest_participants p where p.contest_id = "contests"."id")`,
    })
    .from(contests)
    .where(eq(contests.unitId, unitId))
    .orderBy(desc(contests.createdAt), asc(contests.id));
  return rows.map(({ contest, roundCount, participantCount }) => {
    const { rules: _rules, rounds: _rounds, ...rest } = toContest(contest, []);
    return { ...rest, roundCount, participantCount };
  });
}

export async function getContest(deps: AppDeps, actor: Actor, id: string): Promise<ContestOut> {
  const contest = await authorizeContest(deps, actor, id, 'read');
  return toContest(contest, await roundsOf(deps.db, id));
}

/** Fields that shape attempts change only in draft; the title and rules text change anytime. */
const STRUCTURAL: (keyof UpdateContestBody)[] = [
  'kind',
  'audience',
  'audienceUnitId',
  'timeLimitKind',
  'timeLimitSeconds',
  'graceMs',
  'attemptsPerRound',
  'timeMode',
  'partialCredit',
  'quotas',
  'hasPrediction',
];

export async function updateContest(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: UpdateContestBody,
): Promise<ContestOut> {
  const before = await authorizeContest(deps, actor, id, 'write');
  if (before.status !== 'draft' && STRUCTURAL.some((k) => input[k] !== undefined)) {
    throw new AppError('invalid_state', MESSAGES.notDraft);
  }
  const merged: ContestRow = { ...before, ...input };
  await checkSettings(deps, before.unitId, merged);
  const out = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(contests)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(contests.id, id))
      .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'contest.update',
      entity: 'contest',
      entityId: id,
      unitId: before.unitId,
      after: input,
    });
    return toContest(row!, await roundsOf(tx, id));
  });
  clearPoolCache();
  return out;
}

// --- Rounds -------------------------------------------------------------------------------

function checkWindows(rounds: { id?: string; opensAt: Date; closesAt: Date }[]): void {
  for (const r of rounds) {
    if (r.closesAt <= r.opensAt) throw new AppError('validation_failed', MESSAGES.roundWindow);
  }
  const sorted = [...rounds].sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k]!.opensAt < sorted[k - 1]!.closesAt) {
      throw new AppError('validation_failed', MESSAGES.roundsOverlap);
    }
  }
}

export async function addRound(
  deps: AppDeps,
  actor: Actor,
  contestId: string,
  input: RoundBody,
): Promise<RoundOut> {
  const contest = await authorizeContest(deps, actor, contestId, 'write');
  if (contest.status !== 'draft') throw new AppError('invalid_state', MESSAGES.notDraft);
  const existing = await roundsOf(deps.db, contestId);
  const round = {
    opensAt: new Date(input.opensAt),
    closesAt: new Date(input.closesAt),
  };
  checkWindows([...existing, round]);
  if (existing.some((r) => r.number === input.number)) {
    throw new AppError('conflict', `Vòng thi số ${input.number} đã có.`);
  }
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contestRounds)
      .values({ contestId, number: input.number, topic: input.topic ?? '', ...round })
      .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'contest_round.create',
      entity: 'contest_round',
      entityId: row!.id,
      unitId: contest.unitId,
      after: toRound(row!),
    });
    return toRound(row!);
  });
}

export async function updateRound(
  deps: AppDeps,
  actor: Actor,
  contestId: string,
  roundId: string,
  input: Partial<RoundBody>,
): Promise<RoundOut> {
  const contest = await authorizeContest(deps, actor, contestId, 'write');
  const existing = await roundsOf(deps.db, contestId);
  const before = existing.find((r) => r.id === roundId);
  if (!before) throw new AppError('not_found', MESSAGES.roundMissing);
  const changesWindow = input.opensAt !== undefined || input.closesAt !== undefined;
  if (contest.status !== 'draft' && (changesWindow || input.number !== undefined)) {
    throw new AppError('invalid_state', MESSAGES.notDraft);
  }
  const next = {
    number: input.number ?? before.number,
    topic: input.topic ?? before.topic,
    opensAt: input.opensAt ? new Date(input.opensAt) : before.opensAt,
    closesAt: input.closesAt ? new Date(input.closesAt) : before.closesAt,
  };
  checkWindows(existing.map((r) => (r.id === roundId ? { ...r, ...next } : r)));
  if (existing.some((r) => r.id !== roundId && r.number === next.number)) {
    throw new AppError('conflict', `Vòng thi số ${next.number} đã có.`);
  }
  const out = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(contestRounds)
      .set(next)
      .where(eq(contestRounds.id, roundId))
      .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'contest_round.update',
      entity: 'contest_round',
      entityId: roundId,
      unitId: contest.unitId,
      before: toRound(before),
      after: toRound(row!),
    });
    return toRound(row!);
  });
  clearPoolCache();
  return out;
}

export async function deleteRound(
  deps: AppDeps,
  actor: Actor,
  contestId: string,
  roundId: string,
): Promise<void> {
  const contest = await authorizeContest(deps, actor, contestId, 'write');
  if (contest.status !== 'draft') throw new AppError('invalid_state', MESSAGES.notDraft);
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(contestRounds)
      .where(and(eq(contestRounds.id, roundId), eq(contestRounds.contestId, contestId)))
      .returning();
    if (!row) throw new AppError('not_found', MESSAGES.roundMissing);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'contest_round.delete',
      entity: 'contest_round',
      entityId: roundId,
      unitId: contest.unitId,
      before: toRound(row),
    });
  });
}

// --- Publishing -------------------------------------------------------------------------

async function readinessOf(deps: AppDeps, contest: ContestRow): Promise<z.infer<typeof Readiness>> {
  const problems: z.infer<typeof Readiness>['problems'] = [];
  if (contest.quotas.length === 0) {
    problems.push({ code: 'no_quota', message: 'Chưa có cơ cấu đề (số câu theo chủ đề).' });
  }
  if ((await roundsOf(deps.db, contest.id)).length === 0) {
    problems.push({ code: 'no_rounds', message: 'Chưa có vòng thi nào.' });
  }
  if (contest.timeLimitKind !== 'none' && !contest.timeLimitSeconds) {
    problems.push({ code: 'no_time_limit', message: MESSAGES.timeLimit });
  }
  for (const s of await quotaShortfalls(deps.db, contest)) {
    problems.push({
      code: 'quota_not_met',
      message: `Chủ đề cần ${s.required} câu hỏi nhưng ngân hàng chỉ có ${s.available}.`,
      ...s,
    });
  }
  return { ready: problems.length === 0, problems };
}

export async function getReadiness(deps: AppDeps, actor: Actor, id: string) {
  const contest = await authorizeContest(deps, actor, id, 'read');
  return readinessOf(deps, contest);
}

export async function publishContest(deps: AppDeps, actor: Actor, id: string): Promise<ContestOut> {
  const contest = await authorizeContest(deps, actor, id, 'publish');
  if (contest.status !== 'draft') throw new AppError('invalid_state', MESSAGES.notDraft);
  const readiness = await readinessOf(deps, contest);
  if (!readiness.ready) {
    throw new AppError('invalid_state', MESSAGES.notReady, { problems: readiness.problems });
  }
  const out = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(contests)
      .set({ status: 'published', publishedAt: new Date(), updatedAt: new Date() })
      .where(eq(contests.id, id))
      .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'contest.publish',
      entity: 'contest',
      entityId: id,
      unitId: contest.unitId,
    });
    return toContest(row!, await roundsOf(tx, id));
  });
  clearPoolCache();
  return out;
}
