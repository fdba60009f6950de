import type { Database, DatabaseKind } from '../../server/kernel/db/client.ts';
import type { Measure, MeasureOptions, Parts } from './measure.ts';
import { explainOrgQueries, measureOrgQueries } from './measure.ts';
import type { QueryVariant } from './org-queries.ts';
import { ISSUE_SHAPE } from './org-queries.ts';
import { rawQuery } from './raw.ts';
import { timed } from './stats.ts';
import type { SyntheticOrg } from './synthetic-org.ts';

/**
 * Candidate changes, tried one at a time on the loaded database and undone again, so each is
 * compared with the migrated schema and the issue's query shape alone. Only the benchmark creates
 * these indexes; a change that earns its place goes into a real migration or query.
 */
export type Experiment = {
  name: string;
  /** Statements that apply a schema change (none for a query-only change). */
  apply: string[];
  /** Statements that undo it. */
  undo: string[];
  variant: QueryVariant;
  parts: Parts;
  databases: DatabaseKind[];
  /** Fewer runs for an indicative comparison. */
  runs?: number;
  /** Why it cannot run on PGlite, if so (even with BENCH_EXPERIMENTS=all). */
  notOnPglite?: string;
  /** Fills in name and statements from the database as migrated (for a change that may have landed). */
  resolve?: (database: Database) => Promise<Pick<Experiment, 'name' | 'apply' | 'undo'>>;
};

/**
 * The as-of join index: covering, as Drizzle can declare it (no INCLUDE, so the extra columns are
 * trailing key columns; `(unit_id, valid_from) INCLUDE (valid_to, path, name)` probes the same
 * way), or narrow as in migration 0001. Migration 0003 made it covering; the experiment swaps in
 * whichever the migrated schema does not have, so it shows what the change is worth either way.
 */
const COVERING_COLUMNS = '(unit_id, valid_from, valid_to, path, name)';
const NARROW_COLUMNS = '(unit_id, valid_from)';

async function resolveJoinIndex(database: Database) {
  const [row] = await rawQuery<{ def: string }>(
    database,
    `select pg_get_indexdef('unit_versions_unit_idx'::regclass) as def`,
  );
  if (!row) throw new Error('unit_versions_unit_idx not found');
  const covering = row.def.includes('path');
  const columns = covering ? NARROW_COLUMNS : COVERING_COLUMNS;
  return {
    name: covering
      ? 'narrow as-of join index (unit_id, valid_from), as before migration 0003'
      : 'covering index for the as-of join',
    apply: [
      'drop index unit_versions_unit_idx',
      `create index unit_versions_unit_idx on unit_versions ${columns}`,
    ],
    undo: ['drop index unit_versions_unit_idx', row.def],
  };
}

export const EXPERIMENTS: Experiment[] = [
  {
    name: 'as-of join index',
    apply: [],
    undo: [],
    resolve: resolveJoinIndex,
    variant: ISSUE_SHAPE,
    parts: { a: false, b: false, search: true, stress: false, modules: true },
    databases: ['postgres'],
  },
  {
    name: 'as-of tree sorted by path text in byte order',
    apply: [],
    undo: [],
    variant: { ...ISSUE_SHAPE, order: 'bytes' },
    parts: { a: false, b: true, search: false, stress: false, modules: false },
    databases: ['postgres', 'pglite'],
  },
  {
    // Migration 0008 landed the column and the index; this is the issue's SQL using them.
    name: 'issue SQL with people.province_id = the province (migration 0008)',
    apply: [],
    undo: [],
    variant: { nameMatch: 'like', order: 'bytes', phone: 'range-by-phone', provinceColumn: true },
    parts: {
      a: false,
      b: false,
      search: true,
      stress: true,
      modules: false,
      scopes: ['province'],
    },
    databases: ['postgres', 'pglite'],
  },
];

export type ExperimentResult = {
  name: string;
  sql: string;
  variant: QueryVariant;
  buildMs: number;
  measures: Measure[];
};

export async function runExperiments(
  database: Database,
  org: SyntheticOrg,
  options: MeasureOptions,
  planFile: string,
  log: (message: string) => void,
  everywhere = false,
): Promise<ExperimentResult[]> {
  const out: ExperimentResult[] = [];
  for (const listed of EXPERIMENTS) {
    const experiment = listed.resolve ? { ...listed, ...(await listed.resolve(database)) } : listed;
    if (!everywhere && !experiment.databases.includes(database.kind)) continue;
    if (database.kind === 'pglite' && experiment.notOnPglite) {
      log(`pglite: skipping "${experiment.name}": ${experiment.notOnPglite}`);
      continue;
    }
    log(`${database.kind}: experiment "${experiment.name}"`);
    const [, buildMs] = await timed(async () => {
      for (const statement of experiment.apply) await database.exec(statement);
    });
    try {
      const { variant, parts } = experiment;
      const runs = Math.min(options.runs, experiment.runs ?? options.runs);
      const measures = await measureOrgQueries(database, org, { ...options, runs }, parts, variant);
      await explainOrgQueries(
        database,
        org,
        planFile,
        `${database.kind}: ${experiment.name}`,
        variant,
        parts,
      );
      out.push({
        name: experiment.name,
        sql: experiment.apply.join('; ') || '(no schema change)',
        variant,
        buildMs,
        measures,
      });
    } finally {
      for (const statement of experiment.undo) await database.exec(statement);
    }
  }
  return out;
}
