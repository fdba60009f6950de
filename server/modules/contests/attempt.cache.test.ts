import { eq, sql } from 'drizzle-orm';
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
 * A process remembers the attempts it serves (attempt.cache.ts). With several processes behind
 * one address, answers or a submission may reach another process; what this one remembers must
 * never decide a score. "Another process" is played here by writing to the database directly.
 */
describe('attempts remembered by a process stay exact when another process writes', () => {
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

  it('scores answers recorded elsewhere after this process read the attempt', async () => {
    const c = await buildContest(t, w, { reviewPolicy: 'score_after_submit' });
    const { cookie } = await registerParticipant(t, c.id);
    const attempt = (await pub(t, 'POST', `/${c.id}/attempts`, cookie)).body.attempt;
    // Two right answers arrive through another process.
    const elsewhere = answersFor(attempt, 2)
      .slice(0, 2)
      .map((a) => ({ q: a.questionId, o: a.optionIds, t: clock }));
    await t.deps.db
      .update(contestAttempts)
      .set({ answers: sql`${contestAttempts.answers} || ${JSON.stringify(elsewhere)}::jsonb` })
      .where(eq(contestAttempts.id, attempt.id));

    const submitted = await pub(t, 'POST', `/${c.id}/attempts/${attempt.id}/submit`, cookie, {
      prediction: 3,
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.attempt.result).toMatchObject({ correctCount: 2, questionCount: 3 });
  });

  it('refuses answers to a finished attempt and keeps its first result', async () => {
    const c = await buildContest(t, w, { reviewPolicy: 'score_after_submit' });
    const { cookie } = await registerParticipant(t, c.id);
    const attempt = (await pub(t, 'POST', `/${c.id}/attempts`, cookie)).body.attempt;
    const first = await pub(t, 'POST', `/${c.id}/attempts/${attempt.id}/submit`, cookie, {
      answers: answersFor(attempt, 3),
      prediction: 1,
    });
    expect(first.body.attempt.result.correctCount).toBe(3);
    // Saving answers to the finished attempt is refused, and a second submission changes nothing.
    const late = await pub(t, 'PUT', `/${c.id}/attempts/${attempt.id}/answers`, cookie, {
      answers: answersFor(attempt, 0).slice(0, 1),
    });
    expect(late.status).toBe(409);
    const again = await pub(t, 'POST', `/${c.id}/attempts/${attempt.id}/submit`, cookie, {
      answers: answersFor(attempt, 0),
      prediction: 9,
    });
    expect(again.body.attempt).toMatchObject({ prediction: 1, result: { correctCount: 3 } });
  });
});
