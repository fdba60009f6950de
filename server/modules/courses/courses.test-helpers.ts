import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { CookieReply } from '../../test/api.ts';
import { call, callWithCookie, ok } from '../../test/api.ts';
import type { Nation } from '../../test/factories.ts';
import { buildNation, buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';

/**
 * A province with an editor, a viewer and an outsider, and a question bank of two topics with
 * three questions each (right answers start with "Đúng"), built through the API. The contests
 * module's own helpers stay inside it (module boundary), so the few lines needed are here.
 */
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
  for (const [c, name] of ['Lý luận chính trị', 'Lịch sử Đoàn'].entries()) {
    const res = await call(t, 'POST', '/contest-bank/categories', editor.cookie, {
      unitId: nation.provinceA.id,
      name,
    });
    const categoryId = ok(res, 201).category.id as string;
    categories.push(categoryId);
    for (let q = 1; q <= 3; q++) {
      const question = {
        unitId: nation.provinceA.id,
        categoryId,
        kind: 'single',
        text: `Câu hỏi ${c}-${q}`,
        options: [
          { text: `Đúng ${c}-${q}`, correct: true },
          { text: `Sai ${c}-${q}`, correct: false },
        ],
      };
      ok(await call(t, 'POST', '/contest-bank/questions', editor.cookie, question), 201);
    }
  }
  return { nation, editor, viewer, outsider, categories };
}

export type PublicReply = CookieReply;

/** A public request under /api/public/contests with the learner's one cookie. */
export function pub(
  t: TestApp,
  method: 'GET' | 'POST',
  url: string,
  cookie: string | null,
  body?: unknown,
): Promise<PublicReply> {
  return callWithCookie(t, method, `/public/contests${url}`, cookie, body);
}

let phones = 0;
export function nextPhone(): string {
  phones++;
  return `08${String(31_000_000 + phones * 7 + Math.floor(Math.random() * 5)).padStart(8, '0')}`;
}

/** sha256(challenge:n) with `bits` leading zero bits (decision 0008). */
function solve(challenge: string, bits: number): string {
  for (let n = 0; ; n++) {
    const digest = createHash('sha256').update(`${challenge}:${n}`).digest();
    let zeros = 0;
    for (const byte of digest) {
      if (byte === 0) {
        zeros += 8;
        continue;
      }
      zeros += Math.clz32(byte) - 24;
      break;
    }
    if (zeros >= bits) return String(n);
  }
}

/** Registers for the test (challenge + proof of work), takes it with `right` right answers. */
export async function takeTest(
  t: TestApp,
  contestId: string,
  right: number,
  fields: Record<string, unknown> = {},
): Promise<string> {
  const challenge = await pub(t, 'GET', `/${contestId}/challenge`, null);
  const registered = await pub(t, 'POST', `/${contestId}/participants`, null, {
    fullName: 'Nguyễn Văn An',
    phone: nextPhone(),
    birthYear: 2006,
    unitText: 'Trường THPT Lê Quý Đôn',
    challenge: challenge.body.challenge,
    solution: solve(challenge.body.challenge, challenge.body.difficulty),
    ...fields,
  });
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  const cookie = registered.setCookie!;
  const attempt = (await pub(t, 'POST', `/${contestId}/attempts`, cookie)).body.attempt;
  const answers = (attempt.questions as any[]).map((q, i) => {
    const want = i < right ? 'Đúng' : 'Sai';
    const option = (q.options as any[]).find((o) => String(o.text).startsWith(want));
    return { questionId: q.id as string, optionIds: [option.id as string] };
  });
  const submitted = await pub(t, 'POST', `/${contestId}/attempts/${attempt.id}/submit`, cookie, {
    answers,
  });
  expect(submitted.status).toBe(200);
  return cookie;
}

export const TEST_WINDOW = {
  opensAt: '2026-01-01T00:00:00.000Z',
  closesAt: '2026-12-31T16:59:59.000Z',
};

export const paragraph = (text: string) => ({ type: 'paragraph', runs: [{ text }] });

/** A course of the world's province with `lessons` lessons, and optionally its test. */
export async function buildCourse(
  t: TestApp,
  w: World,
  options: { lessons?: number; test?: boolean; publish?: boolean; fields?: object } = {},
): Promise<{ id: string; lessonIds: string[]; contestId: string | null }> {
  const course = ok(
    await call(t, 'POST', '/courses', w.editor.cookie, {
      unitId: w.nation.provinceA.id,
      title: 'Học tập lý luận chính trị cho đoàn viên mới',
      description: 'Ba bài học và một bài kiểm tra.',
      topic: 'political_theory',
      passMark: 60,
      certificatePlace: 'Hà Nội',
      ...options.fields,
    }),
    201,
  ).course;
  const lessonIds: string[] = [];
  for (let i = 1; i <= (options.lessons ?? 2); i++) {
    const res = await call(t, 'POST', `/courses/${course.id}/lessons`, w.editor.cookie, {
      title: `Bài ${i}`,
      body: [paragraph(`Nội dung bài ${i}`)],
      images: [{ url: `https://doanthanhnien.vn/anh-${i}.jpg`, alt: `Ảnh ${i}` }],
      videoUrl: 'https://www.youtube.com/watch?v=abc',
    });
    lessonIds.push(ok(res, 201).lesson.id as string);
  }
  let contestId: string | null = null;
  if (options.test ?? true) {
    const res = await call(t, 'PUT', `/courses/${course.id}/test`, w.editor.cookie, {
      quotas: [
        { categoryId: w.categories[0], count: 2 },
        { categoryId: w.categories[1], count: 1 },
      ],
      timeLimitSeconds: 600,
      attemptsAllowed: 3,
      ...TEST_WINDOW,
    });
    contestId = ok(res).course.test.contestId as string;
  }
  if (options.publish) ok(await call(t, 'POST', `/courses/${course.id}/publish`, w.editor.cookie));
  return { id: course.id as string, lessonIds, contestId };
}

/** What the API may change: courses, lessons, tests and the audit trail. */
export async function snapshot(t: TestApp): Promise<string> {
  const result: unknown = await t.deps.db.execute(sql`select json_build_object(
      'courses', (select json_agg(c order by c.id) from courses c),
      'lessons', (select json_agg(l order by l.id) from course_lessons l),
      'contests', (select json_agg(x order by x.id) from contests x),
      'rounds', (select json_agg(r order by r.id) from contest_rounds r),
      'certificates', (select count(*) from certificates),
      'audit', (select count(*) from audit_log)) as s`);
  return JSON.stringify((result as { rows: { s: unknown }[] }).rows[0]!.s);
}
