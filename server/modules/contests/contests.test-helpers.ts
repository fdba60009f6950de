import { expect } from 'vitest';
import type { Nation } from '../../test/factories.ts';
import { buildNation, buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import type { CookieReply } from '../../test/api.ts';
import { call, callWithCookie, ok } from '../../test/api.ts';
import { leadingZeroBits, powDigest, solveChallenge } from './proof-of-work.ts';

export const SECRET_EXPLANATION = 'GIAI-THICH-BI-MAT';

export type World = {
  nation: Nation;
  editor: { id: string; cookie: string };
  viewer: { id: string; cookie: string };
  outsider: { id: string; cookie: string };
  categories: string[];
};

export async function buildWorld(t: TestApp): Promise<World> {
  const nation = await buildNation(t.deps.db);
  const editor = await buildUser(t.deps.db, [{ unit: nation.provinceA, role: 'editor' }]);
  const viewer = await buildUser(t.deps.db, [{ unit: nation.provinceA, role: 'viewer' }]);
  const outsider = await buildUser(t.deps.db, [{ unit: nation.provinceB, role: 'admin' }]);
  const categories: string[] = [];
  for (const name of ['Lịch sử Đoàn', 'Pháp luật']) {
    const res = await call(t, 'POST', '/contest-bank/categories', editor.cookie, {
      unitId: nation.provinceA.id,
      name,
    });
    categories.push(ok(res, 201).category.id as string);
  }
  for (const [c, categoryId] of categories.entries()) {
    for (let q = 1; q <= 3; q++) {
      ok(
        await call(t, 'POST', '/contest-bank/questions', editor.cookie, {
          unitId: nation.provinceA.id,
          categoryId,
          kind: 'single',
          text: `Câu hỏi ${c}-${q}`,
          options: [
            { text: `Đúng ${c}-${q}`, correct: true },
            { text: `Sai A ${c}-${q}`, correct: false },
            { text: `Sai B ${c}-${q}`, correct: false },
          ],
          explanation: SECRET_EXPLANATION,
          difficulty: 2,
          tags: ['tuần 1'],
        }),
        201,
      );
    }
  }
  return { nation, editor, viewer, outsider, categories };
}

export const ROUND1 = { opensAt: '2026-11-22T00:00:00.000Z', closesAt: '2026-11-29T00:00:00.000Z' };
export const ROUND2 = { opensAt: '2026-11-29T00:00:00.000Z', closesAt: '2026-12-06T00:00:00.000Z' };

/** A published contest of 3 questions (2 + 1) with two weekly rounds. */
export async function buildContest(
  t: TestApp,
  w: World,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; rounds: string[] }> {
  const created = ok(
    await call(t, 'POST', '/contests', w.editor.cookie, {
      unitId: w.nation.provinceA.id,
      title: 'Tìm hiểu lịch sử Đoàn',
      rules: 'Mỗi tuần một vòng.',
      timeLimitKind: 'per_attempt',
      timeLimitSeconds: 60,
      attemptsPerRound: 2,
      hasPrediction: true,
      timeMode: 'duration',
      quotas: [
        { categoryId: w.categories[0], count: 2 },
        { categoryId: w.categories[1], count: 1 },
      ],
      prizeLadder: [
        { prize: 'Nhất', count: 1 },
        { prize: 'Nhì', count: 1 },
      ],
      ...overrides,
    }),
    201,
  ).contest;
  const rounds: string[] = [];
  for (const [i, window] of [ROUND1, ROUND2].entries()) {
    const res = await call(t, 'POST', `/contests/${created.id}/rounds`, w.editor.cookie, {
      number: i + 1,
      topic: `Tuần ${i + 1}`,
      ...window,
    });
    rounds.push(ok(res, 201).round.id as string);
  }
  ok(await call(t, 'POST', `/contests/${created.id}/publish`, w.editor.cookie));
  return { id: created.id as string, rounds };
}

export type PublicReply = CookieReply;

/** A public request with the participant's cookie jar (one cookie). */
export function pub(
  t: TestApp,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  cookie: string | null,
  body?: unknown,
): Promise<PublicReply> {
  return callWithCookie(t, method, `/public/contests${url}`, cookie, body);
}

let phoneCounter = 0;
export function nextPhone(): string {
  phoneCounter++;
  return `09${String(12_000_000 + phoneCounter * 7 + Math.floor(Math.random() * 5)).padStart(8, '0')}`;
}

/** Registers through the public API (challenge + proof of work); returns the cookie. */
export async function registerParticipant(
  t: TestApp,
  contestId: string,
  given: Record<string, unknown> = {},
): Promise<{ cookie: string; reply: PublicReply }> {
  const fields = { ...given };
  const challenge = await pub(t, 'GET', `/${contestId}/challenge`, null);
  expect(challenge.status).toBe(200);
  let solution = solveChallenge(challenge.body.challenge, challenge.body.difficulty);
  if (fields.solution === 'WRONG') {
    // The first counter that does not solve it.
    for (let n = 0; ; n++) {
      const digest = powDigest(challenge.body.challenge, `x${n}`);
      if (leadingZeroBits(digest) < challenge.body.difficulty) {
        solution = `x${n}`;
        break;
      }
    }
    delete fields.solution;
  }
  const reply = await pub(t, 'POST', `/${contestId}/participants`, null, {
    fullName: 'Nguyễn Văn An',
    phone: nextPhone(),
    birthYear: 2004,
    unitText: 'Trường THPT Lê Quý Đôn',
    challenge: challenge.body.challenge,
    solution,
    ...fields,
  });
  return { cookie: reply.setCookie ?? '', reply };
}

/** Right (or wrong) answers for an attempt view, from the option texts ("Đúng …"). */
export function answersFor(attempt: any, rightCount: number) {
  return (attempt.questions as any[]).map((q, i) => {
    const want = i < rightCount ? 'Đúng' : 'Sai A';
    const option = (q.options as any[]).find((o) => String(o.text).startsWith(want));
    return { questionId: q.id as string, optionIds: [option.id as string] };
  });
}
