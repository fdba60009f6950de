/**
 * Reporting scale benchmark (issue 3): the national synthetic organisation of bench:org (≥ 200,000
 * units, the 2025-07-01 restructuring, people) with 20 reported indicators × 8 quarters
 * (2025 Q1 – 2026 Q4) of values entered by every grassroots unit, a central plan with a 2025 and
 * a 2026 target per indicator for each province, and its annual report type. Measures, through
 * the modules' own functions:
 *   - the central dashboard (planning `dashboard`: all provinces, all 40 targets), p50 / p95;
 *   - pre-filling a province's consolidated annual report (reporting `prefillReport`);
 *   - the DOCX export of a province's draft report (reporting `exportReport`: live table + render)
 *     and `renderReportDocx` alone;
 *   - that a value entered is in the very next dashboard request (no batch job).
 *
 *   npm run bench:reporting
 *   BENCH_UNITS=5000 BENCH_PEOPLE=20000 BENCH_DB=pglite npm run bench:reporting   (smoke run)
 *
 * Environment: BENCH_UNITS (200000), BENCH_PEOPLE (1000000), BENCH_DB (both | postgres | pglite),
 * BENCH_RUNS (30), BENCH_WARMUPS (3), BENCH_PG_URL (maintenance database; the benchmark drops and
 * creates `phuxanh_bench_reporting`), BENCH_STRICT (1: exit 2 when a PostgreSQL target is
 * missed). Exits 1 on any error. Figures go to the console and bench/out/reporting-bench.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../server/kernel/config.ts';
import type { Database, DatabaseKind } from '../server/kernel/db/client.ts';
import { openDatabase } from '../server/kernel/db/client.ts';
import { applyMigrations } from '../server/kernel/db/migrate.ts';
import type { AppDeps } from '../server/kernel/deps.ts';
import { todayInVietnam } from '../server/kernel/clock.ts';
import { createAccount, loadActor } from '../server/modules/identity/index.ts';
import { findUnitAsOf } from '../server/modules/org/index.ts';
import type { PlanningContext } from '../server/modules/planning/index.ts';
import {
  buildPlanningCatalogue,
  changePlanStatus,
  createPlan,
  CreatePlanBody,
  createTarget,
  CreateTargetBody,
  ensureIndicatorCatalogue,
  putValues,
  PutValuesBody,
} from '../server/modules/planning/index.ts';
import { dashboard } from '../server/modules/planning/dashboard.service.ts';
import {
  createReportType,
  CreateReportTypeBody,
  prefillReport,
  renderReportDocx,
} from '../server/modules/reporting/index.ts';
import {
  createReport,
  loadReport,
  readDetail,
} from '../server/modules/reporting/report.service.ts';
import { exportReport } from '../server/modules/reporting/documents/export.service.ts';
import { loadOrg } from './lib/load.ts';
import { intEnv } from './lib/env.ts';
import { rawQuery } from './lib/raw.ts';
import { formatMs, sample, summarize, timed } from './lib/stats.ts';
import type { SyntheticOrg } from './lib/synthetic-org.ts';
import { buildSyntheticOrg } from './lib/synthetic-org.ts';

const OUT = path.join(import.meta.dirname, 'out');
const PGLITE_DIR = path.join(OUT, 'pglite-reporting');
const BENCH_DB_NAME = 'phuxanh_bench_reporting';

/** The 20 reported indicators: 17 entered only by units, 3 ratios over today's people counts. */
export const BENCH_INDICATORS = [
  'counter_articles_weekly',
  'volunteer_team_established',
  'online_trends',
  'youtube_subscribers',
  'cyber_trainings_held',
  'people_trained',
  'marxism_activities',
  'red_addresses_digitised',
  'culture_publications',
  'core_team_maintained',
  'industry40_activities',
  'youth_radio_monthly',
  'civil_conduct_articles_weekly',
  'activities_held',
  'pages_connected_pct',
  'fanpages_identified_pct',
  'fulltime_cadres_propagating_pct',
  'conduct_code_informed_pct',
  'youth_app_users_pct',
  'resolutions_studied_online_pct',
] as const;
/** Entered broken down by category × sex (6 rows a quarter instead of 1). */
const BROKEN_DOWN = ['people_trained', 'cyber_trainings_held'];
const QUARTERS = ['2025', '2026'].flatMap((y) =>
  [1, 2, 3, 4].map((q) => ({
    key: `${y}-Q${q}`,
    from: `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`,
    to: new Date(Date.UTC(Number(y), q * 3, 0)).toISOString().slice(0, 10),
  })),
);

function readConfig() {
  const which = process.env.BENCH_DB ?? 'both';
  if (!['both', 'postgres', 'pglite'].includes(which)) {
    throw new Error('BENCH_DB must be both, postgres or pglite');
  }
  return {
    units: intEnv('BENCH_UNITS', 200_000),
    people: intEnv('BENCH_PEOPLE', 1_000_000),
    databases: (which === 'both' ? ['postgres', 'pglite'] : [which]) as DatabaseKind[],
    runs: Math.max(1, intEnv('BENCH_RUNS', 30)),
    warmups: intEnv('BENCH_WARMUPS', 3),
    pgUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    strict: process.env.BENCH_STRICT === '1',
    /** Measure again on the database a previous run loaded (same BENCH_UNITS), skipping the load. */
    reuse: process.env.BENCH_REUSE === '1',
  };
}
type Config = ReturnType<typeof readConfig>;

function log(message: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function freshDatabase(kind: DatabaseKind, config: Config): Promise<Database> {
  if (config.reuse) {
    if (kind === 'pglite') return openDatabase({ dataDir: PGLITE_DIR });
    const url = new URL(config.pgUrl);
    url.pathname = `/${BENCH_DB_NAME}`;
    return openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  }
  if (kind === 'pglite') {
    fs.rmSync(PGLITE_DIR, { recursive: true, force: true });
    fs.mkdirSync(PGLITE_DIR, { recursive: true });
    return openDatabase({ dataDir: PGLITE_DIR });
  }
  const admin = new pg.Client({ connectionString: config.pgUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${BENCH_DB_NAME} with (force)`);
    await admin.query(`create database ${BENCH_DB_NAME}`);
  } finally {
    await admin.end();
  }
  const url = new URL(config.pgUrl);
  url.pathname = `/${BENCH_DB_NAME}`;
  return openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
}

/**
 * Every grassroots unit open today enters every indicator for every quarter, in one INSERT …
 * SELECT (values are a hash of unit, indicator and quarter, so both databases get the same).
 * province_unit_id is the unit's level-2 ancestor today, as value.service stamps it.
 */
async function insertValues(database: Database): Promise<number> {
  const quarters = JSON.stringify(QUARTERS);
  const codes = `{${BENCH_INDICATORS.join(',')}}`;
  const broken = `{${BROKEN_DOWN.join(',')}}`;
  const [row] = await rawQuery<{ n: number }>(
    database,
    `with reporters as (
       select v.unit_id, pu.id as province_unit_id
       from unit_versions v
       join units pu on pu.seq = substr(subpath(v.path, 1, 1)::text, 2)::bigint
       where v.kind = 'grassroots' and v.valid_to is null and nlevel(v.path) >= 3),
     q as (select * from json_to_recordset($1::json) as q(key text, "from" date, "to" date)),
     split as (
       select c.code, b.category, b.sex from unnest($2::text[]) as c(code)
       left join lateral (
         select category, sex from unnest(array['cadre','member','youth']) category,
                                   unnest(array['male','female']) sex
         where c.code = any($3::text[])
         union all select null, null where not (c.code = any($3::text[]))
       ) b on true),
     ins as (
       insert into indicator_values (indicator_code, unit_id, province_unit_id, period_key,
                                     period_from, period_to, category, sex, value, denominator)
       select s.code, r.unit_id, r.province_unit_id, q.key, q."from", q."to", s.category, s.sex,
         (hashint8(hashtext(r.unit_id::text || s.code || q.key || coalesce(s.category, '')
            || coalesce(s.sex, ''))) & 63)::float8,
         case when s.code in ('pages_connected_pct', 'fanpages_identified_pct',
                              'fulltime_cadres_propagating_pct') then 64 end
       from reporters r cross join q cross join split s
       returning 1)
     select count(*)::int as n from ins`,
    [quarters, codes, broken],
  );
  return row!.n;
}

async function setUpProgramme(deps: AppDeps, org: SyntheticOrg, reuse: boolean) {
  const catalogue = buildPlanningCatalogue();
  await ensureIndicatorCatalogue(deps.db, catalogue);
  const ctx: PlanningContext = { deps, catalogue };
  if (reuse) {
    const [user] = await rawQuery<{ id: string }>(
      deps.database,
      `select id from users where username = 'bench_central'`,
    );
    const [type] = await rawQuery<{ id: string; plan_id: string }>(
      deps.database,
      `select id, plan_id from report_types limit 1`,
    );
    if (!user || !type)
      throw new Error('BENCH_REUSE=1: no programme in the database; run without it');
    return {
      ctx,
      actor: (await loadActor(deps, user.id))!,
      planId: type.plan_id,
      reportTypeId: type.id,
    };
  }
  const userId = await createAccount(
    deps.db,
    {
      username: 'bench_central',
      displayName: 'Bench Trung ương',
      password: 'Bench@2026-reporting',
      grants: [{ unitId: org.central.id, role: 'admin' }],
    },
    null,
  );
  const actor = (await loadActor(deps, userId))!;
  const plan = await createPlan(
    ctx,
    actor,
    CreatePlanBody.parse({
      unitId: org.central.id,
      number: '68-KH/TWĐTN-BTG',
      title: 'Kế hoạch thực hiện Chương trình giai đoạn 2025 - 2026 (benchmark)',
      issueDate: '2025-01-15',
      periodStart: 2025,
      periodEnd: 2026,
      body: { purpose: [], content: [], organisation: [] },
    }),
  );
  for (const code of BENCH_INDICATORS) {
    const indicator = catalogue.get(code)!;
    for (const year of ['2025', '2026']) {
      const value = indicator.measure === 'percent' ? 60 : 10;
      await createTarget(
        ctx,
        actor,
        plan.plan.id,
        CreateTargetBody.parse({
          indicatorCode: code,
          comparator: 'gte',
          value,
          period: year,
          appliesTo: 'each_child',
          label: `${indicator.name} (${year})`,
        }),
      );
    }
  }
  await changePlanStatus(ctx, actor, plan.plan.id, 'issued');
  const type = await createReportType(
    ctx,
    actor,
    plan.plan.id,
    CreateReportTypeBody.parse({
      kind: 'annual',
      dueMonth: 11,
      dueDay: 30,
      reporterKinds: ['province', 'affiliated'],
    }),
  );
  return { ctx, actor, planId: plan.plan.id, reportTypeId: type.id };
}

type Figure = { key: string; label: string; target?: number; samples: number[] };

async function benchDatabase(kind: DatabaseKind, org: SyntheticOrg, config: Config) {
  log(`${kind}: creating a fresh database`);
  const database = await freshDatabase(kind, config);
  try {
    await applyMigrations(database);
    let values = 0;
    let valuesMs = 0;
    let load: Awaited<ReturnType<typeof loadOrg>> | null = null;
    if (config.reuse) {
      const [row] = await rawQuery<{ n: number }>(
        database,
        `select count(*)::int as n from indicator_values`,
      );
      values = row!.n;
      // Tables a newer migration created and filled on the reused database (0013): statistics
      // and the visibility map, as the fresh load below gets them.
      await database.exec('vacuum (analyze) people_unit_counts');
      log(`${kind}: reusing the loaded database (${values} values)`);
    } else {
      load = await loadOrg(database, org, log);
      log(`${kind}: organisation loaded; entering values`);
      await ensureIndicatorCatalogue(database.db, buildPlanningCatalogue());
      // Bulk load as any loader would: the aggregate triggers off, then one rebuild (migration 0009).
      await database.exec('alter table indicator_values disable trigger user');
      [values, valuesMs] = await timed(() => insertValues(database));
      await database.exec('alter table indicator_values enable trigger user');
      const [, rebuildMs] = await timed(() => database.exec('select indicator_sums_rebuild()'));
      log(`${kind}: per-province aggregates rebuilt in ${(rebuildMs / 1000).toFixed(1)} s`);
      await database.exec('vacuum (analyze) indicator_values');
      await database.exec('vacuum (analyze) people_unit_counts');
      log(`${kind}: ${values} values in ${(valuesMs / 1000).toFixed(1)} s`);
    }
    const today = todayInVietnam();
    const deps: AppDeps = {
      config: loadConfig({}),
      database,
      db: database.db,
      today: () => today,
    };
    const { ctx, actor, reportTypeId } = await setUpProgramme(deps, org, config.reuse);
    const figures: Figure[] = [];
    const loadBefore = os.loadavg()[0]!;

    let targetsShown = 0;
    figures.push({
      key: 'dashboard',
      label: 'central dashboard (all provinces, all targets)',
      target: 300,
      samples: await sample(config.runs, config.warmups, async () => {
        const d = await dashboard(ctx, actor, { unitId: org.central.id });
        targetsShown = d.targets.length;
      }),
    });
    log(`${kind}: dashboard measured (${targetsShown} targets)`);

    const provinces = org.provinces.filter((p) => p.path.split('.').length === 2);
    const runs = Math.max(config.runs, provinces.length);
    figures.push({
      key: 'prefill',
      label: 'pre-fill a province’s consolidated annual report 2026',
      target: 500,
      samples: await sample(runs, config.warmups, async (i) => {
        const p = provinces[i % provinces.length]!;
        await prefillReport(deps.db, ctx.catalogue, {
          reportTypeId,
          unitId: p.id,
          periodKey: '2026',
          today,
        });
      }),
    });
    log(`${kind}: prefill measured`);

    const province = provinces[0]!;
    const [existing] = await rawQuery<{ id: string }>(
      database,
      `select id from reports where unit_id = $1 and period_key = '2026'`,
      [province.id],
    );
    const created = existing
      ? await loadReport(deps.db, actor, existing.id, today)
      : await createReport(ctx, actor, { reportTypeId, unitId: province.id, period: '2026' });
    const detail = await readDetail(ctx, actor, created);
    let bytes = 0;
    figures.push({
      key: 'docx',
      label: 'DOCX export of a province’s draft report (live table + render)',
      target: 1000,
      samples: await sample(config.runs, config.warmups, async () => {
        bytes = (await exportReport(ctx, actor, created.report.id, 'docx')).body.length;
      }),
    });
    figures.push({
      key: 'render',
      label: 'renderReportDocx alone',
      samples: await sample(config.runs, config.warmups, async () => {
        await renderReportDocx(detail);
      }),
    });
    log(`${kind}: DOCX measured (${bytes} bytes)`);

    // Live: a value entered is in the next dashboard request.
    const grassroots = await rawQuery<{ unit_id: string }>(
      database,
      `select unit_id from unit_versions where kind = 'grassroots' and valid_to is null
        and path <@ $1::ltree limit 1`,
      [province.path],
    );
    const unit = await findUnitAsOf(deps.db, grassroots[0]!.unit_id, today);
    const before = await dashboard(ctx, actor, { unitId: org.central.id });
    const pick = (d: typeof before) =>
      d.targets.find(
        (t) => t.target.indicatorCode === 'online_trends' && t.target.period.key === '2026',
      )!;
    const oldTotal = pick(before).actual.value ?? 0;
    await putValues(
      ctx,
      actor,
      PutValuesBody.parse({
        unitId: unit!.id,
        indicatorCode: 'online_trends',
        period: '2026-Q4',
        // A value no earlier run wrote (BENCH_REUSE measures the same database again).
        entries: [{ value: 1000 + (Date.now() % 1000) }],
      }),
    );
    const after = await dashboard(ctx, actor, { unitId: org.central.id });
    const liveDelta = (pick(after).actual.value ?? 0) - oldTotal;
    log(`${kind}: a value entered moved the next dashboard's total by ${liveDelta}`);

    return {
      kind,
      values,
      valuesMs,
      load,
      figures,
      liveDelta,
      loadAverage: [loadBefore, os.loadavg()[0]!],
    };
  } finally {
    await database.close();
  }
}

async function main(): Promise<number> {
  const config = readConfig();
  fs.mkdirSync(OUT, { recursive: true });
  log(
    `reporting benchmark: ${config.units} units, ${config.people} people, ` +
      `${BENCH_INDICATORS.length} indicators × ${QUARTERS.length} quarters, ${config.databases.join(' + ')}`,
  );
  const org = buildSyntheticOrg({ units: config.units, people: config.people });
  const results = [];
  for (const kind of config.databases) results.push(await benchDatabase(kind, org, config));
  let missed = 0;
  console.log(
    '\nfigure (ms)                                                      target   ' +
      results.map((r) => `${r.kind.padEnd(10)} p50 / p95`).join('   '),
  );
  const keys = results[0]!.figures.map((f) => f.key);
  for (const key of keys) {
    const first = results[0]!.figures.find((f) => f.key === key)!;
    const cells = results.map((r) => {
      const s = summarize(r.figures.find((f) => f.key === key)!.samples);
      if (r.kind === 'postgres' && first.target !== undefined && s.p95 >= first.target) missed++;
      return `${formatMs(s.p50).padStart(9)} / ${formatMs(s.p95).padEnd(9)}`;
    });
    console.log(
      `${first.label.padEnd(64)} ${first.target ? `< ${first.target}`.padEnd(8) : ''.padEnd(8)} ${cells.join('   ')}`,
    );
  }
  for (const r of results) {
    console.log(
      `${r.kind}: ${r.values} values entered in ${(r.valuesMs / 1000).toFixed(1)} s; ` +
        `load average ${r.loadAverage.map((l) => l.toFixed(2)).join(' → ')}; ` +
        `a value entered changed the next dashboard by ${r.liveDelta}`,
    );
  }
  fs.writeFileSync(
    path.join(OUT, 'reporting-bench.json'),
    JSON.stringify({ at: new Date().toISOString(), config, results }, null, 1),
  );
  return missed > 0 && config.strict ? 2 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('bench:reporting failed:', error);
    process.exitCode = 1;
  },
);
