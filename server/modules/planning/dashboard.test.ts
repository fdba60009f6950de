import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { buildNation, call, issuePlan, ok, putValues } from './planning.test-helpers.ts';

/** GET /planning/dashboard: targets with value, status and progress; children compared. */
describe('GET /planning/dashboard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2023-07-02' });
  });
  afterAll(async () => {
    await t.close();
  });

  const trend = (unitId: string, occurredOn: string) => ({
    unitId,
    kind: 'trend_campaign',
    title: 'Trào lưu “Hạnh phúc của tôi, hạnh phúc của bạn”',
    occurredOn,
  });

  it('shows a target set for each province: who meets it, and each province’s own status', async () => {
    const n = await buildNation(t.deps.db);
    const centralAdmin = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
    const plan = await issuePlan(t, centralAdmin.cookie, n.central, {
      targets: [
        {
          indicatorCode: 'online_trends',
          comparator: 'gte',
          value: 2,
          period: '2023',
          appliesTo: 'each_child',
        },
      ],
    });
    const editorA = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'editor' }]);
    const editorB = await buildUser(t.deps.db, [{ unit: n.provinceB, role: 'editor' }]);
    ok(
      await call(
        t,
        'POST',
        '/planning/activities',
        editorA.cookie,
        trend(n.provinceA.id, '2023-03-20'),
      ),
      201,
    );
    ok(
      await call(t, 'POST', '/planning/activities', editorA.cookie, trend(n.a1.id, '2023-06-01')),
      201,
    );
    ok(
      await call(t, 'POST', '/planning/activities', editorB.cookie, trend(n.b2.id, '2023-05-01')),
      201,
    );

    const board = ok(
      await call(t, 'GET', `/planning/dashboard?unitId=${n.central.id}`, centralAdmin.cookie),
    );
    expect(board.unit).toMatchObject({ id: n.central.id, kind: 'central' });
    expect(board.abilities).toEqual({ recordActivity: true, recordValue: true, managePlans: true });
    expect(board.targets).toHaveLength(1);
    const [entry] = board.targets;
    expect(entry).toMatchObject({
      plan: { id: plan.plan.id },
      inherited: false,
      treeDate: '2023-07-02',
      actual: { value: 3 },
      status: null,
      unitsMeeting: { met: 1, total: 2 },
    });
    expect(entry.children).toMatchObject([
      { id: n.provinceA.id, value: 2, status: 'met', progress: 1 },
      { id: n.provinceB.id, value: 1, status: 'at_risk', progress: 0.5 },
    ]);

    // The province sees the same target as its own, inherited from the plan above.
    const province = ok(
      await call(t, 'GET', `/planning/dashboard?unitId=${n.provinceB.id}`, editorB.cookie),
    );
    expect(province.targets).toMatchObject([
      { inherited: true, actual: { value: 1 }, status: 'at_risk', unitsMeeting: null },
    ]);
    expect(province.abilities).toEqual({
      recordActivity: true,
      recordValue: true,
      managePlans: false,
    });

    // As of an earlier day, later activities are not yet there.
    const april = ok(
      await call(
        t,
        'GET',
        `/planning/dashboard?unitId=${n.central.id}&asOf=2023-04-30`,
        centralAdmin.cookie,
      ),
    );
    expect(april.targets[0]).toMatchObject({
      treeDate: '2023-04-30',
      actual: { value: 1 },
      unitsMeeting: { met: 0, total: 2 },
    });
  });

  it('compares the children of a unit on a percentage target, each with a status', async () => {
    const n = await buildNation(t.deps.db);
    const admin = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'admin' }]);
    await issuePlan(t, admin.cookie, n.provinceA, {
      targets: [
        { indicatorCode: 'fanpages_identified_pct', comparator: 'gte', value: 100, period: '2023' },
        {
          indicatorCode: 'people_trained',
          comparator: 'gte',
          value: 100,
          period: '2023',
          category: 'cadre',
        },
      ],
    });
    await putValues(t, admin.cookie, n.a1, 'fanpages_identified_pct', '2023-Q2', [
      { value: 4, denominator: 4 },
    ]);
    await putValues(t, admin.cookie, n.a2, 'fanpages_identified_pct', '2023-Q2', [
      { value: 1, denominator: 4 },
    ]);
    ok(
      await call(t, 'POST', '/planning/activities', admin.cookie, {
        unitId: n.a1.id,
        kind: 'training',
        title: 'Tập huấn nghiệp vụ đấu tranh phản bác',
        occurredOn: '2023-06-15',
        participants: [
          { category: 'cadre', count: 60 },
          { category: 'youth', count: 200 },
        ],
      }),
      201,
    );
    const board = ok(
      await call(t, 'GET', `/planning/dashboard?unitId=${n.districtA.id}`, admin.cookie),
    );
    // District A has no plan of its own and nothing set for it from above.
    expect(board.targets).toEqual([]);

    const province = ok(
      await call(t, 'GET', `/planning/dashboard?unitId=${n.provinceA.id}`, admin.cookie),
    );
    const [pages, trained] = province.targets;
    // Just past mid-year the linear trajectory expects 100 % × 183/365 ≈ 50 %: 62.5 % is on track.
    expect(pages).toMatchObject({
      actual: { value: 62.5, numerator: 5, denominator: 8 },
      status: 'on_track',
    });
    expect(pages.children).toMatchObject([{ id: n.districtA.id, value: 62.5, status: 'on_track' }]);
    const afterYear = ok(
      await call(
        t,
        'GET',
        `/planning/dashboard?unitId=${n.provinceA.id}&asOf=2024-01-15`,
        admin.cookie,
      ),
    );
    expect(afterYear.targets[0]).toMatchObject({ status: 'missed', progress: 0.625 });
    expect(trained).toMatchObject({ actual: { value: 60 }, status: 'on_track' });
    expect(trained.progress).toBeCloseTo(0.6);
    // A count set for the province as a whole is not a target for each district.
    expect(trained.children).toMatchObject([{ id: n.districtA.id, value: 60, status: null }]);
  });
});
