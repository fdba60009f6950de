import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../kernel/db/client.ts';
import type { BuiltUnit, Nation } from '../../test/factories.ts';
import { buildNation, buildPerson, buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { findProvinceIds, mergeUnits, moveUnit, SYSTEM } from '../org/index.ts';
import { buildPlanningCatalogue } from './planning.routes.ts';
import { indicatorValues } from './planning.table.ts';
import { putValues } from './planning.test-helpers.ts';
import type { RollupResult, RollupSpec } from './rollup.engine.ts';
import { evaluateRollups } from './rollup.engine.ts';
import { provinceFacts } from './rollup.province.ts';

/**
 * The whole-country fast path (per-province aggregates kept by triggers, rollup.province.ts and
 * people counts by province) must return exactly what the per-unit rollup returns: totals,
 * children, categories, units meeting a target — for flows, stocks, ratios of sums with their
 * own or people-count denominators, before and after a merger of provinces and a move across
 * them. And the aggregates must always equal a rebuild from indicator_values.
 */

const catalogue = buildPlanningCatalogue();

const quarterFrom = (key: string) => {
  const [y, q] = key.split('-Q').map(Number) as [number, number];
  return `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`;
};
const quarterTo = (key: string) => {
  const [y, q] = key.split('-Q').map(Number) as [number, number];
  return new Date(Date.UTC(y, q * 3, 0)).toISOString().slice(0, 10);
};

function specs(windows: [string, string][]): RollupSpec[] {
  const codes = [
    'people_trained', // flow, by category and sex
    'youtube_subscribers', // stock
    'pages_connected_pct', // ratio of sums, denominators entered
    'youth_app_users_pct', // ratio over people counts
    'counter_articles_weekly', // rate per week
  ];
  return windows.flatMap(([from, to]) =>
    codes.flatMap((code) => [
      {
        key: `${code} ${from}`,
        indicator: catalogue.get(code)!,
        window: { from, to },
        category: null,
      },
      {
        key: `${code} ${from} each child`,
        indicator: catalogue.get(code)!,
        window: { from, to },
        category: code === 'people_trained' ? 'youth' : null,
        perUnit: { comparator: 'gte' as const, value: 5, candidates: 'children' as const },
      },
    ]),
  );
}

function plain(results: Map<string, RollupResult>) {
  const round = (v: unknown) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v);
  const parts = (p: object) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, round(v)]));
  return [...results.entries()].sort().map(([key, r]) => ({
    key,
    treeDate: r.treeDate,
    rootPath: r.rootPath,
    total: parts(r.total),
    byChild: [...r.byChild.entries()].sort().map(([k, v]) => [k, parts(v)]),
    byCategory: [...r.byCategory.entries()]
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])))
      .map(([k, v]) => [k, parts(v)]),
    unitsMeeting: r.unitsMeeting,
  }));
}

async function expectSameBothWays(
  db: Db,
  root: BuiltUnit,
  asOf: string,
  windows: [string, string][],
) {
  const list = specs(windows);
  const fast = await evaluateRollups(db, catalogue, root.id, asOf, list);
  const straight = await evaluateRollups(db, catalogue, root.id, asOf, list, { national: false });
  const a = plain(fast);
  expect(a).toEqual(plain(straight));
  return a;
}

/** Below the whole country: units probed one by one equal the planner's scan of the window. */
async function expectSameProbed(
  db: Db,
  root: BuiltUnit,
  asOf: string,
  windows: [string, string][],
) {
  const list = specs(windows);
  const probed = await evaluateRollups(db, catalogue, root.id, asOf, list);
  const scanned = await evaluateRollups(db, catalogue, root.id, asOf, list, { probe: false });
  const a = plain(probed);
  expect(a).toEqual(plain(scanned));
  return a;
}

/** The aggregate tables as they are, and as indicator_sums_rebuild() recomputes them. */
async function aggregatesMatchRebuild(db: Db) {
  const read = async () => {
    const result: unknown = await db.execute(sql`
      select (select coalesce(json_agg(s order by s.*::text), '[]') from indicator_sums s) as sums,
        (select coalesce(json_agg(s order by s.*::text), '[]') from indicator_stamp_units s) as stamps,
        (select coalesce(json_agg(s order by s.*::text), '[]') from indicator_province_units s) as units,
        (select coalesce(json_agg(s order by s.*::text), '[]') from indicator_period_units s) as periods,
        (select coalesce(json_agg(s order by s.*::text), '[]')
          from (select province_id, category, gender, n from people_counts where n <> 0) s)
          as people,
        (select coalesce(json_agg(s order by s.*::text), '[]') from people_unit_counts s)
          as unit_people`);
    return JSON.stringify((result as { rows: unknown[] }).rows[0]);
  };
  const kept = await read();
  await db.transaction(async (tx) => {
    await tx.execute(sql`select indicator_sums_rebuild()`);
    // The kept table holds its rows at zero (their revisions only grow): compare the others.
    await tx.execute(sql`delete from people_counts`);
    await tx.execute(sql`insert into people_counts select province_id, category,
      coalesce(gender, ''), count(*) from people group by 1, 2, 3`);
    await tx.execute(sql`delete from people_unit_counts`);
    await tx.execute(sql`insert into people_unit_counts select unit_id, province_id, category,
      coalesce(gender, ''), count(*) from people group by 1, 2, 3, 4`);
  });
  expect(kept).toEqual(await read());
}

describe('whole-country rollups from per-province aggregates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2026-11-22' });
  });
  afterAll(async () => {
    await t.close();
  });

  async function populate(n: Nation, cookie: string) {
    const province = await findProvinceIds(t.deps.db, [n.a1.id, n.a2.id, n.b1.id, n.chapter.id]);
    for (const [unit, k] of [
      [n.a1, 1],
      [n.a2, 2],
      [n.b1, 3],
      [n.chapter, 4],
    ] as const) {
      for (let i = 0; i < k + 1; i++) {
        const person = await buildPerson(t.deps.db, unit, { category: i % 2 ? 'youth' : 'member' });
        await t.deps.db.execute(
          sql`update people set gender = ${i % 3 ? 'female' : 'male'} where id = ${person.id}`,
        );
      }
      for (const [period, scale] of [
        ['2024-Q4', 1],
        ['2025-Q1', 2],
        ['2025-Q3', 3],
        ['2026-Q2', 4],
      ] as const) {
        // a2 skips a quarter: its latest stock snapshot differs from the others'.
        if (unit === n.a2 && period === '2026-Q2') continue;
        // One multi-row statement per unit and quarter (the triggers work per statement).
        const row = (code: string, value: number, extra: object = {}) => ({
          indicatorCode: code,
          unitId: unit.id,
          provinceUnitId: province.get(unit.id)!,
          periodKey: period,
          periodFrom: quarterFrom(period),
          periodTo: quarterTo(period),
          value,
          ...extra,
        });
        await t.deps.db
          .insert(indicatorValues)
          .values([
            row('people_trained', k * scale, { category: 'youth', sex: 'male' }),
            row('people_trained', k + scale, { category: 'member', sex: 'female' }),
            row('youtube_subscribers', 10 * k + scale),
            row('pages_connected_pct', k, { denominator: k + scale }),
            row('youth_app_users_pct', 1, { category: 'youth' }),
            row('counter_articles_weekly', 3 * k),
          ]);
      }
    }
    // The province enters its own value too, through the API.
    await putValues(t, cookie, n.provinceA, 'youtube_subscribers', '2026-Q2', [{ value: 7 }]);
  }

  const windows: [string, string][] = [
    ['2024-01-01', '2024-12-31'],
    ['2025-01-01', '2025-12-31'],
    ['2026-01-01', '2026-12-31'],
    ['2023-01-01', '2027-12-31'],
  ];

  it(
    'answers from the aggregates alone while no unit changed province, with the same results',
    { timeout: 120_000 },
    async () => {
      const n = await buildNation(t.deps.db, '2020-01-01');
      const admin = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
      await populate(n, admin.cookie);
      // Replacing a set (delete + insert) and removing one keep the aggregates right.
      await putValues(t, admin.cookie, n.a1, 'youtube_subscribers', '2026-Q2', [{ value: 99 }]);
      await putValues(t, admin.cookie, n.a2, 'counter_articles_weekly', '2025-Q1', []);
      await aggregatesMatchRebuild(t.deps.db);

      for (const asOf of ['2026-11-22', '2025-08-15', '2024-12-31']) {
        const results = await expectSameBothWays(t.deps.db, n.central, asOf, windows);
        expect(results.some((r) => r.byChild.length === 2)).toBe(true);
        for (const root of [n.provinceA, n.districtA]) {
          const below = await expectSameProbed(t.deps.db, root, asOf, windows);
          expect(below.some((r) => r.byChild.length > 0)).toBe(true);
        }
      }
      const fast = await provinceFacts(
        t.deps.db,
        catalogue,
        ['people_trained', 'youtube_subscribers', 'pages_connected_pct'],
        {
          window: { from: '2026-01-01', to: '2026-12-31' },
          treeDate: '2026-11-22',
          asOf: '2026-11-22',
          rootPath: n.central.path,
        },
      );
      // Only province A's stocks (a2's latest quarter is not its province's) are read per unit.
      expect(fast.rest.map((r) => [r.stamp, r.code]).sort()).toEqual([
        [n.provinceA.id, 'pages_connected_pct'],
        [n.provinceA.id, 'youtube_subscribers'],
      ]);
      expect(fast.facts.length).toBeGreaterThan(0);
    },
  );

  it(
    'after a merger of the two provinces and a move across provinces: the tree as it stood',
    { timeout: 120_000 },
    async () => {
      const n = await buildNation(t.deps.db, '2020-01-01');
      const admin = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
      // Entered before the merger is recorded: stamped with the two old provinces.
      await populate(n, admin.cookie);
      // Read once before: what the process remembers from the tree must not outlive the merger.
      const before = await expectSameBothWays(t.deps.db, n.central, '2026-11-22', windows);
      const peopleBefore = before.find((r) => r.key === 'youth_app_users_pct 2026-01-01')!;
      expect(peopleBefore.byChild).toHaveLength(2);
      await mergeUnits(t.deps.db, SYSTEM, {
        effectiveDate: '2025-07-01',
        reason: 'Hợp nhất tỉnh',
        sourceIds: [n.provinceA.id, n.provinceB.id],
        target: {
          code: `HN-${n.suffix}`,
          name: `Tỉnh đoàn Hợp Nhất ${n.suffix}`,
          shortName: 'TĐ HN',
          kind: 'province',
          wing: 'doan',
        },
      });
      const second = await buildNation(t.deps.db, '2020-01-01');
      await moveUnit(t.deps.db, SYSTEM, {
        effectiveDate: '2026-01-01',
        reason: 'Điều chỉnh địa giới',
        unitId: second.a1.id,
        newParentId: second.districtB.id,
      });
      const admin2 = await buildUser(t.deps.db, [{ unit: second.central, role: 'admin' }]);
      await populate(second, admin2.cookie);
      // Values entered after the merger are stamped with the merged province.
      for (const unit of [n.a1, n.b1]) {
        await putValues(t, admin.cookie, unit, 'people_trained', '2026-Q1', [
          { category: 'youth', sex: 'male', value: 11 },
        ]);
        await putValues(t, admin.cookie, unit, 'youtube_subscribers', '2026-Q1', [{ value: 5 }]);
      }
      await aggregatesMatchRebuild(t.deps.db);

      for (const asOf of ['2026-11-22', '2025-06-30', '2024-12-31']) {
        const results = await expectSameBothWays(t.deps.db, n.central, asOf, windows);
        const y2024 = results.find((r) => r.key === 'people_trained 2024-01-01')!;
        // 2024 is read on the tree of 2024: the two provinces apart.
        expect(y2024.byChild.map(([path]) => path)).toEqual([n.provinceA.path, n.provinceB.path]);
        await expectSameBothWays(t.deps.db, second.central, asOf, windows);
      }
      const after = await expectSameBothWays(t.deps.db, n.central, '2026-11-22', windows);
      const y2026 = after.find((r) => r.key === 'people_trained 2026-01-01')!;
      expect(y2026.byChild).toHaveLength(1);
      // One province left to meet the target (the candidates were read again after the merger).
      expect(
        after.find((r) => r.key === 'people_trained 2026-01-01 each child')!.unitsMeeting,
      ).toMatchObject({ total: 1 });
      for (const asOf of ['2026-11-22', '2025-06-30']) {
        await expectSameProbed(t.deps.db, second.provinceB, asOf, windows);
      }
      // People joining a unit moved since the tree date: the remembered people of changed units
      // are read again (the people revision moved), so they count where their unit stood.
      await expectSameBothWays(t.deps.db, second.central, '2025-06-30', windows);
      for (let i = 0; i < 3; i++) await buildPerson(t.deps.db, second.a1, { category: 'youth' });
      await aggregatesMatchRebuild(t.deps.db);
      await expectSameBothWays(t.deps.db, second.central, '2025-06-30', windows);
    },
  );
});
