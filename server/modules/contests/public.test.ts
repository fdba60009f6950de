import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, ok } from '../../test/api.ts';
import { buildPerson } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { createJobRunner, jobs } from '../../kernel/jobs/index.ts';
import { closeRound } from './close.service.ts';
import { MESSAGES } from './contests.contracts.ts';
import { contestAttempts, contestParticipants, contestRounds } from './contests.table.ts';
import type { PublicReply, World } from './contests.test-helpers.ts';
import {
  SECRET_EXPLANATION,
  answersFor,
  buildContest,
  buildWorld,
  nextPhone,
  pub,
  registerParticipant,
} from './contests.test-helpers.ts';
import { solveChallenge } from './proof-of-work.ts';

const START = Date.parse('2026-11-22T03:00:00.000Z');

/** Nothing that reveals the key: no correctness, no key ids, no explanation, no score. */
function expectNoKey(reply: PublicReply) {
  expect(reply.raw).not.toMatch(/correct/i);
  expect(reply.raw).not.toContain(SECRET_EXPLANATION);
  expect(reply.raw).not.toMatch(/"score"|"result"|"review"|explanation/);
}

describe('public contest API', () => {
  let t: TestApp;
  let w: World;
  let clock = START;
  let contest: { id: string; rounds: string[] };

  beforeAll(async () => {
    t = await buildTestApp({
      config: { contestPowBits: 4, contestRateLimit: 10_000, contestPhoneRateLimit: 1000 },
      now: () => new Date(clock),
    });
    w = await buildWorld(t);
    contest = await buildContest(t, w);
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the contest with its rounds, and 404 for a draft or unknown contest', async () => {
    const res = await pub(t, 'GET', `/${contest.id}`, null);
    expect(res.status).toBe(200);
    expect(res.body.contest.questionCount).toBe(3);
    expect(res.body.contest.rounds.map((r: any) => r.status)).toEqual(['open', 'upcoming']);
    expectNoKey(res);
    const draft = ok(
      await call(t, 'POST', '/contests', w.editor.cookie, {
        unitId: w.nation.provinceA.id,
        title: 'Bản nháp',
        timeLimitSeconds: 60,
      }),
      201,
    ).contest;
    for (const id of [draft.id, '00000000-0000-4000-8000-000000000000']) {
      const missing = await pub(t, 'GET', `/${id}`, null);
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toBe(MESSAGES.contestMissing);
      expect((await pub(t, 'GET', `/${id}/challenge`, null)).status).toBe(404);
    }
    expect((await pub(t, 'GET', '/not-a-uuid', null)).status).toBe(400);
  });

  it('registers with a proof of work and sets an httpOnly cookie for the contest only', async () => {
    const challenge = await pub(t, 'GET', `/${contest.id}/challenge`, null);
    expect(challenge.body.difficulty).toBe(4);
    const solution = solveChallenge(challenge.body.challenge, 4);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/public/contests/${contest.id}/participants`,
      payload: {
        fullName: '  Trần Thị Bình ',
        phone: '+84 912 000 111',
        birthYear: 2003,
        unitText: 'Sinh viên',
        challenge: challenge.body.challenge,
        solution,
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().participant).toMatchObject({
      fullName: 'Trần Thị Bình',
      phone: '0912000111',
      isMember: false,
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain(`Path=/api/public/contests/${contest.id}`);
    // The same challenge is accepted once.
    const replay = await pub(t, 'POST', `/${contest.id}/participants`, null, {
      fullName: 'Lê Văn Cường',
      phone: nextPhone(),
      birthYear: 2003,
      challenge: challenge.body.challenge,
      solution,
    });
    expect(replay.status).toBe(400);
    expect(replay.body.error.message).toBe(MESSAGES.powFailed);
  });

  it('refuses a second registration of one phone with a clear 409', async () => {
    const phone = nextPhone();
    const first = await registerParticipant(t, contest.id, { phone });
    expect(first.reply.status).toBe(201);
    const before = await t.deps.db.select().from(contestParticipants);
    const again = await registerParticipant(t, contest.id, { phone, fullName: 'Người khác' });
    expect(again.reply.status).toBe(409);
    expect(again.reply.body.error).toEqual({ code: 'conflict', message: MESSAGES.duplicatePhone });
    expect(again.reply.setCookie).toBeNull();
    expect(await t.deps.db.select().from(contestParticipants)).toHaveLength(before.length);
  });

  it('rejects bad registration input and a missing or wrong proof of work, writing nothing', async () => {
    const before = (await t.deps.db.select().from(contestParticipants)).length;
    const bad = [
      { phone: '12345' },
      { birthYear: 1800 },
      { idNumber: '123' },
      { fullName: '' },
      { solution: 'WRONG' },
      { challenge: 'forged.1.2.3' },
      { unitId: w.nation.provinceB.id },
    ];
    for (const fields of bad) {
      const { reply } = await registerParticipant(t, contest.id, fields);
      expect(reply.status, JSON.stringify(fields)).toBe(400);
      expect(reply.body.error.code).toBe('validation_failed');
      expect(reply.body.error.message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữự]/);
    }
    const phone = await registerParticipant(t, contest.id, { phone: '12345' });
    expect(JSON.stringify(phone.reply.body)).toContain(MESSAGES.phone);
    expect((await t.deps.db.select().from(contestParticipants)).length).toBe(before);
  });

  it('links a member by phone, so their participation counts for their unit', async () => {
    const phone = nextPhone();
    const person = await buildPerson(t.deps.db, w.nation.a1, { fullName: 'Phạm Minh Dũng', phone });
    const { reply } = await registerParticipant(t, contest.id, {
      phone,
      fullName: 'Phạm Minh Dũng',
    });
    expect(reply.body.participant.isMember).toBe(true);
    const [row] = await t.deps.db
      .select()
      .from(contestParticipants)
      .where(eq(contestParticipants.personId, person.id));
    expect(row!.unitId).toBe(w.nation.a1.id);
  });

  it('walks a whole attempt without the key or correctness in any response', async () => {
    const replies: PublicReply[] = [];
    const track = (r: PublicReply) => {
      replies.push(r);
      return r;
    };
    const { cookie, reply } = await registerParticipant(t, contest.id);
    track(reply);
    track(await pub(t, 'GET', `/${contest.id}`, cookie));
    const started = track(await pub(t, 'POST', `/${contest.id}/attempts`, cookie));
    expect(started.status).toBe(201);
    const attempt = started.body.attempt;
    expect(attempt.questions).toHaveLength(3);
    expect(attempt.questions[0].options).toHaveLength(3);
    expect(attempt.endsAt).toBe(new Date(START + 60_000).toISOString());
    const answers = answersFor(attempt, 3);
    clock += 10_000;
    const saved = track(
      await pub(t, 'PUT', `/${contest.id}/attempts/${attempt.id}/answers`, cookie, {
        answers: answers.slice(0, 2),
      }),
    );
    expect(saved.body).toEqual({ saved: 2 });
    const reread = track(await pub(t, 'GET', `/${contest.id}/attempts/${attempt.id}`, cookie));
    expect(reread.body.attempt.answers).toHaveLength(2);
    expect(reread.body.attempt.questions).toEqual(attempt.questions);
    clock += 10_000;
    const submitted = track(
      await pub(t, 'POST', `/${contest.id}/attempts/${attempt.id}/submit`, cookie, {
        answers: answers.slice(2),
        prediction: 7,
      }),
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body.attempt).toMatchObject({
      status: 'on_time',
      durationMs: 20_000,
      prediction: 7,
    });
    for (const r of replies) expectNoKey(r);
    const [row] = await t.deps.db
      .select()
      .from(contestAttempts)
      .where(eq(contestAttempts.id, attempt.id));
    expect(row!.score).toBe(3);
    expect(row!.isAllCorrect).toBe(true);
    clock = START;
  });

  it('submits idempotently: a retry returns the stored result and never scores twice', async () => {
    const { cookie } = await registerParticipant(t, contest.id);
    const attempt = (await pub(t, 'POST', `/${contest.id}/attempts`, cookie)).body.attempt;
    const url = `/${contest.id}/attempts/${attempt.id}/submit`;
    const first = await pub(t, 'POST', url, cookie, {
      answers: answersFor(attempt, 1),
      prediction: 3,
    });
    clock += 5_000;
    const retry = await pub(t, 'POST', url, cookie, {
      answers: answersFor(attempt, 3),
      prediction: 9,
    });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const rows = await t.deps.db
      .select()
      .from(contestAttempts)
      .where(eq(contestAttempts.id, attempt.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.score).toBe(1);
    expect(rows[0]!.prediction).toBe(3);
    const late = await pub(t, 'PUT', `/${contest.id}/attempts/${attempt.id}/answers`, cookie, {
      answers: answersFor(attempt, 3),
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe(MESSAGES.attemptOver);
    clock = START;
  });

  it('limits attempts per round and allows one active attempt at a time', async () => {
    const { cookie } = await registerParticipant(t, contest.id);
    const a1 = (await pub(t, 'POST', `/${contest.id}/attempts`, cookie)).body.attempt;
    const busy = await pub(t, 'POST', `/${contest.id}/attempts`, cookie);
    expect(busy.status).toBe(409);
    expect(busy.body.error).toMatchObject({
      message: MESSAGES.activeAttempt,
      details: { attemptId: a1.id },
    });
    await pub(t, 'POST', `/${contest.id}/attempts/${a1.id}/submit`, cookie, {});
    const a2 = await pub(t, 'POST', `/${contest.id}/attempts`, cookie);
    expect(a2.status).toBe(201);
    // The second attempt is abandoned: after its deadline it is closed and counts as used.
    clock += 70_000;
    const third = await pub(t, 'POST', `/${contest.id}/attempts`, cookie);
    expect(third.status).toBe(409);
    expect(third.body.error.message).toBe(MESSAGES.attemptsUsed);
    const [expired] = await t.deps.db
      .select()
      .from(contestAttempts)
      .where(eq(contestAttempts.id, a2.body.attempt.id));
    expect(expired!.status).toBe('expired');
    clock = START;
  });

  it('needs the participant cookie and keeps attempts private', async () => {
    const a = await registerParticipant(t, contest.id);
    const b = await registerParticipant(t, contest.id);
    const attempt = (await pub(t, 'POST', `/${contest.id}/attempts`, a.cookie)).body.attempt;
    const none = await pub(t, 'POST', `/${contest.id}/attempts`, null);
    expect(none.status).toBe(401);
    expect(none.body.error.message).toBe(MESSAGES.notRegistered);
    expect(
      (await pub(t, 'GET', `/${contest.id}/attempts/${attempt.id}`, 'px_contest=forged')).status,
    ).toBe(401);
    const other = await pub(t, 'GET', `/${contest.id}/attempts/${attempt.id}`, b.cookie);
    expect(other.status).toBe(404);
    const steal = await pub(
      t,
      'POST',
      `/${contest.id}/attempts/${attempt.id}/submit`,
      b.cookie,
      {},
    );
    expect(steal.status).toBe(404);
    const [row] = await t.deps.db
      .select()
      .from(contestAttempts)
      .where(eq(contestAttempts.id, attempt.id));
    expect(row!.status).toBe('active');
    const foreign = await pub(t, 'PUT', `/${contest.id}/attempts/${attempt.id}/answers`, a.cookie, {
      answers: [{ questionId: attempt.questions[0].id, optionIds: ['khong-co'] }],
    });
    expect(foreign.status).toBe(400);
    const badBody = await pub(t, 'POST', `/${contest.id}/attempts/${attempt.id}/submit`, a.cookie, {
      prediction: -1,
    });
    expect(badBody.status).toBe(400);
    await pub(t, 'POST', `/${contest.id}/attempts/${attempt.id}/submit`, a.cookie, {});
  });

  it('counts only answers recorded by the deadline (limit + grace) on a late submission', async () => {
    const graced = await buildContest(t, w, { reviewPolicy: 'score_after_submit', graceMs: 5000 });
    const { cookie } = await registerParticipant(t, graced.id);
    const attempt = (await pub(t, 'POST', `/${graced.id}/attempts`, cookie)).body.attempt;
    const answers = answersFor(attempt, 3);
    clock = START + 63_000; // after the 60 s limit, inside the 5 s grace
    const saved = await pub(t, 'PUT', `/${graced.id}/attempts/${attempt.id}/answers`, cookie, {
      answers: answers.slice(0, 2),
    });
    expect(saved.status).toBe(200);
    clock = START + 90_000; // the phone comes back online long after the deadline
    const submitted = await pub(t, 'POST', `/${graced.id}/attempts/${attempt.id}/submit`, cookie, {
      answers: answers.slice(2),
    });
    expect(submitted.body.attempt).toMatchObject({
      status: 'late',
      durationMs: 65_000,
      result: { score: 2, maxScore: 3, correctCount: 2, questionCount: 3 },
    });
    expect(submitted.raw).not.toContain(SECRET_EXPLANATION);
    clock = START;
  });

  it('shows the key and explanations after submission only under full_after_submit', async () => {
    const open = await buildContest(t, w, { reviewPolicy: 'full_after_submit' });
    const { cookie } = await registerParticipant(t, open.id);
    const attempt = (await pub(t, 'POST', `/${open.id}/attempts`, cookie)).body.attempt;
    expectNoKey(await pub(t, 'GET', `/${open.id}/attempts/${attempt.id}`, cookie));
    const done = await pub(t, 'POST', `/${open.id}/attempts/${attempt.id}/submit`, cookie, {
      answers: answersFor(attempt, 3),
    });
    expect(done.body.attempt.result.score).toBe(3);
    expect(done.body.attempt.review).toHaveLength(3);
    expect(done.body.attempt.review[0].explanation).toBe(SECRET_EXPLANATION);
  });

  it('admits only members of the subtree to a members-only contest', async () => {
    const members = await buildContest(t, w, { audience: 'members' });
    const outsider = await registerParticipant(t, members.id);
    expect(outsider.reply.status).toBe(403);
    expect(outsider.reply.body.error.message).toBe(MESSAGES.notMember);
    const phone = nextPhone();
    await buildPerson(t.deps.db, w.nation.b1, { fullName: 'Võ Thị Em', phone });
    expect((await registerParticipant(t, members.id, { phone })).reply.status).toBe(403);
    const phone2 = nextPhone();
    await buildPerson(t.deps.db, w.nation.a2, { fullName: 'Võ Thị Em', phone: phone2 });
    expect((await registerParticipant(t, members.id, { phone: phone2 })).reply.status).toBe(201);
  });

  it('closes a round: freezes the true count, ranks best attempts, awards prizes, masks results', async () => {
    const c = await buildContest(t, w, { timeMode: 'duration' });
    const people = [
      // name, right answers, prediction, seconds taken
      { name: 'Nguyễn Văn An', right: 3, prediction: 2, seconds: 30 },
      { name: 'Trần Thị Bình', right: 3, prediction: 9, seconds: 10 },
      { name: 'Lê Hoàng Cường', right: 3, prediction: 2, seconds: 20 },
      { name: 'Phạm Minh Dũng', right: 1, prediction: 2, seconds: 5 },
    ];
    const phones: string[] = [];
    let first: { cookie: string; attemptId: string } | null = null;
    for (const p of people) {
      const phone = nextPhone();
      phones.push(phone);
      const { cookie } = await registerParticipant(t, c.id, { fullName: p.name, phone });
      clock = START;
      const attempt = (await pub(t, 'POST', `/${c.id}/attempts`, cookie)).body.attempt;
      clock = START + p.seconds * 1000;
      const submitted = await pub(t, 'POST', `/${c.id}/attempts/${attempt.id}/submit`, cookie, {
        answers: answersFor(attempt, p.right),
        prediction: p.prediction,
      });
      expectNoKey(submitted);
      first ??= { cookie, attemptId: attempt.id };
      if (p.name === 'Phạm Minh Dũng') {
        // A second, better attempt: only the best counts.
        clock = START + 60_000;
        const again = (await pub(t, 'POST', `/${c.id}/attempts`, cookie)).body.attempt;
        clock = START + 100_000;
        await pub(t, 'POST', `/${c.id}/attempts/${again.id}/submit`, cookie, {
          answers: answersFor(again, 2),
          prediction: 3,
        });
      }
    }
    // Before the close: no results.
    const early = await pub(t, 'GET', `/${c.id}/rounds/${c.rounds[0]}/results`, null);
    expect(early.status).toBe(409);
    await expect(closeRound(t.deps, c.id, c.rounds[0]!)).rejects.toThrow(MESSAGES.roundNotOver);

    clock = Date.parse('2026-11-29T00:00:01.000Z');
    const job = await call(
      t,
      'POST',
      `/contests/${c.id}/rounds/${c.rounds[0]}/close`,
      w.editor.cookie,
    );
    expect(job.status).toBe(202);
    await createJobRunner(t.deps, t.app.jobs).runUntilIdle();
    const [jobRow] = await t.deps.db.select().from(jobs).where(eq(jobs.id, job.body.jobId));
    expect(jobRow).toMatchObject({ status: 'done', progressDone: 3, progressTotal: 3 });
    const summary = jobRow!.result;
    expect(summary).toEqual({ participants: 4, attempts: 5, trueCount: 3 });
    const [round] = await t.deps.db
      .select()
      .from(contestRounds)
      .where(eq(contestRounds.id, c.rounds[0]!));
    expect(round!.trueCount).toBe(3);

    const results = await pub(t, 'GET', `/${c.id}/rounds/${c.rounds[0]}/results`, null);
    expect(results.status).toBe(200);
    expect(results.body.round).toMatchObject({ trueCount: 3, participantCount: 4 });
    // Score, then |prediction − 3|, then duration.
    expect(results.body.items.map((i: any) => [i.rank, i.name, i.score, i.prize])).toEqual([
      [1, 'Lê H. C.', 3, 'Nhất'],
      [2, 'Nguyễn V. A.', 3, 'Nhì'],
      [3, 'Trần T. B.', 3, null],
      [4, 'Phạm M. D.', 2, null],
    ]);
    expect(results.body.items[0].phone).toMatch(/^09xx x+ \d{3}$/);
    expect(results.raw).not.toContain(phones[2]);
    expect(results.raw).not.toContain('Hoàng');

    const full = ok(
      await call(t, 'GET', `/contests/${c.id}/rounds/${c.rounds[0]}/results`, w.viewer.cookie),
    );
    expect(full.items[0]).toMatchObject({ fullName: 'Lê Hoàng Cường', phone: phones[2] });
    expect(
      (await call(t, 'POST', `/contests/${c.id}/rounds/${c.rounds[0]}/close`, w.editor.cookie))
        .status,
    ).toBe(409);
    // After the close, the after_round policy shows the score on the stored result.
    const after = await pub(
      t,
      'POST',
      `/${c.id}/attempts/${first!.attemptId}/submit`,
      first!.cookie,
      {},
    );
    expect(after.body.attempt.result).toEqual({
      score: 3,
      maxScore: 3,
      correctCount: 3,
      questionCount: 3,
    });
    expect(after.body.attempt.review).toBeUndefined();

    // The organiser's XLSX export holds the same rows, unmasked.
    const xlsxUrl = `/api/contests/${c.id}/rounds/${c.rounds[0]}/results.xlsx`;
    const xlsx = await t.app.inject({
      method: 'GET',
      url: xlsxUrl,
      headers: { cookie: w.viewer.cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(2).getCell(2).value).toBe('Lê Hoàng Cường');
    expect(sheet.getRow(2).getCell(3).value).toBe(phones[2]);
    expect(sheet.getRow(2).getCell(9).value).toBe('Nhất');
    expect(sheet.rowCount).toBe(5);
    const denied = await t.app.inject({
      method: 'GET',
      url: xlsxUrl,
      headers: { cookie: w.outsider.cookie },
    });
    expect(denied.statusCode).toBe(404);

    // Question statistics: facility and discrimination over the round's finished attempts.
    const statsUrl = `/contests/${c.id}/rounds/${c.rounds[0]}/question-stats`;
    const stats = ok(await call(t, 'GET', statsUrl, w.viewer.cookie));
    expect(stats.attempts).toBe(5);
    const seen = stats.items.reduce((sum: number, i: any) => sum + i.attempts, 0);
    const right = stats.items.reduce((sum: number, i: any) => sum + i.facility * i.attempts, 0);
    expect(seen).toBe(15);
    expect(Math.round(right)).toBe(12);
    for (const item of stats.items) {
      expect(item.facility).toBeGreaterThanOrEqual(0);
      expect(item.facility).toBeLessThanOrEqual(1);
      if (item.discrimination !== null)
        expect(Math.abs(item.discrimination)).toBeLessThanOrEqual(1);
    }
    expect((await call(t, 'GET', statsUrl, w.outsider.cookie)).status).toBe(404);

    // Certificates for the prize winners, through the certificates module's batch job.
    const certUrl = `/contests/${c.id}/rounds/${c.rounds[0]}/certificates`;
    const certBody = { scope: 'prize_winners', issuedOn: '2026-11-29', place: 'Tây Ninh' };
    expect((await call(t, 'POST', certUrl, w.viewer.cookie, certBody)).status).toBe(403);
    expect((await call(t, 'POST', certUrl, w.outsider.cookie, certBody)).status).toBe(404);
    expect(
      (await call(t, 'POST', certUrl, w.editor.cookie, { ...certBody, scope: 'x' })).status,
    ).toBe(400);
    const unclosed = await call(
      t,
      'POST',
      `/contests/${c.id}/rounds/${c.rounds[1]}/certificates`,
      w.editor.cookie,
      certBody,
    );
    expect(unclosed.status).toBe(409);
    const issued = ok(await call(t, 'POST', certUrl, w.editor.cookie, certBody), 202);
    expect(issued.holders).toBe(2);
    await createJobRunner(t.deps, t.app.jobs).runUntilIdle();
    const mine = await pub(t, 'GET', `/${c.id}/certificates`, first!.cookie);
    expect(mine.body.items).toHaveLength(1);
    const pdf = await t.app.inject({ method: 'GET', url: mine.body.items[0].downloadPath });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await pub(t, 'GET', `/${c.id}/certificates`, null)).status).toBe(401);

    const rows: unknown = await t.deps.db.execute(
      sql`select count(*)::int as n from contest_round_results`,
    );
    expect((rows as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThanOrEqual(4);
    clock = START;
  });
});

describe('public contest rate limits', () => {
  let t: TestApp;
  let contest: { id: string };

  beforeAll(async () => {
    t = await buildTestApp({
      config: { contestPowBits: 1, contestRateLimit: 3, contestPhoneRateLimit: 2 },
      now: () => new Date(START),
    });
    contest = await buildContest(t, await buildWorld(t));
  });
  afterAll(async () => {
    await t.close();
  });

  it('limits registration tries per phone, then per IP and route', async () => {
    const phone = nextPhone();
    const first = await registerParticipant(t, contest.id, { phone });
    expect(first.reply.status).toBe(201);
    const dup = await registerParticipant(t, contest.id, { phone });
    expect(dup.reply.status).toBe(409);
    const third = await registerParticipant(t, contest.id, { phone }); // 3rd hit of each route
    expect(third.reply.status).toBe(429);
    expect(third.reply.body.error.message).toBe(MESSAGES.phoneRateLimited);
    const blocked = await pub(t, 'GET', `/${contest.id}/challenge`, null);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
  });
});
