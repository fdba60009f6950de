import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { MESSAGES } from './contests.contracts.ts';
import type { World } from './contests.test-helpers.ts';
import {
  answersFor,
  buildContest,
  buildWorld,
  pub,
  registerParticipant,
} from './contests.test-helpers.ts';

const START = Date.parse('2026-11-22T03:00:00.000Z');

/** What the public page reads besides the attempt API: the standing (for a reload) and units. */
describe('public contest page support', () => {
  let t: TestApp;
  let w: World;
  let clock = START;

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

  it('tells the page what the review policy shows', async () => {
    const c = await buildContest(t, w, { reviewPolicy: 'score_after_submit' });
    const res = await pub(t, 'GET', `/${c.id}`, null);
    expect(res.body.contest.reviewPolicy).toBe('score_after_submit');
  });

  it('gives the active attempt and attempts left, and no score under after_round', async () => {
    const c = await buildContest(t, w);
    const none = await pub(t, 'GET', `/${c.id}/me`, null);
    expect(none.status).toBe(401);
    expect(none.body.error.message).toBe(MESSAGES.notRegistered);
    const { cookie } = await registerParticipant(t, c.id, { fullName: 'Lê Thị Hoa' });
    const fresh = await pub(t, 'GET', `/${c.id}/me`, cookie);
    expect(fresh.status).toBe(200);
    expect(fresh.body.participant.fullName).toBe('Lê Thị Hoa');
    expect(fresh.body.activeAttemptId).toBeNull();
    expect(fresh.body.rounds[0]).toMatchObject({ attemptsUsed: 0, attemptsLeft: 2, best: null });

    const attempt = (await pub(t, 'POST', `/${c.id}/attempts`, cookie)).body.attempt;
    const running = await pub(t, 'GET', `/${c.id}/me`, cookie);
    expect(running.body.activeAttemptId).toBe(attempt.id);
    expect(running.body.rounds[0]).toMatchObject({ attemptsUsed: 1, attemptsLeft: 1 });
    await pub(t, 'POST', `/${c.id}/attempts/${attempt.id}/submit`, cookie, {
      answers: answersFor(attempt, 3),
    });
    const done = await pub(t, 'GET', `/${c.id}/me`, cookie);
    expect(done.body.activeAttemptId).toBeNull();
    expect(done.body.rounds[0].best).toBeNull();
    expect(done.raw).not.toMatch(/"score"|correct/i);

    // After the deadline an unsubmitted attempt is no longer offered for resuming.
    const second = (await pub(t, 'POST', `/${c.id}/attempts`, cookie)).body.attempt;
    clock = START + 120_000; // past the 60 s limit and its grace
    expect((await pub(t, 'GET', `/${c.id}/me`, cookie)).body.activeAttemptId).toBeNull();
    expect(second.id).toBeTruthy();
    clock = START;
  });

  it('shows the best finished attempt when scores are shown after submission', async () => {
    const c = await buildContest(t, w, { reviewPolicy: 'score_after_submit' });
    const { cookie } = await registerParticipant(t, c.id);
    for (const right of [1, 3]) {
      const attempt = (await pub(t, 'POST', `/${c.id}/attempts`, cookie)).body.attempt;
      await pub(t, 'POST', `/${c.id}/attempts/${attempt.id}/submit`, cookie, {
        answers: answersFor(attempt, right),
      });
    }
    const me = await pub(t, 'GET', `/${c.id}/me`, cookie);
    expect(me.body.rounds[0]).toMatchObject({
      attemptsUsed: 2,
      attemptsLeft: 0,
      best: { score: 3, maxScore: 3 },
    });
    expect(me.body.rounds[1]).toMatchObject({ attemptsUsed: 0, best: null });
  });

  it('keeps the cookie of one contest out of another', async () => {
    const a = await buildContest(t, w);
    const b = await buildContest(t, w);
    const { cookie } = await registerParticipant(t, a.id);
    expect((await pub(t, 'GET', `/${b.id}/me`, cookie)).status).toBe(401);
  });

  it('finds units of the audience subtree by name, accents ignored, and nothing outside', async () => {
    const c = await buildContest(t, w);
    const hits = await pub(t, 'GET', `/${c.id}/units?q=${encodeURIComponent('doan xa an')}`, null);
    expect(hits.status).toBe(200);
    expect(hits.body.items).toEqual([
      { id: w.nation.a1.id, name: w.nation.a1.name, context: w.nation.districtA.name },
    ]);
    // Province B is outside the organiser's subtree.
    const outside = await pub(t, 'GET', `/${c.id}/units?q=${encodeURIComponent('Cường')}`, null);
    expect(outside.body.items).toEqual([]);
    expect((await pub(t, 'GET', `/${c.id}/units?q=a`, null)).status).toBe(400);
    expect((await pub(t, 'GET', `/${c.id}/units`, null)).status).toBe(400);
    const missing = await pub(t, 'GET', '/00000000-0000-4000-8000-000000000000/units?q=xa', null);
    expect(missing.status).toBe(404);
  });
});
