import { sql } from 'drizzle-orm';
import { call, ok } from '../../test/api.ts';
import type { TestApp } from '../../test/test-app.ts';
import type { World } from '../contests/contests.test-helpers.ts';

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
