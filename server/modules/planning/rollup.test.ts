import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../kernel/db/client.ts';
import type { BuiltUnit } from '../../test/factories.ts';
import { buildPerson, buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { mergeUnits, moveUnit, SYSTEM } from '../org/index.ts';
import {
  buildNation,
  call,
  expectRejectedUnchanged,
  getRollup,
  putValues,
} from './planning.test-helpers.ts';

/** Rollups: ratios of sums, breakdowns, stocks and flows, rates, shares, the tree as it stood. */
describe('GET /planning/rollup', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2023-12-31' });
  });
  afterAll(async () => {
    await t.close();
  });

  async function people(db: Db, unit: BuiltUnit, category: string, n: number, extra = {}) {
    for (let i = 0; i < n; i++) {
      const person = await buildPerson(db, unit, { category, fullName: `Người ${i}` });
      const set = { gender: i % 2 ? 'female' : 'male', joinDate: null, ...extra };
      await db.execute(
        sql`update people set gender = ${set.gender}, join_date = ${set.joinDate} where id = ${person.id}`,
      );
    }
  }

  it('aggregates percentages as a ratio of sums, never as an average of percentages', async () => {
    t.setToday('2023-12-31');
    const n = await buildNation(t.deps.db);
    const admin = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
    const code = 'pages_connected_pct';
    await putValues(t, admin.cookie, n.a1, code, '2023-Q2', [{ value: 90, denominator: 100 }]);
    await putValues(t, admin.cookie, n.a2, code, '2023-Q2', [{ value: 1, denominator: 10 }]);
    await putValues(t, admin.cookie, n.b1, code, '2023-Q2', [{ value: 10, denominator: 100 }]);

    const district = await getRollup(t, admin.cookie, n.districtA, code, '2023');
    // 90 % and 10 %: their average would be 50 %; the district has 91 of 110 pages connected.
    expect(district.total).toEqual({ value: (100 * 91) / 110, numerator: 91, denominator: 110 });
    expect(district.total.value).not.toBeCloseTo(50);
    expect(district.byChild.map((c: { name: string; value: number }) => [c.name, c.value])).toEqual(
      [
        [`Đoàn xã An ${n.suffix}`, 90],
        [`Đoàn xã Bình ${n.suffix}`, 10],
      ],
    );

    const central = await getRollup(t, admin.cookie, n.central, code, '2023');
    expect(central.total).toEqual({ value: (100 * 101) / 210, numerator: 101, denominator: 210 });
    expect(central.byChild).toMatchObject([
      { id: n.provinceA.id, numerator: 91, denominator: 110 },
      { id: n.provinceB.id, numerator: 10, denominator: 100, value: 10 },
    ]);
  });

  it('breaks a coverage ratio down by child and by person category, denominators from people counts', async () => {
    t.setToday('2023-12-31');
    const n = await buildNation(t.deps.db);
    const admin = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
    await people(t.deps.db, n.a1, 'cadre', 2);
    await people(t.deps.db, n.a1, 'member', 10);
    await people(t.deps.db, n.a2, 'cadre', 1);
    await people(t.deps.db, n.chapter, 'member', 20);
    const code = 'conduct_code_informed_pct';
    await putValues(t, admin.cookie, n.a1, code, '2023-Q2', [
      { category: 'cadre', value: 2 },
      { category: 'member', value: 9 },
    ]);
    await putValues(t, admin.cookie, n.chapter, code, '2023-Q2', [
      { category: 'member', value: 5 },
    ]);
    await putValues(t, admin.cookie, n.a2, code, '2023-Q3', [{ category: 'cadre', value: 1 }]);

    const r = await getRollup(t, admin.cookie, n.districtA, code, '2023');
    expect(r.total).toMatchObject({ numerator: 17, denominator: 33 });
    expect(r.byCategory).toEqual([
      { category: 'cadre', value: 100, numerator: 3, denominator: 3 },
      { category: 'member', value: (100 * 14) / 30, numerator: 14, denominator: 30 },
    ]);
    // a1 holds the chapter: its subtree has 2 cadres and 30 members, 16 of whom were informed.
    expect(r.byChild).toMatchObject([
      { id: n.a1.id, numerator: 16, denominator: 32 },
      { id: n.a2.id, numerator: 1, denominator: 1, value: 100 },
    ]);
    const members = await getRollup(t, admin.cookie, n.districtA, code, '2023', '&category=member');
    expect(members.total).toEqual({ value: (100 * 14) / 30, numerator: 14, denominator: 30 });

    // A stock is the unit's latest snapshot: a1's Q4 entry replaces its Q2 one for the year.
    await putValues(t, admin.cookie, n.a1, code, '2023-Q4', [
      { category: 'cadre', value: 2 },
      { category: 'member', value: 10 },
    ]);
    const later = await getRollup(t, admin.cookie, n.districtA, code, '2023');
    expect(later.total).toMatchObject({ numerator: 18, denominator: 33 });
    // …but the first half alone still reads the Q2 snapshot.
    const h1 = await getRollup(t, admin.cookie, n.districtA, code, '2023-H1');
    expect(h1.total).toMatchObject({ numerator: 16, denominator: 33 });
  });

  it('adds up flows, keeps the latest stock, and divides rates by the periods elapsed', async () => {
    t.setToday('2024-05-15');
    const n = await buildNation(t.deps.db);
    const admin = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
    await putValues(t, admin.cookie, n.provinceA, 'youtube_subscribers', '2024-Q1', [
      { value: 1000 },
    ]);
    await putValues(t, admin.cookie, n.provinceA, 'youtube_subscribers', '2024-04', [
      { value: 1500 },
    ]);
    const stock = await getRollup(t, admin.cookie, n.provinceA, 'youtube_subscribers', '2024');
    expect(stock.total.value).toBe(1500);
    expect(
      (await getRollup(t, admin.cookie, n.provinceA, 'youtube_subscribers', '2023')).total.value,
    ).toBeNull();

    for (const [month, articles] of [
      ['2024-01', 9],
      ['2024-02', 8],
      ['2024-03', 9],
    ] as const) {
      await putValues(t, admin.cookie, n.provinceA, 'counter_articles_weekly', month, [
        { value: articles },
      ]);
    }
    const rate = await getRollup(
      t,
      admin.cookie,
      n.provinceA,
      'counter_articles_weekly',
      '2024-Q1',
    );
    // 26 articles over the 13 weeks of the first quarter: 2 a week.
    expect(rate.total).toEqual({ value: 2, numerator: 26, denominator: 13 });
    const trainings = await getRollup(t, admin.cookie, n.provinceA, 'cyber_trainings_held', '2024');
    expect(trainings.total).toEqual({ value: 0, numerator: null, denominator: null });
  });

  it('reads the tree as it stood in the period: a unit moved later still counts under its old parent', async () => {
    t.setToday('2023-12-31');
    const n = await buildNation(t.deps.db);
    const admin = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
    await putValues(t, admin.cookie, n.a2, 'youtube_subscribers', '2023', [{ value: 700 }]);
    await moveUnit(t.deps.db, SYSTEM, {
      effectiveDate: '2024-07-01',
      reason: 'Điều chỉnh địa giới',
      unitId: n.a2.id,
      newParentId: n.districtB.id,
    });
    t.setToday('2024-12-31');
    await putValues(t, admin.cookie, n.a2, 'youtube_subscribers', '2024-H2', [{ value: 900 }]);

    const y2023 = await getRollup(t, admin.cookie, n.central, 'youtube_subscribers', '2023');
    expect(y2023.treeDate).toBe('2023-12-31');
    expect(y2023.byChild).toMatchObject([
      { id: n.provinceA.id, value: 700 },
      { id: n.provinceB.id, value: null },
    ]);
    const y2024 = await getRollup(t, admin.cookie, n.central, 'youtube_subscribers', '2024');
    expect(y2024.byChild).toMatchObject([
      { id: n.provinceA.id, value: null },
      { id: n.provinceB.id, value: 900 },
    ]);
  });

  it('keeps merged provinces apart for the periods before the merger', async () => {
    t.setToday('2023-12-31');
    const n = await buildNation(t.deps.db);
    const admin = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
    const code = 'fanpages_identified_pct';
    await putValues(t, admin.cookie, n.a1, code, '2023', [{ value: 3, denominator: 4 }]);
    await putValues(t, admin.cookie, n.b1, code, '2023', [{ value: 1, denominator: 4 }]);
    const merged = await mergeUnits(t.deps.db, SYSTEM, {
      effectiveDate: '2025-07-01',
      reason: 'Hợp nhất tỉnh theo Nghị quyết 202/2025/QH15',
      sourceIds: [n.provinceA.id, n.provinceB.id],
      target: {
        code: `AB-${n.suffix}`,
        name: `Tỉnh đoàn Hợp Nhất ${n.suffix}`,
        shortName: 'TĐ HN',
        kind: 'province',
        wing: 'doan',
      },
    });
    t.setToday('2025-12-31');
    await putValues(t, admin.cookie, n.b1, code, '2025-Q4', [{ value: 4, denominator: 4 }]);

    const before = await getRollup(t, admin.cookie, n.central, code, '2023');
    expect(before.byChild.map((c: { id: string }) => c.id)).toEqual([
      n.provinceA.id,
      n.provinceB.id,
    ]);
    expect(before.byChild).toMatchObject([{ value: 75 }, { value: 25 }]);
    expect(before.total).toMatchObject({ numerator: 4, denominator: 8 });

    const after = await getRollup(t, admin.cookie, n.central, code, '2025-H2');
    expect(after.byChild).toMatchObject([
      { id: merged.createdIds[0], numerator: 4, denominator: 4 },
    ]);

    // The old province, closed now, still answers for 2023 when read as of a date it existed.
    const old = await getRollup(t, admin.cookie, n.provinceA, code, '2023', '&asOf=2024-01-01');
    expect(old.total).toMatchObject({ numerator: 3, denominator: 4 });
    await expectRejectedUnchanged(
      t,
      () =>
        call(
          t,
          'GET',
          `/planning/rollup?unitId=${n.provinceA.id}&indicatorCode=${code}&period=2023`,
          admin.cookie,
        ),
      404,
      'not_found',
    );
  });

  it('counts the share of units meeting a condition, over each candidate’s subtree', async () => {
    t.setToday('2023-12-31');
    const n = await buildNation(t.deps.db);
    const admin = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
    await putValues(t, admin.cookie, n.districtA, 'volunteer_team_established', '2023', [
      { value: 1 },
    ]);
    const half = await getRollup(
      t,
      admin.cookie,
      n.central,
      'districts_volunteer_team_pct',
      '2023',
    );
    expect(half.total).toEqual({ value: 50, numerator: 1, denominator: 2 });
    expect(half.byChild).toMatchObject([
      { id: n.provinceA.id, value: 100 },
      { id: n.provinceB.id, value: 0 },
    ]);
    // A team set up by a commune under district B counts for district B.
    await putValues(t, admin.cookie, n.b2, 'volunteer_team_established', '2023', [{ value: 1 }]);
    const all = await getRollup(t, admin.cookie, n.central, 'districts_volunteer_team_pct', '2023');
    expect(all.total).toEqual({ value: 100, numerator: 2, denominator: 2 });
  });

  it('computes people counts and new members from the people table, by category and sex', async () => {
    t.setToday('2023-12-31');
    const n = await buildNation(t.deps.db);
    const viewer = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'viewer' }]);
    await people(t.deps.db, n.a1, 'cadre', 3);
    await people(t.deps.db, n.chapter, 'member', 2, { joinDate: '2023-03-26' });
    await people(t.deps.db, n.a2, 'member', 1, { joinDate: '2022-03-26' });
    await people(t.deps.db, n.b1, 'member', 5, { joinDate: '2023-03-26' });

    const count = await getRollup(t, viewer.cookie, n.districtA, 'people_count', '2023');
    expect(count.total.value).toBe(6);
    expect(count.byCategory).toMatchObject([
      { category: 'cadre', value: 3 },
      { category: 'member', value: 3 },
    ]);
    expect(count.byChild).toMatchObject([
      { id: n.a1.id, value: 5 },
      { id: n.a2.id, value: 1 },
    ]);
    const members = await getRollup(
      t,
      viewer.cookie,
      n.provinceA,
      'people_count',
      '2023',
      '&category=member',
    );
    expect(members.total.value).toBe(3);
    const admitted = await getRollup(t, viewer.cookie, n.provinceA, 'new_members_admitted', '2023');
    expect(admitted.total.value).toBe(2);
  });
});
