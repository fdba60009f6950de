import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import type { Nation } from './planning.test-helpers.ts';
import {
  buildNation,
  call,
  expectRejectedUnchanged,
  issuePlan,
  ok,
} from './planning.test-helpers.ts';
import { isAtLeastAsStrict } from './target.rules.ts';

describe('isAtLeastAsStrict', () => {
  it.each([
    ['gte', 90, 'gte', 95, true],
    ['gte', 90, 'gte', 90, true],
    ['gte', 90, 'gte', 85, false],
    ['gte', 90, 'eq', 92, true],
    ['gte', 90, 'lte', 95, false],
    ['lte', 10, 'lte', 5, true],
    ['lte', 10, 'lte', 12, false],
    ['lte', 10, 'eq', 10, true],
    ['eq', 9, 'eq', 9, true],
    ['eq', 9, 'gte', 9, false],
  ] as const)('parent %s %d, child %s %d → %s', (pc, pv, cc, cv, expected) => {
    expect(isAtLeastAsStrict({ comparator: cc, value: cv }, { comparator: pc, value: pv })).toBe(
      expected,
    );
  });
});

/** Cascade: a plan implementing a plan above inherits its targets and may tighten, never loosen. */
describe('targets cascade', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2023-06-20' });
  });
  afterAll(async () => {
    await t.close();
  });

  /** The central plan modelled on seed 001 (2025 targets) and the province admin. */
  async function central(n: Nation) {
    const centralAdmin = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
    const plan = await issuePlan(t, centralAdmin.cookie, n.central, {
      periodStart: 2023,
      periodEnd: 2030,
      issueDate: '2023-04-28',
      targets: [
        {
          indicatorCode: 'conduct_code_informed_pct',
          comparator: 'gte',
          value: 90,
          category: 'cadre',
          deadline: '2025-12-31',
        },
        {
          indicatorCode: 'counter_articles_weekly',
          comparator: 'gte',
          value: 2,
          period: '2023-2025',
          appliesTo: 'each_of_kind',
          appliesKind: 'province',
        },
        {
          indicatorCode: 'online_trends',
          comparator: 'gte',
          value: 2,
          period: '2023',
          appliesTo: 'each_child',
        },
        {
          indicatorCode: 'districts_volunteer_team_pct',
          comparator: 'gte',
          value: 80,
          deadline: '2025-12-31',
          appliesTo: 'issuer',
        },
      ],
      tasks: [
        {
          description: 'Tổ chức học tập lý luận chính trị cho đoàn viên mới',
          deadline: 'thường xuyên',
        },
      ],
    });
    const provinceAdmin = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'admin' }]);
    return { plan, provinceAdmin };
  }

  async function implement(n: Nation, parentId: string, cookie: string) {
    return ok(
      await call(t, 'POST', '/planning/plans', cookie, {
        unitId: n.provinceA.id,
        number: `20-KH/TĐTN-BTG-${n.suffix}`,
        title: 'Kế hoạch thực hiện Chương trình năm 2023',
        issueDate: '2023-05-03',
        periodStart: 2023,
        periodEnd: 2023,
        implements: [parentId],
        prefill: true,
      }),
      201,
    );
  }

  it('pre-fills a province plan from the central plan: targets derived, scopes read from the province', async () => {
    const n = await buildNation(t.deps.db);
    const { plan, provinceAdmin } = await central(n);
    const todo = ok(
      await call(
        t,
        'GET',
        `/planning/plans/to-implement?unitId=${n.provinceA.id}`,
        provinceAdmin.cookie,
      ),
    );
    expect(todo.items.map((p: { id: string }) => p.id)).toEqual([plan.plan.id]);
    expect(todo.items[0].draftPlanId).toBeNull();

    const child = await implement(n, plan.plan.id, provinceAdmin.cookie);
    expect(child.plan).toMatchObject({ status: 'draft', implements: [{ id: plan.plan.id }] });
    expect(child.targets.map((x: { parentTargetId: string }) => x.parentTargetId)).toEqual(
      plan.targets.map((x: { id: string }) => x.id),
    );
    expect(
      child.targets.map((x: { appliesTo: string; appliesKind: string | null }) => [
        x.appliesTo,
        x.appliesKind,
      ]),
    ).toEqual([
      ['issuer', null],
      ['issuer', null], // "each province" is the province itself
      ['issuer', null], // "each child of the centre" too
      ['issuer', null],
    ]);
    expect(child.targets[0]).toMatchObject({
      value: 90,
      category: 'cadre',
      deadline: '2025-12-31',
    });
    expect(child.tasks).toMatchObject([
      {
        description: plan.tasks[0].description,
        leadUnit: { id: n.provinceA.id },
        status: 'not_started',
        deadline: { recurring: true },
        parentTaskId: plan.tasks[0].id,
      },
    ]);

    // A draft implementation is pointed to; once issued, the central plan is no longer "to implement".
    const during = ok(
      await call(
        t,
        'GET',
        `/planning/plans/to-implement?unitId=${n.provinceA.id}`,
        provinceAdmin.cookie,
      ),
    );
    expect(during.items[0].draftPlanId).toBe(child.plan.id);
    ok(await call(t, 'POST', `/planning/plans/${child.plan.id}/issue`, provinceAdmin.cookie));
    const after = ok(
      await call(
        t,
        'GET',
        `/planning/plans/to-implement?unitId=${n.provinceA.id}`,
        provinceAdmin.cookie,
      ),
    );
    expect(after.items).toEqual([]);
    // A grassroots unit still has both plans above it to implement.
    const below = ok(
      await call(t, 'GET', `/planning/plans/to-implement?unitId=${n.a1.id}`, provinceAdmin.cookie),
    );
    expect(below.items.map((p: { id: string }) => p.id)).toEqual([child.plan.id, plan.plan.id]);
  });

  it('accepts a stricter derived target and rejects a looser one naming the parent value, changing nothing', async () => {
    const n = await buildNation(t.deps.db);
    const { plan, provinceAdmin } = await central(n);
    const child = await implement(n, plan.plan.id, provinceAdmin.cookie);
    const derived = child.targets[0];

    const stricter = ok(
      await call(t, 'PATCH', `/planning/targets/${derived.id}`, provinceAdmin.cookie, {
        value: 100,
      }),
    );
    expect(stricter.target).toMatchObject({ value: 100, parentTargetId: plan.targets[0].id });

    const res = await expectRejectedUnchanged(
      t,
      () =>
        call(t, 'PATCH', `/planning/targets/${derived.id}`, provinceAdmin.cookie, { value: 85 }),
      422,
      'target_looser_than_parent',
    );
    expect(res.body.error.message).toContain('90%');
    expect(res.body.error.details).toEqual({ parentComparator: 'gte', parentValue: 90 });

    // The same rule for a new target derived by hand, and for a change of comparator.
    const base = {
      indicatorCode: 'online_trends',
      period: '2023',
      parentTargetId: plan.targets[2].id,
    };
    await expectRejectedUnchanged(
      t,
      () =>
        call(t, 'POST', `/planning/plans/${child.plan.id}/targets`, provinceAdmin.cookie, {
          ...base,
          comparator: 'gte',
          value: 1,
        }),
      422,
      'target_looser_than_parent',
    );
    await expectRejectedUnchanged(
      t,
      () =>
        call(t, 'POST', `/planning/plans/${child.plan.id}/targets`, provinceAdmin.cookie, {
          ...base,
          comparator: 'lte',
          value: 5,
        }),
      422,
      'target_looser_than_parent',
    );
    const created = ok(
      await call(t, 'POST', `/planning/plans/${child.plan.id}/targets`, provinceAdmin.cookie, {
        ...base,
        comparator: 'gte',
        value: 3,
      }),
      201,
    );
    expect(created.target).toMatchObject({ value: 3, parentTargetId: plan.targets[2].id });

    // Deriving from a target of a plan this plan does not implement is refused.
    const other = await issuePlan(t, provinceAdmin.cookie, n.provinceA, {
      targets: [{ indicatorCode: 'online_trends', comparator: 'gte', value: 1, period: '2023' }],
    });
    await expectRejectedUnchanged(
      t,
      () =>
        call(t, 'POST', `/planning/plans/${child.plan.id}/targets`, provinceAdmin.cookie, {
          ...base,
          comparator: 'gte',
          value: 4,
          parentTargetId: other.targets[0].id,
        }),
      400,
      'validation_failed',
    );
  });

  it('an upper bound may only be lowered', async () => {
    const n = await buildNation(t.deps.db);
    const centralAdmin = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
    const parent = await issuePlan(t, centralAdmin.cookie, n.central, {
      targets: [
        { indicatorCode: 'youtube_subscribers', comparator: 'lte', value: 100, period: '2023' },
      ],
    });
    const child = ok(
      await call(t, 'POST', '/planning/plans', centralAdmin.cookie, {
        unitId: n.provinceB.id,
        title: 'Kế hoạch',
        periodStart: 2023,
        periodEnd: 2023,
        implements: [parent.plan.id],
        prefill: true,
      }),
      201,
    );
    const id = child.targets[0].id;
    await expectRejectedUnchanged(
      t,
      () => call(t, 'PATCH', `/planning/targets/${id}`, centralAdmin.cookie, { value: 120 }),
      422,
      'target_looser_than_parent',
    );
    ok(await call(t, 'PATCH', `/planning/targets/${id}`, centralAdmin.cookie, { value: 80 }));
  });

  it('issued plans freeze their targets; a target is deleted only from a draft', async () => {
    const n = await buildNation(t.deps.db);
    const { plan, provinceAdmin } = await central(n);
    const centralAdmin = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
    await expectRejectedUnchanged(
      t,
      () => call(t, 'DELETE', `/planning/targets/${plan.targets[0].id}`, centralAdmin.cookie),
      409,
      'invalid_state',
    );
    // The province sees the central plan's targets but may not touch them.
    await expectRejectedUnchanged(
      t,
      () =>
        call(t, 'PATCH', `/planning/targets/${plan.targets[0].id}`, provinceAdmin.cookie, {
          value: 50,
        }),
      403,
      'forbidden',
    );
    const child = await implement(n, plan.plan.id, provinceAdmin.cookie);
    const res = await call(
      t,
      'DELETE',
      `/planning/targets/${child.targets[3].id}`,
      provinceAdmin.cookie,
    );
    expect(res.status).toBe(204);
    const reread = ok(
      await call(t, 'GET', `/planning/plans/${child.plan.id}`, provinceAdmin.cookie),
    );
    expect(reread.targets).toHaveLength(3);
  });
});
