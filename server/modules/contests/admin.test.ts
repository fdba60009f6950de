import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, ok } from '../../test/api.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { MESSAGES } from './contests.contracts.ts';
import { contests, questionVersions } from './contests.table.ts';
import type { World } from './contests.test-helpers.ts';
import { ROUND1, buildContest, buildWorld } from './contests.test-helpers.ts';

async function count(t: TestApp, table: string): Promise<number> {
  const result: unknown = await t.deps.db.execute(
    sql.raw(`select count(*)::int as n from ${table}`),
  );
  return (result as { rows: { n: number }[] }).rows[0]!.n;
}

describe('contest admin API', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await buildTestApp({ config: { contestPowBits: 1, contestRateLimit: 10_000 } });
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('requires a session on every admin route', async () => {
    const res = await call(t, 'GET', `/contests?unitId=${w.nation.provinceA.id}`, null);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('lists categories and questions for readers, hides them from outsiders', async () => {
    const list = ok(
      await call(
        t,
        'GET',
        `/contest-bank/questions?unitId=${w.nation.provinceA.id}`,
        w.viewer.cookie,
      ),
    );
    expect(list.items).toHaveLength(6);
    expect(list.items[0].options.filter((o: any) => o.correct)).toHaveLength(1);
    const cats = ok(
      await call(
        t,
        'GET',
        `/contest-bank/categories?unitId=${w.nation.provinceA.id}`,
        w.viewer.cookie,
      ),
    );
    expect(cats.items).toHaveLength(2);
    for (const url of [
      `/contest-bank/questions?unitId=${w.nation.provinceA.id}`,
      `/contest-bank/categories?unitId=${w.nation.provinceA.id}`,
      `/contests?unitId=${w.nation.provinceA.id}`,
      `/contest-bank/questions/${list.items[0].id}`,
    ]) {
      const res = await call(t, 'GET', url, w.outsider.cookie);
      expect(res.status, url).toBe(404);
    }
  });

  it('refuses writes to a viewer (403) and an outsider (404), changing nothing', async () => {
    const before = await count(t, 'contest_question_categories');
    const q = await count(t, 'contest_questions');
    const body = { unitId: w.nation.provinceA.id, name: 'Chủ đề mới' };
    expect((await call(t, 'POST', '/contest-bank/categories', w.viewer.cookie, body)).status).toBe(
      403,
    );
    expect(
      (await call(t, 'POST', '/contest-bank/categories', w.outsider.cookie, body)).status,
    ).toBe(404);
    const question = {
      unitId: w.nation.provinceA.id,
      categoryId: w.categories[0],
      kind: 'single',
      text: 'Câu hỏi?',
      options: [
        { text: 'A', correct: true },
        { text: 'B', correct: false },
      ],
    };
    expect(
      (await call(t, 'POST', '/contest-bank/questions', w.viewer.cookie, question)).status,
    ).toBe(403);
    const contest = { unitId: w.nation.provinceA.id, title: 'Cuộc thi', timeLimitSeconds: 60 };
    expect((await call(t, 'POST', '/contests', w.viewer.cookie, contest)).status).toBe(403);
    expect((await call(t, 'POST', '/contests', w.outsider.cookie, contest)).status).toBe(404);
    expect(await count(t, 'contest_question_categories')).toBe(before);
    expect(await count(t, 'contest_questions')).toBe(q);
    expect(await count(t, 'contests')).toBe(0);
  });

  it('rejects bad questions with a Vietnamese message and writes nothing', async () => {
    const before = await count(t, 'contest_questions');
    const base = { unitId: w.nation.provinceA.id, categoryId: w.categories[0], text: 'Câu?' };
    const cases = [
      { ...base, kind: 'single', options: [{ text: 'Chỉ một', correct: true }] },
      {
        ...base,
        kind: 'single',
        options: [
          { text: 'A', correct: true },
          { text: 'B', correct: true },
        ],
      },
      {
        ...base,
        kind: 'multiple',
        options: [
          { text: 'A', correct: false },
          { text: 'B', correct: false },
        ],
      },
    ];
    const messages = [MESSAGES.options, MESSAGES.singleKey, MESSAGES.multipleKey];
    for (const [i, body] of cases.entries()) {
      const res = await call(t, 'POST', '/contest-bank/questions', w.editor.cookie, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.message).toBe(messages[i]);
    }
    expect(await count(t, 'contest_questions')).toBe(before);
  });

  it('edits an unused question in place and a used one as a new version', async () => {
    const created = ok(
      await call(t, 'POST', '/contest-bank/questions', w.editor.cookie, {
        unitId: w.nation.provinceA.id,
        categoryId: w.categories[1],
        kind: 'multiple',
        text: 'Chọn các đáp án đúng',
        options: [
          { text: 'A', correct: true },
          { text: 'B', correct: true },
          { text: 'C', correct: false },
        ],
      }),
      201,
    ).question;
    const edit = (text: string) =>
      call(t, 'PUT', `/contest-bank/questions/${created.id}`, w.editor.cookie, {
        categoryId: w.categories[1],
        kind: 'multiple',
        text,
        options: [
          { text: 'A', correct: true },
          { text: 'B', correct: false },
        ],
      });
    const first = ok(await edit('Sửa lần 1')).question;
    expect(first.versionId).toBe(created.versionId);
    expect(first.version).toBe(1);
    expect((await edit('x')).status).toBe(200);
    await t.deps.db
      .update(questionVersions)
      .set({ lockedAt: new Date() })
      .where(eq(questionVersions.id, created.versionId));
    const second = ok(await edit('Sửa lần 2')).question;
    expect(second.version).toBe(2);
    expect(second.versionId).not.toBe(created.versionId);
    const [old] = await t.deps.db
      .select()
      .from(questionVersions)
      .where(eq(questionVersions.id, created.versionId));
    expect(old!.text).toBe('x');
    // Viewer cannot edit; outsider sees nothing.
    const body = {
      categoryId: w.categories[1],
      kind: 'single',
      text: 'Không được',
      options: [
        { text: 'A', correct: true },
        { text: 'B', correct: false },
      ],
    };
    expect(
      (await call(t, 'PUT', `/contest-bank/questions/${created.id}`, w.viewer.cookie, body)).status,
    ).toBe(403);
    expect(
      (await call(t, 'PUT', `/contest-bank/questions/${created.id}`, w.outsider.cookie, body))
        .status,
    ).toBe(404);
    expect(
      (await call(t, 'DELETE', `/contest-bank/questions/${created.id}`, w.viewer.cookie)).status,
    ).toBe(403);
    const archived = ok(
      await call(t, 'DELETE', `/contest-bank/questions/${created.id}`, w.editor.cookie),
    );
    expect(archived.question.archived).toBe(true);
    const audit = await count(t, `audit_log where entity_id = '${created.id}'`);
    expect(audit).toBe(5);
  });

  it('checks readiness before publishing and freezes structure after', async () => {
    const draft = ok(
      await call(t, 'POST', '/contests', w.editor.cookie, {
        unitId: w.nation.provinceA.id,
        title: 'Chưa đủ câu hỏi',
        timeLimitSeconds: 60,
        quotas: [{ categoryId: w.categories[0], count: 10 }],
      }),
      201,
    ).contest;
    const readiness = ok(await call(t, 'GET', `/contests/${draft.id}/readiness`, w.viewer.cookie));
    expect(readiness.readiness.ready).toBe(false);
    expect(readiness.readiness.problems.map((p: any) => p.code).sort()).toEqual([
      'no_rounds',
      'quota_not_met',
    ]);
    expect((await call(t, 'POST', `/contests/${draft.id}/publish`, w.viewer.cookie)).status).toBe(
      403,
    );
    expect((await call(t, 'POST', `/contests/${draft.id}/publish`, w.outsider.cookie)).status).toBe(
      404,
    );
    const refused = await call(t, 'POST', `/contests/${draft.id}/publish`, w.editor.cookie);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(MESSAGES.notReady);
    const [row] = await t.deps.db.select().from(contests).where(eq(contests.id, draft.id));
    expect(row!.status).toBe('draft');

    // Bad settings: overlapping rounds, a category of another bank, no time limit.
    const overlap = await call(t, 'POST', `/contests/${draft.id}/rounds`, w.editor.cookie, {
      number: 1,
      opensAt: ROUND1.closesAt,
      closesAt: ROUND1.opensAt,
    });
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.message).toBe(MESSAGES.roundWindow);
    const foreign = await call(t, 'PATCH', `/contests/${draft.id}`, w.editor.cookie, {
      quotas: [{ categoryId: '00000000-0000-4000-8000-000000000000', count: 1 }],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toBe(MESSAGES.quotaCategory);
    const noLimit = await call(t, 'PATCH', `/contests/${draft.id}`, w.editor.cookie, {
      timeLimitSeconds: null,
    });
    expect(noLimit.body.error.message).toBe(MESSAGES.timeLimit);
    expect(
      (await call(t, 'PATCH', `/contests/${draft.id}`, w.viewer.cookie, { title: 'x' })).status,
    ).toBe(403);

    const published = await buildContest(t, w);
    const got = ok(await call(t, 'GET', `/contests/${published.id}`, w.viewer.cookie)).contest;
    expect(got.status).toBe('published');
    expect(got.rounds).toHaveLength(2);
    const frozen = await call(t, 'PATCH', `/contests/${published.id}`, w.editor.cookie, {
      attemptsPerRound: 5,
    });
    expect(frozen.status).toBe(409);
    expect(frozen.body.error.message).toBe(MESSAGES.notDraft);
    ok(
      await call(t, 'PATCH', `/contests/${published.id}`, w.editor.cookie, { rules: 'Thể lệ mới' }),
    );
    const list = ok(
      await call(t, 'GET', `/contests?unitId=${w.nation.provinceA.id}`, w.viewer.cookie),
    );
    expect(list.items.length).toBeGreaterThanOrEqual(2);
    expect(list.items.find((c: any) => c.id === published.id)).toMatchObject({
      status: 'published',
      roundCount: 2,
      participantCount: 0,
    });
  });

  it('refuses to close a round before its close, and to viewers and outsiders', async () => {
    const c = await buildContest(t, w);
    const url = `/contests/${c.id}/rounds/${c.rounds[0]}/close`;
    expect((await call(t, 'POST', url, w.viewer.cookie)).status).toBe(403);
    expect((await call(t, 'POST', url, w.outsider.cookie)).status).toBe(404);
    const early = await call(t, 'POST', url, w.editor.cookie);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe(MESSAGES.roundNotOver);
    expect(await count(t, "jobs where kind = 'contests.close_round'")).toBe(0);
    const results = await call(
      t,
      'GET',
      `/contests/${c.id}/rounds/${c.rounds[0]}/results`,
      w.outsider.cookie,
    );
    expect(results.status).toBe(404);
  });
});
