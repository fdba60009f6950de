import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { maskName, maskPhone } from '../../../common/masking.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { currentInstant } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { defineJob, enqueueJob, JobFailure } from '../../kernel/jobs/index.ts';
import { assignPrizes } from './domain/prize-ladder.ts';
import type { PrizeTier } from './domain/prize-ladder.ts';
import { expireAttempt, publishedPool } from './attempt.service.ts';
import { authorizeContest, toRound } from './contest.service.ts';
import type { AdminResultsResponse, PublicResultsResponse } from './contests.contracts.ts';
import { MESSAGES } from './contests.contracts.ts';
import {
  contestAttempts,
  contestParticipants,
  contestRoundResults,
  contestRounds,
  contests,
} from './contests.table.ts';
import { clearPoolCache } from './pool.cache.ts';
import { writeRoundRanking } from './round-results.sql.ts';

export type CloseSummary = { participants: number; attempts: number; trueCount: number };

async function loadRound(db: Db, contestId: string, roundId: string) {
  const [round] = await db
    .select()
    .from(contestRounds)
    .where(and(eq(contestRounds.id, roundId), eq(contestRounds.contestId, contestId)));
  if (!round) throw new AppError('not_found', MESSAGES.roundMissing);
  return round;
}

/** The prize ladder handed down the top of the stored ranking (prize-ladder.ts). */
async function awardPrizes(db: Db, roundId: string, ladder: readonly PrizeTier[]): Promise<void> {
  const places = ladder.reduce((sum, tier) => sum + tier.count, 0);
  if (places === 0) return;
  const top = await db
    .select({
      participantId: contestRoundResults.participantId,
      position: contestRoundResults.rank,
      tiedWithPrevious: contestRoundResults.tiedWithPrevious,
    })
    .from(contestRoundResults)
    .where(eq(contestRoundResults.roundId, roundId))
    .orderBy(asc(contestRoundResults.rank))
    .limit(places);
  for (const award of assignPrizes(top, ladder).awards) {
    await db
      .update(contestRoundResults)
      .set({ prize: award.prize })
      .where(
        and(
          eq(contestRoundResults.roundId, roundId),
          eq(contestRoundResults.participantId, award.entry.participantId),
        ),
      );
  }
}

/**
 * Closes a round: expires attempts still open, freezes the prediction's true count, ranks each
 * person's best attempt (score, prediction closeness, time per the contest's mode), hands out
 * the prize ladder and stores the results. Rerunnable: a crash midway leaves the round open and
 * the next run rewrites its results.
 */
export async function closeRound(
  deps: AppDeps,
  contestId: string,
  roundId: string,
  onProgress: (done: number, total: number) => Promise<void> = async () => {},
): Promise<CloseSummary> {
  const round = await loadRound(deps.db, contestId, roundId);
  if (round.closedAt) throw new AppError('invalid_state', MESSAGES.roundClosed);
  if (currentInstant(deps).getTime() < round.closesAt.getTime()) {
    throw new AppError('invalid_state', MESSAGES.roundNotOver);
  }
  const pool = await publishedPool(deps, contestId);
  // Progress in three steps: attempts still open are expired, then ranked and written, then done.
  await onProgress(0, 3);
  const open = await deps.db
    .select()
    .from(contestAttempts)
    .where(and(eq(contestAttempts.roundId, roundId), eq(contestAttempts.status, 'active')));
  // Together, so that their results are group-committed (attempt.writes.ts) in batches.
  for (let i = 0; i < open.length; i += 500) {
    await Promise.all(open.slice(i, i + 500).map((attempt) => expireAttempt(deps, pool, attempt)));
  }

  const { timeMode, prizeLadder } = pool.contest;
  await onProgress(1, 3);
  // One transaction: the results, the prizes and the closing appear together, and a crash
  // leaves the round open with its previous results, so the job simply runs again.
  const counts = await deps.db.transaction(async (tx) => {
    const counts = await writeRoundRanking(tx, roundId, timeMode, round.opensAt);
    await awardPrizes(tx, roundId, prizeLadder);
    await tx
      .update(contestRounds)
      .set({
        trueCount: counts.trueCount,
        participantCount: counts.participants,
        closedAt: new Date(),
      })
      .where(eq(contestRounds.id, roundId));
    await recordAudit(tx, {
      actorId: null,
      action: 'contest_round.close',
      entity: 'contest_round',
      entityId: roundId,
      unitId: pool.contest.unitId,
      after: counts,
    });
    return counts;
  });
  await onProgress(3, 3);
  clearPoolCache();
  return counts;
}

const ClosePayload = z.object({ contestId: z.uuid(), roundId: z.uuid() });

export const closeRoundJob = defineJob({
  kind: 'contests.close_round',
  payload: ClosePayload,
  async run(ctx): Promise<CloseSummary> {
    const [round] = await ctx.deps.db
      .select({ closedAt: contestRounds.closedAt })
      .from(contestRounds)
      .where(eq(contestRounds.id, ctx.payload.roundId));
    if (!round) throw new JobFailure(MESSAGES.roundMissing);
    return closeRound(ctx.deps, ctx.payload.contestId, ctx.payload.roundId, (done, total) =>
      ctx.reportProgress(done, total),
    );
  },
});

/** Asks for a round to be closed in the background; GET /api/jobs/:id shows its progress. */
export async function requestRoundClose(
  deps: AppDeps,
  actor: Actor,
  contestId: string,
  roundId: string,
): Promise<{ jobId: string }> {
  const contest = await authorizeContest(deps, actor, contestId, 'close');
  const round = await loadRound(deps.db, contestId, roundId);
  if (round.closedAt) throw new AppError('invalid_state', MESSAGES.roundClosed);
  if (currentInstant(deps).getTime() < round.closesAt.getTime()) {
    throw new AppError('invalid_state', MESSAGES.roundNotOver);
  }
  return deps.db.transaction(async (tx) => {
    const { id } = await enqueueJob(
      tx,
      closeRoundJob,
      { contestId, roundId },
      { createdBy: actor.userId, unitId: contest.unitId },
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'contest_round.close_requested',
      entity: 'job',
      entityId: id,
      unitId: contest.unitId,
      after: { contestId, roundId },
    });
    return { jobId: id };
  });
}

// --- Results ------------------------------------------------------------------------------

export async function unitNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const result: unknown = await db.execute(
    sql`select distinct on (unit_id) unit_id, name from unit_versions
          where unit_id in (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}) order by unit_id, valid_from desc`,
  );
  const rows = (result as { rows: { unit_id: string; name: string }[] }).rows;
  return new Map(rows.map((r) => [r.unit_id, r.name]));
}

export const PUBLIC_PAGE_SIZE = 100;

/** The public results of a closed round, masked: "Nguyễn V. A.", "09xx xxx 123". */
export async function publicResults(
  deps: AppDeps,
  contestId: string,
  roundId: string,
  page = 1,
): Promise<z.infer<typeof PublicResultsResponse>> {
  const [contest] = await deps.db.select().from(contests).where(eq(contests.id, contestId));
  if (!contest || contest.status !== 'published') {
    throw new AppError('not_found', MESSAGES.contestMissing);
  }
  const round = await loadRound(deps.db, contestId, roundId);
  if (!round.closedAt) throw new AppError('invalid_state', MESSAGES.roundNotClosed);
  const rows = await deps.db
    .select({
      rank: contestRoundResults.rank,
      score: contestRoundResults.score,
      prize: contestRoundResults.prize,
      tied: contestRoundResults.tiedWithPrevious,
      fullName: contestParticipants.fullName,
      phone: contestParticipants.phone,
      unitId: contestParticipants.unitId,
      unitText: contestParticipants.unitText,
    })
    .from(contestRoundResults)
    .innerJoin(contestParticipants, eq(contestParticipants.id, contestRoundResults.participantId))
    .where(eq(contestRoundResults.roundId, roundId))
    .orderBy(asc(contestRoundResults.rank))
    .limit(PUBLIC_PAGE_SIZE)
    .offset((page - 1) * PUBLIC_PAGE_SIZE);
  const names = await unitNames(deps.db, [
    ...new Set(rows.flatMap((r) => (r.unitId ? [r.unitId] : []))),
  ]);
  return {
    round: {
      id: round.id,
      number: round.number,
      trueCount: round.trueCount ?? 0,
      participantCount: round.participantCount ?? 0,
    },
    items: rows.map((r) => ({
      rank: r.rank,
      name: maskName(r.fullName),
      phone: maskPhone(r.phone),
      unit: r.unitId ? (names.get(r.unitId) ?? null) : r.unitText,
      score: r.score,
      prize: r.prize,
      tiedWithPrevious: r.tied,
    })),
    page,
    pageSize: PUBLIC_PAGE_SIZE,
    total: round.participantCount ?? 0,
  };
}

/** The organiser's full results (names and phones unmasked). */
export async function adminResults(
  deps: AppDeps,
  actor: Actor,
  contestId: string,
  roundId: string,
): Promise<z.infer<typeof AdminResultsResponse>> {
  await authorizeContest(deps, actor, contestId, 'read');
  const round = await loadRound(deps.db, contestId, roundId);
  if (!round.closedAt) throw new AppError('invalid_state', MESSAGES.roundNotClosed);
  const rows = await deps.db
    .select({ result: contestRoundResults, participant: contestParticipants })
    .from(contestRoundResults)
    .innerJoin(contestParticipants, eq(contestParticipants.id, contestRoundResults.participantId))
    .where(eq(contestRoundResults.roundId, roundId))
    .orderBy(asc(contestRoundResults.rank));
  return {
    round: toRound(round),
    items: rows.map(({ result, participant }) => ({
      rank: result.rank,
      participantId: participant.id,
      fullName: participant.fullName,
      phone: participant.phone,
      unitId: participant.unitId,
      unitText: participant.unitText,
      score: result.score,
      predictionDistance: result.predictionDistance,
      timeMs: result.timeMs,
      tiedWithPrevious: result.tiedWithPrevious,
      prize: result.prize,
    })),
  };
}
