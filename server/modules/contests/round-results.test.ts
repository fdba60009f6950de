import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { closeRound } from './close.service.ts';
import type { TimeMode } from './domain/ranking.ts';
import { rankRound } from './domain/ranking.ts';
import { assignPrizes } from './domain/prize-ladder.ts';
import { createSeededRandom } from './domain/seeded-random.ts';
import {
  contestAttempts,
  contestParticipants,
  contestRoundResults,
  contestRounds,
} from './contests.table.ts';
import type { World } from './contests.test-helpers.ts';
import { ROUND1, buildContest, buildWorld } from './contests.test-helpers.ts';

/**
 * closeRound ranks in SQL (round-results.sql.ts); the domain functions are the specification.
 * Random rounds crowded with ties at every level — equal scores, equal prediction distances on
 * both sides of the true count, missing predictions, equal times, equal registration instants,
 * several attempts per person with equal scores — must come out in exactly the domain's order.
 */

const OPENS = Date.parse(ROUND1.opensAt);
const LADDER = [
  { prize: 'Nhất', count: 1 },
  { prize: 'Nhì', count: 2 },
  { prize: 'Ba', count: 3 },
];

type Seeded = { participantId: string; registeredAt: number };

async function seedRound(t: TestApp, contestId: string, roundId: string, seed: number) {
  const random = createSeededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[random.nextBelow(values.length)]!;
  const people: Seeded[] = [];
  for (let i = 0; i < 60; i++) {
    const registeredAt = OPENS - 86_400_000 + pick([0, 0, 1000, 2000]);
    const [row] = await t.deps.db
      .insert(contestParticipants)
      .values({
        contestId,
        fullName: `Người ${i}`,
        phone: `09${String(10_000_000 + seed * 1000 + i)}`,
        birthYear: 2004,
        tokenHash: `hash-${seed}-${i}`,
        registeredAt: new Date(registeredAt),
      })
      .returning({ id: contestParticipants.id });
    people.push({ participantId: row!.id, registeredAt });
  }
  const attempts = [];
  for (const person of people) {
    const tries = pick([1, 1, 2, 3]);
    for (let k = 0; k < tries; k++) {
      const score = pick([3, 3, 2, 1, 0]);
      const startedAt = OPENS + pick([0, 5000, 10_000]) + k * 100_000;
      const submittedAt = startedAt + pick([1000, 2000, 2000, 3000]);
      attempts.push({
        contestId,
        roundId,
        participantId: person.participantId,
        seed: k,
        questions: [],
        startedAt: new Date(startedAt),
        submittedAt: new Date(submittedAt),
        effectiveSubmittedAt: new Date(submittedAt),
        status: 'on_time' as const,
        score,
        maxScore: 3,
        isAllCorrect: score === 3,
        prediction: pick([null, 10, 12, 14, 15, 16, 18, 20]),
      });
    }
  }
  return t.deps.db.insert(contestAttempts).values(attempts).returning();
}

describe('closeRound ranks in the database exactly as the domain rules say', () => {
  let t: TestApp;
  let w: World;
  let clock = OPENS;

  beforeAll(async () => {
    t = await buildTestApp({ now: () => new Date(clock) });
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  for (const [seed, timeMode] of [
    [1, 'duration'],
    [2, 'since_round_start'],
    [3, 'duration'],
  ] as [number, TimeMode][]) {
    it(`agrees with rankRound and assignPrizes (${timeMode}, seed ${seed})`, async () => {
      clock = OPENS;
      const c = await buildContest(t, w, { timeMode, prizeLadder: LADDER });
      const roundId = c.rounds[0]!;
      const rows = await seedRound(t, c.id, roundId, seed);
      const participants = await t.deps.db
        .select()
        .from(contestParticipants)
        .where(eq(contestParticipants.contestId, c.id));
      const registered = new Map(participants.map((p) => [p.id, p.registeredAt.getTime()]));
      const expected = rankRound(
        rows.map((r) => ({
          attemptId: r.id,
          participantId: r.participantId,
          score: r.score!,
          isAllCorrect: r.isAllCorrect!,
          prediction: r.prediction,
          startedAt: r.startedAt.getTime(),
          submittedAt: r.effectiveSubmittedAt!.getTime(),
          registeredAt: registered.get(r.participantId)!,
        })),
        { timeMode, roundOpensAt: OPENS },
      );
      const prizes = new Map(
        assignPrizes(expected.entries, LADDER).awards.map((a) => [
          a.entry.attempt.participantId,
          a.prize,
        ]),
      );
      // The data really is crowded with ties, or the test would prove little.
      expect(expected.entries.filter((e) => e.tiedWithPrevious).length).toBeGreaterThan(3);

      clock = Date.parse(ROUND1.closesAt) + 1000;
      const summary = await closeRound(t.deps, c.id, roundId);
      expect(summary).toEqual({
        participants: expected.entries.length,
        attempts: rows.length,
        trueCount: expected.trueCount,
      });

      const stored = await t.deps.db
        .select()
        .from(contestRoundResults)
        .where(eq(contestRoundResults.roundId, roundId))
        .orderBy(asc(contestRoundResults.rank));
      expect(stored.map((r) => [r.rank, r.participantId, r.attemptId])).toEqual(
        expected.entries.map((e) => [e.position, e.attempt.participantId, e.attempt.attemptId]),
      );
      expect(
        stored.map((r) => [r.score, r.predictionDistance, r.timeMs, r.tiedWithPrevious]),
      ).toEqual(
        expected.entries.map((e) => [
          e.attempt.score,
          e.predictionDistance,
          e.timeMs,
          e.tiedWithPrevious,
        ]),
      );
      expect(stored.map((r) => r.prize)).toEqual(
        expected.entries.map((e) => prizes.get(e.attempt.participantId) ?? null),
      );
      const [round] = await t.deps.db
        .select()
        .from(contestRounds)
        .where(eq(contestRounds.id, roundId));
      expect(round!.trueCount).toBe(expected.trueCount);
      expect(round!.closedAt).not.toBeNull();
    });
  }
});
