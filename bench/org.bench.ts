/**
 * Organisation scale benchmark: a national synthetic organisation (≥ 200,000 units over five
 * levels with the 2025-07-01 restructuring, ≥ 1,000,000 people) loaded into PostgreSQL and
 * PGlite, then the org and people queries that must stay fast at that scale.
 *
 *   npm run bench:org
 *   BENCH_UNITS=5000 BENCH_PEOPLE=20000 BENCH_DB=pglite npm run bench:org   (smoke run)
 *
 * Environment: BENCH_UNITS (200000), BENCH_PEOPLE (1000000), BENCH_DB (both | postgres | pglite),
 * BENCH_RUNS (30), BENCH_WARMUPS (3), BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres,
 * the maintenance database; the benchmark drops and creates `phuxanh_bench` beside it),
 * BENCH_EXPERIMENTS (1: also measure the candidate changes, mostly on PostgreSQL only; all: on
 * both databases; 0: skip), BENCH_STRICT (1: exit 2 when a PostgreSQL acceptance target is
 * missed). Exits 1 on any error. Figures go to the console and to bench/out/org-bench.json;
 * query plans to bench/out/plans-<database>.txt.
 *
 * Each figure is measured twice: in the query shape the issue specifies, and through the
 * functions the org and people modules ship (which is what users get).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Database, DatabaseKind } from '../server/kernel/db/client.ts';
import { openDatabase } from '../server/kernel/db/client.ts';
import { applyMigrations } from '../server/kernel/db/migrate.ts';
import { EXPERIMENTS, runExperiments } from './lib/experiments.ts';
import { intEnv } from './lib/env.ts';
import { loadOrg, verifyLoad } from './lib/load.ts';
import { explainOrgQueries, measureOrgQueries } from './lib/measure.ts';
import { rawQuery } from './lib/raw.ts';
import type { DbResult } from './lib/report.ts';
import { machineDescription, printReport } from './lib/report.ts';
import { timed } from './lib/stats.ts';
import type { SyntheticOrg } from './lib/synthetic-org.ts';
import { buildSyntheticOrg } from './lib/synthetic-org.ts';
import { validateOrg } from './lib/validate-org.ts';

const OUT = path.join(import.meta.dirname, 'out');
const PGLITE_DIR = path.join(OUT, 'pglite');
const BENCH_DB_NAME = 'phuxanh_bench';

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
    experiments: process.env.BENCH_EXPERIMENTS !== '0',
    experimentsEverywhere: process.env.BENCH_EXPERIMENTS === 'all',
    strict: process.env.BENCH_STRICT === '1',
  };
}
type Config = ReturnType<typeof readConfig>;

function log(message: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** A fresh, migrated database of the given kind. */
async function freshDatabase(kind: DatabaseKind, config: Config): Promise<Database> {
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

async function benchDatabase(kind: DatabaseKind, org: SyntheticOrg, config: Config) {
  log(`${kind}: creating a fresh database`);
  const database = await freshDatabase(kind, config);
  try {
    const [, migrateMs] = await timed(() => applyMigrations(database));
    const [version] = await rawQuery<{ v: string }>(database, `select version() as v`);
    log(`${kind}: migrated in ${migrateMs.toFixed(0)} ms; loading`);
    const load = await loadOrg(database, org, log);
    log(
      `${kind}: loaded — units ${(load.unitsInsertMs / 1000).toFixed(1)} s + indexes ` +
        `${(load.unitsIndexMs / 1000).toFixed(1)} s, people ${(load.peopleInsertMs / 1000).toFixed(1)} s` +
        ` + indexes ${(load.peopleIndexMs / 1000).toFixed(1)} s, vacuum analyze ` +
        `${(load.vacuumAnalyzeMs / 1000).toFixed(1)} s`,
    );
    const slowest = Object.entries(load.structures)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 5)
      .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`);
    log(`${kind}: slowest rebuilds: ${slowest.join(', ')}`);
    await verifyLoad(database, org);
    log(`${kind}: counts and search names verified; measuring`);
    const loadBefore = os.loadavg()[0]!;
    const measures = await measureOrgQueries(database, org, config);
    const planFile = path.join(OUT, `plans-${kind}.txt`);
    fs.writeFileSync(planFile, '');
    await explainOrgQueries(database, org, planFile, `${kind}: migrated schema`);
    const experiments = config.experiments
      ? await runExperiments(database, org, config, planFile, log, config.experimentsEverywhere)
      : [];
    log(`${kind}: done (plans in ${path.relative(process.cwd(), planFile)})`);
    return {
      kind,
      serverVersion: version!.v.split(' on ')[0]!,
      migrateMs,
      load,
      measures,
      experiments,
      loadAverage: [loadBefore, os.loadavg()[0]!],
    } satisfies DbResult;
  } finally {
    await database.close();
  }
}

async function main(): Promise<number> {
  const config = readConfig();
  fs.mkdirSync(OUT, { recursive: true });
  log(
    `organisation benchmark: ${config.units} units, ${config.people} people, ` +
      `${config.databases.join(' + ')}, ${config.runs} runs after ${config.warmups} warm-ups` +
      (config.experiments ? `, ${EXPERIMENTS.length} experiments` : ''),
  );
  const t0 = performance.now();
  const org = buildSyntheticOrg({ units: config.units, people: config.people });
  validateOrg(org);
  const generateMs = performance.now() - t0;
  log(
    `generated in ${(generateMs / 1000).toFixed(1)} s: ${org.units.length} units ` +
      `(${Object.entries(org.counts)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}), ${org.versions.length} versions, ${org.events.length} events, ` +
      `${org.peopleTotal} people`,
  );
  const results: DbResult[] = [];
  for (const kind of config.databases) results.push(await benchDatabase(kind, org, config));

  const machine = machineDescription();
  const missed = printReport({ config, org, generateMs, results, machine });
  fs.writeFileSync(
    path.join(OUT, 'org-bench.json'),
    JSON.stringify(
      { at: new Date().toISOString(), machine, config, counts: org.counts, generateMs, results },
      null,
      1,
    ),
  );
  return missed > 0 && config.strict ? 2 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('bench:org failed:', error);
    process.exitCode = 1;
  },
);
