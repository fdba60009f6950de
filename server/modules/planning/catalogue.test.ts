import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { REPORTED_INDICATORS } from './catalogue.ts';
import { buildCatalogue, ensureIndicatorCatalogue } from './catalogue.service.ts';
import type { ComputedIndicator, IndicatorDefinition } from './indicator.types.ts';
import { PEOPLE_INDICATORS } from './people.indicators.ts';
import { selectRows } from './planning.sql.ts';
import { indicators } from './planning.table.ts';
import { buildNation, call, ok } from './planning.test-helpers.ts';
import { evaluateRollups } from './rollup.engine.ts';

describe('indicator catalogue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2023-12-31' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('holds what the seed plans need, under stable codes', async () => {
    const admin = await buildUser(t.deps.db, [
      { unit: (await buildNation(t.deps.db)).central, role: 'viewer' },
    ]);
    const { items } = ok(await call(t, 'GET', '/planning/indicators', admin.cookie));
    const codes = items.map((i: { code: string }) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        // seed 001 §II, the ten 2025/2030 targets
        'conduct_code_informed_pct',
        'resolutions_studied_online_pct',
        'new_members_theory_online_pct',
        'youth_app_users_pct',
        'youth_workers_cyber_trained_pct',
        'digital_skills_trained_pct',
        'pages_connected_pct',
        'counter_articles_weekly',
        'districts_volunteer_team_pct',
        'online_trends',
        // seed 000 §II, provincial and district levels
        'fanpages_identified_pct',
        'youtube_subscribers',
        'cyber_trainings_held',
        'marxism_activities',
        'red_addresses_digitised',
        'culture_publications',
        'fulltime_cadres_propagating_pct',
        'core_team_maintained',
        'districts_culture_products_pct',
        'industry40_activities',
        'districts_youth_radio_pct',
        // seed 004
        'civil_conduct_articles_weekly',
        'activities_held',
        // computed
        'people_count',
        'new_members_admitted',
      ]),
    );
    expect(items.find((i: { code: string }) => i.code === 'counter_articles_weekly')).toMatchObject(
      {
        measure: 'count_per_period',
        periodType: 'week',
        unitLabel: 'bài/tuần',
        feed: [{ kinds: ['publication'], count: 'activities', when: 'tagged' }],
      },
    );
    expect(
      items.find((i: { code: string }) => i.code === 'districts_volunteer_team_pct'),
    ).toMatchObject({
      aggregation: 'share_of_units',
      condition: {
        indicator: 'volunteer_team_established',
        comparator: 'gte',
        value: 1,
        unitKinds: ['district'],
      },
    });
  });

  it('is upserted idempotently into the indicators table', async () => {
    const count = async () =>
      (
        await selectRows<{ n: number }>(
          t.deps.db,
          sql`select count(*)::int as n from ${indicators}`,
        )
      )[0]!.n;
    const before = await count();
    // The app also upserts the computed indicators other modules register (contests…).
    const codes = await selectRows<{ code: string }>(
      t.deps.db,
      sql`select code from ${indicators}`,
    );
    expect(codes.map((r) => r.code)).toEqual(
      expect.arrayContaining([
        ...REPORTED_INDICATORS.map((d) => d.code),
        ...PEOPLE_INDICATORS.map((c) => c.definition.code),
      ]),
    );
    await t.deps.db.execute(
      sql`update ${indicators} set name = 'sửa tay' where code = 'online_trends'`,
    );
    await ensureIndicatorCatalogue(t.deps.db);
    await ensureIndicatorCatalogue(t.deps.db);
    expect(await count()).toBe(before);
    const [row] = await selectRows<{ name: string }>(
      t.deps.db,
      sql`select name from ${indicators} where code = 'online_trends'`,
    );
    expect(row!.name).toMatch(/^Số trào lưu/);
  });

  it('refuses broken definitions when the app is built', () => {
    const count: IndicatorDefinition = {
      code: 'x_count',
      name: 'X',
      unitLabel: 'lần',
      measure: 'count',
      periodType: 'year',
      aggregation: 'sum',
      accumulation: 'flow',
      source: 'computed',
      byCategory: false,
      bySex: false,
    };
    const computed = (definition: IndicatorDefinition): ComputedIndicator => ({
      definition: { ...definition, source: 'computed' },
      compute: () => Promise.resolve([]),
    });
    expect(() =>
      buildCatalogue([...PEOPLE_INDICATORS, computed({ ...count, code: 'people_count' })]),
    ).toThrow(/twice/);
    expect(() => buildCatalogue([computed({ ...count, code: 'Bad-Code' })])).toThrow(/snake_case/);
    expect(() => buildCatalogue([computed({ ...count, measure: 'percent' })])).toThrow(
      /percentages/,
    );
    expect(() =>
      buildCatalogue([
        computed({ ...count, feed: [{ kinds: 'any', count: 'activities', when: 'always' }] }),
      ]),
    ).toThrow(/feed/);
  });

  it('takes computed indicators from other modules without touching planning', async () => {
    const n = await buildNation(t.deps.db);
    // What a contests module would register: participants per unit, here a fixed 7 per unit.
    const contestParticipants: ComputedIndicator = {
      definition: {
        code: 'contest_participants',
        name: 'Số lượt tham gia cuộc thi trực tuyến',
        unitLabel: 'lượt',
        measure: 'count',
        periodType: 'year',
        aggregation: 'sum',
        accumulation: 'flow',
        source: 'computed',
        byCategory: true,
        bySex: false,
      },
      async compute(db, context) {
        const rows = await selectRows<{ unit_path: string; n: number }>(
          db,
          sql`select unit_path, count(*)::float8 * 7 as n from (${context.subtree}) s group by unit_path`,
        );
        return rows.map((r) => ({
          unitPath: r.unit_path,
          category: 'member',
          sex: null,
          value: Number(r.n),
          denominator: null,
        }));
      },
    };
    const catalogue = buildCatalogue([...PEOPLE_INDICATORS, contestParticipants]);
    const results = await evaluateRollups(t.deps.db, catalogue, n.provinceA.id, '2023-12-31', [
      {
        key: 'c',
        indicator: catalogue.get('contest_participants')!,
        window: { from: '2023-01-01', to: '2023-12-31' },
        category: null,
      },
    ]);
    const result = results.get('c')!;
    // Province A: itself, district A, a1, a2 and the chapter — five units.
    expect(result.total.value).toBe(35);
    expect(
      result.byChild.get(`${n.provinceA.path}.${n.districtA.path.split('.').at(-1)}`)?.value,
    ).toBe(28);
  });
});
