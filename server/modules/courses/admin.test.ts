import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, ok } from '../../test/api.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { MESSAGES } from './courses.contracts.ts';
import type { World } from './courses.test-helpers.ts';
import {
  TEST_WINDOW,
  buildCourse,
  buildWorld,
  paragraph,
  snapshot,
} from './courses.test-helpers.ts';

describe('course admin API', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await buildTestApp({ config: { contestPowBits: 1, contestRateLimit: 10_000 } });
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('builds a course: lessons in order, the final test as a course_test contest, publish', async () => {
    const course = await buildCourse(t, w, { lessons: 3 });
    const view = ok(await call(t, 'GET', `/courses/${course.id}`, w.viewer.cookie)).course;
    expect(view.lessons.map((l: any) => [l.position, l.title])).toEqual([
      [1, 'Bài 1'],
      [2, 'Bài 2'],
      [3, 'Bài 3'],
    ]);
    expect(view.test).toMatchObject({ status: 'draft', questionCount: 3, attemptsAllowed: 3 });
    expect(view.abilities).toEqual({ write: false, publish: false });
    const contest = ok(await call(t, 'GET', `/contests/${course.contestId}`, w.editor.cookie));
    expect(contest.contest).toMatchObject({
      kind: 'course_test',
      reviewPolicy: 'score_after_submit',
      rounds: [{ number: 1, opensAt: TEST_WINDOW.opensAt }],
    });

    const published = ok(await call(t, 'POST', `/courses/${course.id}/publish`, w.editor.cookie));
    expect(published.course).toMatchObject({ status: 'published', test: { status: 'published' } });
    // What decides completion is fixed once published; the texts stay editable.
    const passMark = await call(t, 'PATCH', `/courses/${course.id}`, w.editor.cookie, {
      passMark: 10,
    });
    expect(passMark.status).toBe(409);
    expect(passMark.body.error.message).toBe(MESSAGES.notDraft);
    const retitled = ok(
      await call(t, 'PATCH', `/courses/${course.id}`, w.editor.cookie, { title: 'Tên mới' }),
    );
    expect(retitled.course.title).toBe('Tên mới');
    const again = await call(t, 'PUT', `/courses/${course.id}/test`, w.editor.cookie, {
      quotas: [{ categoryId: w.categories[0], count: 1 }],
      ...TEST_WINDOW,
    });
    expect(again.status).toBe(409);

    const closed = ok(await call(t, 'POST', `/courses/${course.id}/close`, w.editor.cookie));
    expect(closed.course.status).toBe('closed');
    const hidden = await t.app.inject({ url: `/api/public/courses/${course.id}` });
    expect(hidden.statusCode).toBe(404);
    const edit = await call(t, 'POST', `/courses/${course.id}/lessons`, w.editor.cookie, {
      title: 'Bài thêm',
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toBe(MESSAGES.closed);
  });

  it('reorders, edits and deletes lessons, keeping positions 1…n', async () => {
    const course = await buildCourse(t, w, { lessons: 3, test: false });
    const [a, b, c] = course.lessonIds;
    const order = ok(
      await call(t, 'PUT', `/courses/${course.id}/lessons/order`, w.editor.cookie, {
        lessonIds: [c, a, b],
      }),
    );
    expect(order.items.map((l: any) => [l.position, l.title])).toEqual([
      [1, 'Bài 3'],
      [2, 'Bài 1'],
      [3, 'Bài 2'],
    ]);
    const edited = ok(
      await call(t, 'PATCH', `/courses/${course.id}/lessons/${a}`, w.editor.cookie, {
        title: 'Bài 1 (sửa)',
        videoUrl: null,
        body: [paragraph('Văn bản mới'), { type: 'bullet', runs: [{ text: 'Ý', bold: true }] }],
      }),
    );
    expect(edited.lesson).toMatchObject({ title: 'Bài 1 (sửa)', videoUrl: null, position: 2 });
    const deleted = await call(t, 'DELETE', `/courses/${course.id}/lessons/${c}`, w.editor.cookie);
    expect(deleted.status).toBe(204);
    const view = ok(await call(t, 'GET', `/courses/${course.id}`, w.editor.cookie)).course;
    expect(view.lessons.map((l: any) => [l.position, l.title])).toEqual([
      [1, 'Bài 1 (sửa)'],
      [2, 'Bài 2'],
    ]);
    expect(view.abilities).toEqual({ write: true, publish: true });
    const list = ok(
      await call(t, 'GET', `/courses?unitId=${w.nation.provinceA.id}`, w.viewer.cookie),
    );
    expect(list.items.find((i: any) => i.id === course.id).lessonCount).toBe(2);
  });

  it('refuses every write to a viewer (403) and an outsider (404), changing nothing', async () => {
    const course = await buildCourse(t, w, { lessons: 2 });
    const published = await buildCourse(t, w, { lessons: 1, publish: true });
    const [l1, l2] = course.lessonIds;
    const writes: [string, string, unknown][] = [
      ['POST', '/courses', { unitId: w.nation.provinceA.id, title: 'Khoá mới' }],
      ['PATCH', `/courses/${course.id}`, { title: 'Đổi tên' }],
      [
        'PUT',
        `/courses/${course.id}/test`,
        { quotas: [{ categoryId: w.categories[0], count: 1 }], ...TEST_WINDOW },
      ],
      ['POST', `/courses/${course.id}/publish`, undefined],
      ['POST', `/courses/${published.id}/close`, undefined],
      ['POST', `/courses/${course.id}/lessons`, { title: 'Bài mới' }],
      ['PATCH', `/courses/${course.id}/lessons/${l1}`, { title: 'Sửa' }],
      ['DELETE', `/courses/${course.id}/lessons/${l1}`, undefined],
      ['PUT', `/courses/${course.id}/lessons/order`, { lessonIds: [l2, l1] }],
    ];
    const before = await snapshot(t);
    for (const [method, url, body] of writes) {
      const m = method as 'POST';
      expect((await call(t, m, url, w.viewer.cookie, body)).status, `viewer ${method} ${url}`).toBe(
        403,
      );
      expect(
        (await call(t, m, url, w.outsider.cookie, body)).status,
        `outsider ${method} ${url}`,
      ).toBe(404);
      expect((await call(t, m, url, null, body)).status, `anonymous ${method} ${url}`).toBe(401);
    }
    for (const url of [
      `/courses?unitId=${w.nation.provinceA.id}`,
      `/courses/${course.id}`,
      `/courses/${course.id}/completions`,
    ]) {
      expect((await call(t, 'GET', url, w.outsider.cookie)).status, url).toBe(404);
      expect((await call(t, 'GET', url, w.viewer.cookie)).status, url).toBe(200);
    }
    expect(await snapshot(t)).toBe(before);
  });

  it('answers bad input with 4xx and a Vietnamese message, changing nothing', async () => {
    const course = await buildCourse(t, w, { lessons: 2, test: false });
    const other = await buildCourse(t, w, { lessons: 1, test: false });
    const [l1, l2] = course.lessonIds;
    const before = await snapshot(t);
    const bad: [string, string, unknown, number, string?][] = [
      ['POST', '/courses', { unitId: w.nation.provinceA.id, title: '  ' }, 400],
      ['POST', '/courses', { unitId: w.nation.provinceA.id, title: 'X', passMark: 0 }, 400],
      ['POST', '/courses', { unitId: 'not-a-uuid', title: 'X' }, 400],
      ['POST', '/courses', { unitId: w.nation.provinceA.id, title: 'X', extra: 1 }, 400],
      ['PATCH', `/courses/${course.id}`, { audience: 'everyone' }, 400],
      ['PATCH', '/courses/not-a-uuid', { title: 'X' }, 400],
      [
        'POST',
        `/courses/${course.id}/lessons`,
        { title: 'B', videoUrl: 'javascript:alert(1)' },
        400,
        MESSAGES.videoUrl,
      ],
      [
        'POST',
        `/courses/${course.id}/lessons`,
        { title: 'B', videoUrl: 'youtube' },
        400,
        MESSAGES.videoUrl,
      ],
      [
        'POST',
        `/courses/${course.id}/lessons`,
        { title: 'B', images: [{ url: 'http://a.vn/x.jpg' }] },
        400,
        MESSAGES.imageUrl,
      ],
      [
        'POST',
        `/courses/${course.id}/lessons`,
        { title: 'B', body: [{ type: 'table', runs: [] }] },
        400,
      ],
      [
        'PATCH',
        `/courses/${course.id}/lessons/${l1}`,
        { videoUrl: 'ftp://x.vn/v' },
        400,
        MESSAGES.videoUrl,
      ],
      ['PATCH', `/courses/${other.id}/lessons/${l1}`, { title: 'X' }, 404, MESSAGES.lessonMissing],
      ['DELETE', `/courses/${other.id}/lessons/${l2}`, undefined, 404, MESSAGES.lessonMissing],
      ['PUT', `/courses/${course.id}/lessons/order`, { lessonIds: [l1] }, 400, MESSAGES.order],
      ['PUT', `/courses/${course.id}/lessons/order`, { lessonIds: [l1, l1] }, 400, MESSAGES.order],
      [
        'PUT',
        `/courses/${course.id}/lessons/order`,
        { lessonIds: [l1, other.lessonIds[0]] },
        400,
        MESSAGES.order,
      ],
      ['PUT', `/courses/${course.id}/test`, { quotas: [], ...TEST_WINDOW }, 400],
      [
        'PUT',
        `/courses/${course.id}/test`,
        {
          quotas: [{ categoryId: w.categories[0], count: 1 }],
          opensAt: TEST_WINDOW.closesAt,
          closesAt: TEST_WINDOW.opensAt,
        },
        400,
        MESSAGES.testWindow,
      ],
      // A category of no bank of the organiser.
      [
        'PUT',
        `/courses/${course.id}/test`,
        { quotas: [{ categoryId: l1, count: 1 }], ...TEST_WINDOW },
        400,
      ],
      ['POST', `/courses/${course.id}/publish`, undefined, 409, MESSAGES.noTest],
      ['POST', `/courses/${course.id}/close`, undefined, 409, MESSAGES.notPublished],
      ['GET', `/courses/${l1}`, undefined, 404, MESSAGES.courseMissing],
      ['GET', '/courses?unitId=x', undefined, 400],
    ];
    for (const [method, url, body, status, message] of bad) {
      const res = await call(t, method as 'POST', url, w.editor.cookie, body);
      expect(res.status, `${method} ${url} ${JSON.stringify(body)}`).toBe(status);
      expect(res.body.error.code).toBeTruthy();
      if (message) expect(res.body.error.message).toBe(message);
    }
    expect(await snapshot(t)).toBe(before);
  });

  it('publishes only a course with lessons and a test the bank can fill', async () => {
    const empty = await buildCourse(t, w, { lessons: 0 });
    const noLessons = await call(t, 'POST', `/courses/${empty.id}/publish`, w.editor.cookie);
    expect(noLessons.status).toBe(409);
    expect(noLessons.body.error.message).toBe(MESSAGES.noLessons);
    const greedy = await buildCourse(t, w, { lessons: 1 });
    ok(
      await call(t, 'PUT', `/courses/${greedy.id}/test`, w.editor.cookie, {
        quotas: [{ categoryId: w.categories[0], count: 50 }],
        ...TEST_WINDOW,
      }),
    );
    const before = await snapshot(t);
    const res = await call(t, 'POST', `/courses/${greedy.id}/publish`, w.editor.cookie);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(MESSAGES.testNotReady);
    expect(res.body.error.details.problems[0].code).toBe('quota_not_met');
    expect(await snapshot(t)).toBe(before);
  });
});
