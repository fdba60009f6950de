import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { contestAttempts } from './contests.table.ts';
import type { World } from './contests.test-helpers.ts';
import {
  ROUND1,
  answersFor,
  buildContest,
  buildWorld,
  pub,
  registerParticipant,
} from './contests.test-helpers.ts';

/**
 * At a round's opening many participants start and submit at the same moment, and the two
 * writes of an attempt are group-committed (attempt.writes.ts): requests arriving together
 * share one statement. Each participant must still get exactly their own attempt and score.
 */
describe('a round-start spike: starts and submissions arriving together', () => {
  let t: TestApp;
  let w: World;
  const clock = Date.parse(ROUND1.opensAt) + 3_600_000;

  beforeAll(async () => {
    t = await buildTestApp({
      config: { contestPowBits: 4, contestRateLimit: 10_000, contestPhoneRateLimit: 1000 },
      now: () => new Date(clock),
    });
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives each participant their own attempt and score, once', async () => {
    const c = await buildContest(t, w, { reviewPolicy: 'score_after_submit', attemptsPerRound: 1 });
    const cookies: string[] = [];
    for (let i = 0; i < 12; i++) cookies.push((await registerParticipant(t, c.id)).cookie);

    // Everyone taps "start" twice at once: one attempt each, the other tap refused.
    const taps = await Promise.all(
      cookies.flatMap((cookie) => [
        pub(t, 'POST', `/${c.id}/attempts`, cookie),
        pub(t, 'POST', `/${c.id}/attempts`, cookie),
      ]),
    );
    const started = taps.filter((r) => r.status === 201).map((r) => r.body.attempt);
    expect(started).toHaveLength(12);
    expect(taps.filter((r) => r.status === 409)).toHaveLength(12);
    expect(new Set(started.map((a) => a.id)).size).toBe(12);

    // Everyone submits (participant i gets i % 4 right, capped at 3), each submit sent twice.
    const byAttempt = new Map<string, string>();
    for (const [i, cookie] of cookies.entries()) {
      const mine = taps[2 * i]!.status === 201 ? taps[2 * i]! : taps[2 * i + 1]!;
      byAttempt.set(mine.body.attempt.id, cookie);
    }
    const expected = new Map(started.map((a, i) => [a.id as string, Math.min(i % 4, 3)]));
    const submits = await Promise.all(
      started.flatMap((a) => {
        const body = { answers: answersFor(a, expected.get(a.id)!), prediction: 5 };
        const url = `/${c.id}/attempts/${a.id}/submit`;
        const cookie = byAttempt.get(a.id)!;
        return [pub(t, 'POST', url, cookie, body), pub(t, 'POST', url, cookie, body)];
      }),
    );
    expect(submits.every((r) => r.status === 200)).toBe(true);
    for (const [k, a] of started.entries()) {
      const pair = [submits[2 * k]!, submits[2 * k + 1]!].map((r) => r.body.attempt);
      expect(pair[0]).toEqual(pair[1]);
      expect(pair[0].result.correctCount).toBe(expected.get(a.id));
      const [row] = await t.deps.db
        .select()
        .from(contestAttempts)
        .where(eq(contestAttempts.id, a.id));
      expect(row).toMatchObject({ status: 'on_time', correctCount: expected.get(a.id) });
    }

    // The allowance of one attempt per round holds for everyone.
    const again = await pub(t, 'POST', `/${c.id}/attempts`, cookies[0]!);
    expect(again.status).toBe(409);
  });
});
