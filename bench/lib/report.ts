import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseKind } from '../../server/kernel/db/client.ts';
import type { ExperimentResult } from './experiments.ts';
import type { LoadTimings } from './load.ts';
import type { Measure } from './measure.ts';
import { formatMs, formatTable, summarize } from './stats.ts';
import type { SyntheticOrg } from './synthetic-org.ts';

export type DbResult = {
  kind: DatabaseKind;
  serverVersion: string;
  migrateMs: number;
  load: LoadTimings;
  measures: Measure[];
  experiments: ExperimentResult[];
  /** 1-minute load average when measuring started and ended (2 cores: above 2 is contention). */
  loadAverage: [number, number];
};

export function machineDescription(): string {
  const cpus = os.cpus();
  const pglite = JSON.parse(
    fs.readFileSync(
      path.join(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json'),
      'utf8',
    ),
  ) as { version: string };
  return (
    `${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ` +
    `${os.type()} ${os.release()}, Node ${process.versions.node}, PGlite ${pglite.version}`
  );
}

/** The issue's people-search figure: every sample of the issue's mix, both scopes together. */
function searchMix(measures: Measure[], prefix: string, label: string): Measure[] {
  const core = measures.filter((m) => m.key.startsWith(prefix) && m.core);
  if (core.length === 0) return [];
  return [
    {
      key: `${prefix}mix`,
      label,
      target: 100,
      targetOn: 'p95',
      samples: core.flatMap((m) => m.samples),
      rows: [Math.min(...core.map((m) => m.rows[0])), Math.max(...core.map((m) => m.rows[1]))],
      core: true,
    },
  ];
}

/** The measures in order, each search group followed by its mix. */
export function withMix(measures: Measure[]): Measure[] {
  const issue = measures.filter((m) => !m.key.startsWith('m:'));
  const modules = measures.filter((m) => m.key.startsWith('m:'));
  return [
    ...issue,
    ...searchMix(issue, 'c:', '(c) people search, issue mix, every scope measured'),
    ...modules,
    ...searchMix(modules, 'm:c:', '(c) people module, issue mix, every scope measured'),
  ];
}

const ACCEPTANCE = ['a', 'b', 'c:mix', 'm:a', 'm:b', 'm:c:mix'];

export function isMissed(m: Measure): boolean {
  if (m.target === undefined) return false;
  return summarize(m.samples)[m.targetOn ?? 'p50'] >= m.target;
}

function pair(m: Measure | undefined): string[] {
  if (!m) return ['–', '–'];
  const s = summarize(m.samples);
  return [formatMs(s.p50), formatMs(s.p95)];
}

function rowsOf(m: Measure): string {
  return m.rows[0] === m.rows[1] ? String(m.rows[0]) : `${m.rows[0]}–${m.rows[1]}`;
}

/** Column groups: each a title and the measures it shows (matched by key). */
function measureTable(columns: [string, Measure[]][], withVerdict: Measure[] | null): string {
  const keys: string[] = [];
  const byKey = new Map<string, Measure>();
  for (const [, list] of columns) {
    for (const m of list) {
      if (!byKey.has(m.key)) keys.push(m.key);
      byKey.set(m.key, m);
    }
  }
  const header = [
    'query',
    'target',
    ...columns.flatMap(([t]) => [`${t} p50`, `${t} p95`]),
    'rows',
    'runs',
  ];
  if (withVerdict) header.push('verdict');
  const rows = keys.map((key) => {
    const m = byKey.get(key)!;
    const row = [m.label, m.target === undefined ? '' : `${m.targetOn} < ${m.target} ms`];
    for (const [, list] of columns) row.push(...pair(list.find((x) => x.key === key)));
    row.push(rowsOf(m));
    row.push(
      columns.map(([, list]) => list.find((x) => x.key === key)?.samples.length ?? '–').join('/'),
    );
    if (withVerdict) {
      const v = withVerdict.find((x) => x.key === key);
      row.push(v && v.target !== undefined ? (isMissed(v) ? 'MISSED' : 'ok') : '');
    }
    return row;
  });
  return formatTable(header, rows);
}

const LABEL: Record<DatabaseKind, string> = { postgres: 'PostgreSQL', pglite: 'PGlite' };
const SHORT: Record<DatabaseKind, string> = { postgres: 'PG', pglite: 'PGlite' };

/** Prints the final tables; returns the number of PostgreSQL acceptance targets missed. */
export function printReport(input: {
  config: { runs: number; warmups: number };
  org: SyntheticOrg;
  generateMs: number;
  results: DbResult[];
  machine: string;
}): number {
  const { org, results } = input;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log('\n=== Organisation benchmark ===');
  console.log(`machine: ${input.machine}`);
  for (const r of results) {
    console.log(
      `${LABEL[r.kind]}: ${r.serverVersion}; load average while measuring ` +
        `${r.loadAverage[0].toFixed(1)} → ${r.loadAverage[1].toFixed(1)}`,
    );
  }
  console.log(
    `data: ${org.units.length} units (${Object.entries(org.counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}), ${org.versions.length} unit versions, ${org.events.length} restructure ` +
      `events, ${org.peopleTotal} people`,
  );
  console.log(
    `runs: ${input.config.runs} after ${input.config.warmups} warm-ups (provinces rotate, at ` +
      `least one run each; extra terms 10 runs)\n`,
  );

  const loadRows: [string, (r: DbResult) => number][] = [
    ['migrate', (r) => r.migrateMs],
    [
      `units: insert ${org.units.length} units, ${org.versions.length} versions`,
      (r) => r.load.unitsInsertMs,
    ],
    ['units: indexes + foreign keys', (r) => r.load.unitsIndexMs],
    [`people: insert ${org.peopleTotal}`, (r) => r.load.peopleInsertMs],
    ['people: indexes + foreign key', (r) => r.load.peopleIndexMs],
    ['vacuum analyze', (r) => r.load.vacuumAnalyzeMs],
    [
      'load total',
      (r) =>
        r.load.unitsInsertMs +
        r.load.unitsIndexMs +
        r.load.peopleInsertMs +
        r.load.peopleIndexMs +
        r.load.vacuumAnalyzeMs,
    ],
  ];
  console.log(`generating the organisation in JS (shared by both): ${s(input.generateMs)}`);
  console.log(
    formatTable(
      ['load', ...results.map((r) => LABEL[r.kind])],
      loadRows.map(([label, f]) => [label, ...results.map((r) => s(f(r)))]),
    ),
  );

  const pgResult = results.find((r) => r.kind === 'postgres');
  console.log('\nMigrated schema, query shape as specified in the issue:');
  console.log(
    measureTable(
      results.map((r) => [LABEL[r.kind], withMix(r.measures)]),
      pgResult ? withMix(pgResult.measures) : null,
    ),
  );

  const names = [...new Set(results.flatMap((r) => r.experiments.map((e) => e.name)))];
  for (const name of names) {
    const ran = results.filter((r) => r.experiments.some((e) => e.name === name));
    const first = ran[0]!.experiments.find((e) => e.name === name)!;
    console.log(`\nExperiment: ${name}`);
    console.log(`  schema: ${first.sql.replace(/\s+/g, ' ')}`);
    console.log(`  query: ${JSON.stringify(first.variant)}`);
    console.log(
      `  applied in ${ran.map((r) => `${LABEL[r.kind]} ${s(r.experiments.find((e) => e.name === name)!.buildMs)}`).join(', ')}`,
    );
    const columns: [string, Measure[]][] = [];
    for (const r of ran) {
      const e = r.experiments.find((x) => x.name === name)!;
      const keys = new Set(e.measures.map((m) => m.key));
      columns.push([`${SHORT[r.kind]} before`, withMix(r.measures.filter((m) => keys.has(m.key)))]);
      columns.push([`${SHORT[r.kind]} after`, withMix(e.measures)]);
    }
    const pgAfter = pgResult?.experiments.find((e) => e.name === name);
    console.log(measureTable(columns, pgAfter ? withMix(pgAfter.measures) : null));
  }

  if (!pgResult) return 0;
  const acceptance = (list: Measure[]) =>
    withMix(list)
      .filter((m) => ACCEPTANCE.includes(m.key))
      .map((m) => {
        const v = summarize(m.samples)[m.targetOn ?? 'p50'];
        const name = m.key.replace(':mix', ' mix').replace(/^m:(.*)$/, 'module $1');
        return `${name} ${m.targetOn} ${formatMs(v)} ${isMissed(m) ? 'MISSED' : 'ok'}`;
      })
      .join(', ');
  console.log(`\nPostgreSQL acceptance, migrated schema: ${acceptance(pgResult.measures)}`);
  const recommended = pgResult.experiments.find((e) => e.name.includes('recommended'));
  if (recommended) {
    console.log(`PostgreSQL acceptance, ${recommended.name}: ${acceptance(recommended.measures)}`);
  }
  return withMix(pgResult.measures).filter((m) => ACCEPTANCE.includes(m.key) && isMissed(m)).length;
}
