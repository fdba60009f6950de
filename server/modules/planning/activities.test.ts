import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { activities, indicatorValues } from './planning.table.ts';
import {
  buildNation,
  call,
  expectRejectedUnchanged,
  getRollup,
  ok,
} from './planning.test-helpers.ts';

/** Activities feed the reported indicators through the catalogue's mapping, live. */
describe('activities', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2023-08-15' });
  });
  afterAll(async () => {
    await t.close();
  });

  const training = (unitId: string, extra: object = {}) => ({
    unitId,
    kind: 'training',
    title: 'Tập huấn kỹ năng sử dụng mạng xã hội an toàn, tích cực',
    occurredOn: '2023-05-20',
    participants: [
      { category: 'cadre', count: 120 },
      { category: 'member', sex: 'female', count: 30 },
      { category: 'member', sex: 'male', count: 25 },
    ],
    evidenceLinks: ['https://tinhdoan.example.vn/tin-tuc/tap-huan-2023'],
    ...extra,
  });

  it('a training with 120 cadres counts 120 cadres trained and 1 training held, at once', async () => {
    const n = await buildNation(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: n.a1, role: 'editor' }]);
    const viewer = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'viewer' }]);
    const { activity } = ok(
      await call(t, 'POST', '/planning/activities', editor.cookie, training(n.a1.id)),
      201,
    );
    expect(activity).toMatchObject({ unitId: n.a1.id, participantTotal: 175 });
    expect(activity.feeds).toEqual(
      expect.arrayContaining([
        { indicatorCode: 'people_trained', value: 175 },
        { indicatorCode: 'cyber_trainings_held', value: 1 },
        { indicatorCode: 'activities_held', value: 1 },
      ]),
    );
    expect(activity.feeds).toHaveLength(3);

    const trained = await getRollup(t, viewer.cookie, n.provinceA, 'people_trained', '2023');
    expect(trained.total.value).toBe(175);
    expect(trained.byCategory).toMatchObject([
      { category: 'cadre', value: 120 },
      { category: 'member', value: 55 },
    ]);
    const cadres = await getRollup(
      t,
      viewer.cookie,
      n.provinceA,
      'people_trained',
      '2023',
      '&category=cadre',
    );
    expect(cadres.total.value).toBe(120);
    const held = await getRollup(t, viewer.cookie, n.provinceA, 'cyber_trainings_held', '2023');
    expect(held.total.value).toBe(1);
    // A quarter without the training sees none of it.
    expect(
      (await getRollup(t, viewer.cookie, n.provinceA, 'cyber_trainings_held', '2023-Q1')).total
        .value,
    ).toBe(0);

    // Fact rows carry the province of the unit at write time.
    const [row] = await t.deps.db.select().from(activities).where(eq(activities.id, activity.id));
    expect(row!.provinceUnitId).toBe(n.provinceA.id);
    const derived = await t.deps.db
      .select()
      .from(indicatorValues)
      .where(eq(indicatorValues.activityId, activity.id));
    expect(new Set(derived.map((d) => d.provinceUnitId))).toEqual(new Set([n.provinceA.id]));
  });

  it('thematic indicators count only activities tagged with them', async () => {
    const n = await buildNation(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: n.districtA, role: 'editor' }]);
    const forum = (title: string, tags: string[]) => ({
      unitId: n.a2.id,
      kind: 'forum',
      title,
      occurredOn: '2023-06-10',
      indicatorCodes: tags,
    });
    ok(
      await call(
        t,
        'POST',
        '/planning/activities',
        editor.cookie,
        forum('Tọa đàm về tư tưởng Hồ Chí Minh', ['marxism_activities']),
      ),
      201,
    );
    ok(
      await call(
        t,
        'POST',
        '/planning/activities',
        editor.cookie,
        forum('Giao lưu với phụ huynh', []),
      ),
      201,
    );
    expect(
      (await getRollup(t, editor.cookie, n.districtA, 'marxism_activities', '2023')).total.value,
    ).toBe(1);
    expect(
      (await getRollup(t, editor.cookie, n.districtA, 'activities_held', '2023')).total.value,
    ).toBe(2);
  });

  it('an edit re-derives what the activity feeds; a deletion takes it back', async () => {
    const n = await buildNation(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: n.a1, role: 'editor' }]);
    const { activity } = ok(
      await call(t, 'POST', '/planning/activities', editor.cookie, training(n.a1.id)),
      201,
    );
    const edited = ok(
      await call(t, 'PATCH', `/planning/activities/${activity.id}`, editor.cookie, {
        participants: [{ category: 'cadre', count: 80 }],
      }),
    ).activity;
    expect(edited.feeds).toContainEqual({ indicatorCode: 'people_trained', value: 80 });
    expect((await getRollup(t, editor.cookie, n.a1, 'people_trained', '2023')).total.value).toBe(
      80,
    );

    const asForum = ok(
      await call(t, 'PATCH', `/planning/activities/${activity.id}`, editor.cookie, {
        kind: 'forum',
      }),
    ).activity;
    expect(asForum.feeds).toEqual([{ indicatorCode: 'activities_held', value: 1 }]);
    expect(
      (await getRollup(t, editor.cookie, n.a1, 'cyber_trainings_held', '2023')).total.value,
    ).toBe(0);

    const res = await call(t, 'DELETE', `/planning/activities/${activity.id}`, editor.cookie);
    expect(res.status).toBe(204);
    expect((await getRollup(t, editor.cookie, n.a1, 'activities_held', '2023')).total.value).toBe(
      0,
    );
    const left = await t.deps.db
      .select()
      .from(indicatorValues)
      .where(eq(indicatorValues.activityId, activity.id));
    expect(left).toEqual([]);
  });

  it('reads one activity for its edit form: 404 outside the subtree, edit ability by role', async () => {
    const n = await buildNation(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: n.a1, role: 'editor' }]);
    const viewer = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'viewer' }]);
    const outsider = await buildUser(t.deps.db, [{ unit: n.provinceB, role: 'admin' }]);
    const { activity } = ok(
      await call(t, 'POST', '/planning/activities', editor.cookie, training(n.a1.id)),
      201,
    );
    const read = ok(await call(t, 'GET', `/planning/activities/${activity.id}`, editor.cookie));
    expect(read.activity).toEqual(activity);
    const seen = ok(await call(t, 'GET', `/planning/activities/${activity.id}`, viewer.cookie));
    expect(seen.activity.abilities).toEqual({ edit: false });
    expect(seen.activity.feeds).toEqual(activity.feeds);
    const res = await call(t, 'GET', `/planning/activities/${activity.id}`, outsider.cookie);
    expect(res.status).toBe(404);
  });

  it('lists the activities of a subtree, newest first, with what each feeds and the edit ability', async () => {
    const n = await buildNation(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: n.a1, role: 'editor' }]);
    const admin = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'admin' }]);
    ok(
      await call(
        t,
        'POST',
        '/planning/activities',
        editor.cookie,
        training(n.chapter.id, { occurredOn: '2023-04-01' }),
      ),
      201,
    );
    ok(
      await call(
        t,
        'POST',
        '/planning/activities',
        admin.cookie,
        training(n.a2.id, { title: 'Tập huấn 2', occurredOn: '2023-07-01' }),
      ),
      201,
    );
    const other = await buildUser(t.deps.db, [{ unit: n.provinceB, role: 'editor' }]);
    ok(await call(t, 'POST', '/planning/activities', other.cookie, training(n.b1.id)), 201);

    // District A lies above the editor's grant on a1: it is not theirs to list.
    await expectRejectedUnchanged(
      t,
      () => call(t, 'GET', `/planning/activities?unitId=${n.districtA.id}`, editor.cookie),
      404,
      'not_found',
    );
    const mine = ok(await call(t, 'GET', `/planning/activities?unitId=${n.a1.id}`, editor.cookie));
    expect(mine.items.map((a: { unitId: string }) => a.unitId)).toEqual([n.chapter.id]);
    expect(mine.items[0].abilities).toEqual({ edit: true });

    const all = ok(
      await call(
        t,
        'GET',
        `/planning/activities?unitId=${n.provinceA.id}&pageSize=1`,
        admin.cookie,
      ),
    );
    expect(all).toMatchObject({ page: 1, pageSize: 1, hasMore: true });
    expect(all.items[0]).toMatchObject({ unitId: n.a2.id, occurredOn: '2023-07-01' });
    const page2 = ok(
      await call(
        t,
        'GET',
        `/planning/activities?unitId=${n.provinceA.id}&pageSize=1&page=2`,
        admin.cookie,
      ),
    );
    expect(page2).toMatchObject({ hasMore: false, items: [{ unitId: n.chapter.id }] });
    const q3 = ok(
      await call(
        t,
        'GET',
        `/planning/activities?unitId=${n.provinceA.id}&from=2023-07-01&kind=training`,
        admin.cookie,
      ),
    );
    expect(q3.items).toHaveLength(1);
  });
});
