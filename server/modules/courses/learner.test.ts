import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, ok } from '../../test/api.ts';
import { buildPerson } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { buildPlanningCatalogue, evaluateRollups } from '../planning/index.ts';
import { MESSAGES } from './courses.contracts.ts';
import { COURSE_INDICATORS } from './courses.indicators.ts';
import type { World } from './courses.test-helpers.ts';
import {
  buildCourse,
  buildWorld,
  nextPhone,
  pub,
  snapshot,
  takeTest,
} from './courses.test-helpers.ts';

const publicCourse = (t: TestApp, id: string) =>
  t.app.inject({ method: 'GET', url: `/api/public/courses/${id}` });

describe('learners: the public course, completion, certificates, the new-member indicator', () => {
  let t: TestApp;
  let w: World;
  let course: { id: string; contestId: string | null; lessonIds: string[] };

  beforeAll(async () => {
    t = await buildTestApp({
      today: '2026-03-10',
      config: { contestPowBits: 1, contestRateLimit: 10_000, contestPhoneRateLimit: 1000 },
    });
    w = await buildWorld(t);
    course = await buildCourse(t, w, { lessons: 3 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows a course to the public only once published, lessons in order', async () => {
    expect((await publicCourse(t, course.id)).statusCode).toBe(404);
    expect((await publicCourse(t, 'x')).statusCode).toBe(400);
    const [a, b, c] = course.lessonIds;
    ok(
      await call(t, 'PUT', `/courses/${course.id}/lessons/order`, w.editor.cookie, {
        lessonIds: [b, c, a],
      }),
    );
    ok(await call(t, 'POST', `/courses/${course.id}/publish`, w.editor.cookie));
    const res = await publicCourse(t, course.id);
    expect(res.statusCode).toBe(200);
    const body = res.json().course;
    expect(body.lessons.map((l: any) => l.title)).toEqual(['Bài 2', 'Bài 3', 'Bài 1']);
    expect(body.lessons[0].images[0].url).toMatch(/^https:/);
    expect(body.test).toMatchObject({ contestId: course.contestId, questionCount: 3 });
    expect(body).toMatchObject({ organiser: w.nation.provinceA.name, issuesCertificates: true });
    // No key, no scores, nothing of the organiser's in the public view.
    expect(res.body).not.toContain('correct');
    expect(res.body).not.toContain('Đúng');
  });

  it('tells a learner their completion through the test cookie, and certifies it', async () => {
    const contestId = course.contestId!;
    const anonymous = await pub(t, 'GET', `/${contestId}/course-status`, null);
    expect(anonymous.body).toMatchObject({ registered: false, completed: false });
    // A contest that is no course's test.
    const other = ok(
      await call(t, 'POST', '/contests', w.editor.cookie, {
        unitId: w.nation.provinceA.id,
        title: 'Cuộc thi',
        timeLimitKind: 'none',
      }),
      201,
    ).contest;
    expect((await pub(t, 'GET', `/${other.id}/course-status`, null)).status).toBe(404);

    const failing = await takeTest(t, contestId, 1);
    const failed = (await pub(t, 'GET', `/${contestId}/course-status`, failing)).body;
    expect(failed).toMatchObject({ registered: true, attempts: 1, completed: false, passMark: 60 });
    expect(failed.bestPercent).toBeCloseTo(100 / 3);
    const before = await snapshot(t);
    const refused = await pub(t, 'POST', `/${contestId}/course-certificate`, failing);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(MESSAGES.notCompleted);
    expect((await pub(t, 'POST', `/${contestId}/course-certificate`, null)).status).toBe(401);
    expect(await snapshot(t)).toBe(before);

    const passing = await takeTest(t, contestId, 2, { fullName: 'Trần Thị Bình' });
    const passed = (await pub(t, 'GET', `/${contestId}/course-status`, passing)).body;
    expect(passed).toMatchObject({ completed: true, certificate: null });
    const issued = await pub(t, 'POST', `/${contestId}/course-certificate`, passing);
    expect(issued.status).toBe(200);
    expect(issued.body.certificate.isNew).toBe(true);
    const again = await pub(t, 'POST', `/${contestId}/course-certificate`, passing);
    expect(again.body.certificate).toMatchObject({
      code: issued.body.certificate.code,
      isNew: false,
    });
    const verified = await t.app.inject({
      url: `/api/public/certificates/${issued.body.certificate.code}`,
    });
    expect(verified.json().certificate).toMatchObject({
      title: 'Học tập lý luận chính trị cho đoàn viên mới',
      issuedOn: '2026-03-10',
    });
    const status = (await pub(t, 'GET', `/${contestId}/course-status`, passing)).body;
    expect(status.certificate.code).toBe(issued.body.certificate.code);
  });

  it('refuses a certificate when the course issues none', async () => {
    const plain = await buildCourse(t, w, {
      lessons: 1,
      publish: true,
      fields: { certificatePlace: null },
    });
    const cookie = await takeTest(t, plain.contestId!, 3);
    const res = await pub(t, 'POST', `/${plain.contestId}/course-certificate`, cookie);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(MESSAGES.noCertificate);
  });

  it('counts new members who completed, for their unit and its ancestors only', async () => {
    const catalogue = buildPlanningCatalogue(COURSE_INDICATORS);
    const window = { from: '2026-01-01', to: '2026-12-31' };
    const evaluate = async (unitId: string) => {
      const results = await evaluateRollups(t.deps.db, catalogue, unitId, '2026-03-10', [
        {
          key: 'n',
          indicator: catalogue.get('course_new_members_completed')!,
          window,
          category: null,
        },
        {
          key: 'pct',
          indicator: catalogue.get('course_new_members_completed_pct')!,
          window,
          category: null,
        },
      ]);
      return { n: results.get('n')!.total, pct: results.get('pct')!.total };
    };
    const member = async (unit: typeof w.nation.a1, joinDate: string) => {
      const phone = nextPhone();
      const person = await buildPerson(t.deps.db, unit, { fullName: 'Lê Văn Cường', phone });
      await t.deps.db.execute(
        sql`update people set join_date = ${joinDate} where id = ${person.id}`,
      );
      return phone;
    };
    const newcomer = await member(w.nation.chapter, '2026-02-01');
    const veteran = await member(w.nation.chapter, '2024-05-01');
    await member(w.nation.a2, '2026-01-15'); // new, has not learnt yet
    const start = await evaluate(w.nation.provinceA.id);
    expect(start.n.value ?? 0).toBe(0);
    expect(start.pct).toMatchObject({ numerator: 0, denominator: 2 });

    await takeTest(t, course.contestId!, 3, { phone: newcomer });
    await takeTest(t, course.contestId!, 3, { phone: veteran });
    for (const unit of [w.nation.provinceA, w.nation.districtA, w.nation.a1, w.nation.chapter]) {
      const after = await evaluate(unit.id);
      expect(after.n.value, unit.name).toBe(1);
    }
    const province = await evaluate(w.nation.provinceA.id);
    expect(province.pct).toMatchObject({ numerator: 1, denominator: 2 });
    expect(province.pct.value).toBeCloseTo(50);
    // Another branch of the tree does not move.
    expect((await evaluate(w.nation.a2.id)).n.value ?? 0).toBe(0);
    expect((await evaluate(w.nation.provinceB.id)).n.value ?? 0).toBe(0);
  });

  it('tallies completions per unit under the organiser, for its readers only', async () => {
    const res = ok(await call(t, 'GET', `/courses/${course.id}/completions`, w.viewer.cookie));
    expect(res.total).toEqual({ learners: 4, completed: 3 });
    // The two members linked by phone count under district A (a1's chapter); free-text learners under none.
    expect(res.items).toEqual([
      {
        unitId: w.nation.districtA.id,
        name: w.nation.districtA.name,
        learners: 2,
        completed: 2,
        members: 3,
        rate: 2 / 3,
      },
    ]);
    expect(
      (await call(t, 'GET', `/courses/${course.id}/completions`, w.outsider.cookie)).status,
    ).toBe(404);
  });
});
