import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';
import { unitVersions } from '../org/index.ts';
import type { Catalogue } from './catalogue.service.ts';
import { selectRows } from './planning.sql.ts';
import { cached, readRevisions } from './rollup.cache.ts';
import { indicatorValues } from './planning.table.ts';
import { provinceFacts, restFilter } from './rollup.province.ts';

/**
 * Facts for rollups, read in grouped queries over the tree as it stood on a date. A fact is the
 * sum of a bucket's values for one indicator, category and sex: a bucket is a child of the unit
 * rolled up (or the unit itself for its own values), or a candidate unit for share-of-units.
 * The tree is `unit_versions` holding on the tree date under the root's path on that date, so
 * units merged or moved after the period still count where they stood then.
 */

export type Window = { from: IsoDate; to: IsoDate };

export type Fact = {
  code: string;
  unitPath: string;
  category: string | null;
  sex: string | null;
  value: number;
  denominator: number | null;
};

/** Which units are counted, and by what: the children of the root, or units of some kinds. */
export type CandidateSet = 'children' | string[];

/** "The version `alias` holds on `date`": valid_from <= date < valid_to (open-ended when null). */
function holds(alias: string, date: IsoDate): SQL {
  const a = sql.raw(alias);
  return sql`${a}.valid_from <= ${date}::date and (${a}.valid_to is null or ${a}.valid_to > ${date}::date)`;
}

/** (unit_id, unit_path): every unit under the root, labelled with its child of the root. */
export function childBuckets(rootPath: string, treeDate: IsoDate): SQL {
  const level = rootPath.split('.').length;
  return sql`select uv.unit_id, (case when nlevel(uv.path) > ${level}::int
      then subpath(uv.path, 0, ${level + 1}::int) else uv.path end)::text as unit_path
    from ${unitVersions} uv
    where uv.path <@ ${rootPath}::ltree and ${holds('uv', treeDate)}`;
}

function candidatePredicate(alias: string, rootPath: string, set: CandidateSet): SQL {
  const level = rootPath.split('.').length;
  return set === 'children'
    ? sql`nlevel(${sql.raw(alias)}.path) = ${level + 1}::int`
    : sql`${sql.raw(alias)}.kind in ${set}`;
}

/** (unit_id, unit_path): every unit under each candidate, labelled with that candidate's path. */
export function candidateBuckets(rootPath: string, set: CandidateSet, treeDate: IsoDate): SQL {
  return sql`select uv.unit_id, c.path::text as unit_path
    from ${unitVersions} c
    join ${unitVersions} uv on uv.path <@ c.path and ${holds('uv', treeDate)}
    where c.path <@ ${rootPath}::ltree and ${holds('c', treeDate)}
      and ${candidatePredicate('c', rootPath, set)}`;
}

/** The candidates' paths on the tree date (they count even when they have no value at all). */
export async function findCandidatePaths(
  db: Db,
  rootPath: string,
  set: CandidateSet,
  treeDate: IsoDate,
): Promise<string[]> {
  if (Array.isArray(set) && set.length === 0) return [];
  const compute = async () => {
    const rows = await selectRows<{ path: string }>(
      db,
      sql`select c.path::text as path from ${unitVersions} c
        where c.path <@ ${rootPath}::ltree and ${holds('c', treeDate)}
          and ${candidatePredicate('c', rootPath, set)}`,
    );
    return rows.map((r) => r.path);
  };
  // The tree alone decides them (the whole country's children: a scan of 200,000 versions).
  const rev = await readRevisions(db);
  return rev
    ? cached(db, `candidates|${rootPath}|${JSON.stringify(set)}|${treeDate}|${rev.tree}`, compute)
    : compute();
}

type RawFact = {
  code: string;
  unit_path: string;
  category: string | null;
  sex: string | null;
  value: number;
  denominator: number | null;
};

/**
 * Reported facts of several indicators in one grouped query. Values of periods lying inside the
 * window and begun by `asOf` count (an as-of view does not see what happened after it); a flow
 * adds all of them, a stock keeps each unit's latest snapshot: the rows of its period with the
 * latest end (then the latest start, i.e. the shortest such period). Scanned facts are first
 * reduced to one row per unit — flows by a hash aggregate, only stocks through a window — and
 * then joined to the tree and bucketed; probed ones carry their bucket from the start.
 */
async function reportedFacts(
  db: Db,
  catalogue: Catalogue,
  codes: string[],
  window: Window,
  asOf: IsoDate,
  subtree: SQL,
  /** Only values matching this (SQL on `v`), for the part the fast path could not prove. */
  only?: SQL,
  /**
   * Read each subtree unit's values through indicator_values_unit_idx (a nested loop) instead of
   * letting the planner scan the window's values of the whole country and hash them against the
   * subtree: it did so for a province (1.4 M values read for 40,000 kept, 1–2 s), estimating the
   * subtree's few thousand units as the cheaper side. Only units having values at all are
   * probed (indicator_stamp_units, kept by the triggers of migration 0010): most units of a
   * province, its chapters, enter none. Set for roots below the whole country.
   */
  probe = false,
) {
  if (codes.length === 0) return [];
  const stocks = codes.filter((c) => catalogue.get(c)?.accumulation === 'stock');
  const flows = codes.filter((c) => !stocks.includes(c));
  const inWindow = sql`v.period_from >= ${window.from}::date and v.period_to <= ${window.to}::date
    and v.period_from <= ${asOf}::date${only ? sql` and ${only}` : sql``}`;
  const parts: SQL[] = [];
  if (probe) {
    // Only the subtree's units: without it a province's rollup reduced the whole country's values
    // of the window per unit before the join dropped all but its own (seconds at national scale).
    // Probing reads each unit's rows once for all the codes, index-only (the index covers these
    // columns), into a CTE that flows and stocks share, labelled with the unit's bucket so that
    // the subtree is read once (joining it again cost a province 40–50 ms). `offset 0` fences:
    // the lateral subquery is not flattened back into a hash join, and the subtree is hashed
    // against the 12,000 stamp units rather than probed once for each of them. Flows are summed
    // straight into buckets; stocks first keep each unit's latest period.
    const probed = sql`probed as materialized (select u0.unit_path, v.indicator_code, v.unit_id,
        v.category, v.sex, v.value, v.denominator, v.period_from, v.period_to
      from (select u1.unit_id, u1.unit_path
        from (select s0.unit_id, s0.unit_path from (${subtree}) s0 offset 0) u1
        where u1.unit_id in (select su.unit_id from indicator_stamp_units su)) u0
      cross join lateral (select v.indicator_code, v.unit_id, v.category, v.sex, v.value,
          v.denominator, v.period_from, v.period_to
        from ${indicatorValues} v
        where v.unit_id = u0.unit_id and v.indicator_code in ${codes} and ${inWindow}
        offset 0) v)`;
    if (flows.length) {
      parts.push(sql`select v.indicator_code as code, v.unit_path, v.category, v.sex,
          sum(v.value)::float8 as value, sum(v.denominator)::float8 as denominator
        from probed v where v.indicator_code in ${flows}
        group by v.indicator_code, v.unit_path, v.category, v.sex`);
    }
    if (stocks.length) {
      parts.push(sql`select x.indicator_code as code, x.unit_path, x.category, x.sex,
          sum(x.value)::float8 as value, sum(x.denominator)::float8 as denominator
        from (select v.indicator_code, v.unit_path, v.category, v.sex, v.value, v.denominator,
            rank() over (partition by v.indicator_code, v.unit_id, v.unit_path
              order by v.period_to desc, v.period_from desc) as rk
          from probed v where v.indicator_code in ${stocks}) x
        where x.rk = 1
        group by x.indicator_code, x.unit_path, x.category, x.sex`);
    }
    return toFacts(
      await selectRows<RawFact>(db, sql`with ${probed} ${sql.join(parts, sql` union all `)}`),
    );
  }
  const values = (list: string[]) =>
    sql`${indicatorValues} v where v.indicator_code in ${list} and ${inWindow}
      and v.unit_id in (select s0.unit_id from (${subtree}) s0)`;
  if (flows.length) {
    parts.push(sql`select v.indicator_code, v.unit_id, v.category, v.sex,
        sum(v.value) as value, sum(v.denominator) as denominator
      from ${values(flows)}
      group by v.indicator_code, v.unit_id, v.category, v.sex`);
  }
  if (stocks.length) {
    parts.push(sql`select x.indicator_code, x.unit_id, x.category, x.sex,
        sum(x.value) as value, sum(x.denominator) as denominator
      from (select v.indicator_code, v.unit_id, v.category, v.sex, v.value, v.denominator,
          rank() over (partition by v.indicator_code, v.unit_id
            order by v.period_to desc, v.period_from desc) as rk
        from ${values(stocks)}) x
      where x.rk = 1
      group by x.indicator_code, x.unit_id, x.category, x.sex`);
  }
  const rows = await selectRows<RawFact>(
    db,
    sql`with per_unit as (${sql.join(parts, sql` union all `)})
    select p.indicator_code as code, s.unit_path, p.category, p.sex,
      sum(p.value)::float8 as value, sum(p.denominator)::float8 as denominator
    from per_unit p join (${subtree}) s on s.unit_id = p.unit_id
    group by p.indicator_code, s.unit_path, p.category, p.sex`,
  );
  return toFacts(rows);
}

function toFacts(rows: RawFact[]): Fact[] {
  return rows.map((r): Fact => ({
    code: r.code,
    unitPath: r.unit_path,
    category: r.category,
    sex: r.sex,
    value: Number(r.value),
    denominator: r.denominator === null ? null : Number(r.denominator),
  }));
}

/**
 * Facts of the given indicators (reported ones in one query, computed ones from the registry),
 * bucketed by `subtree`.
 */
export async function collectFacts(
  db: Db,
  catalogue: Catalogue,
  codes: string[],
  scope: {
    window: Window;
    treeDate: IsoDate;
    asOf: IsoDate;
    subtree: SQL;
    /**
     * Set when `subtree` is childBuckets of a level-1 root (the whole country by province): the
     * per-province aggregates answer (rollup.province.ts), exactly as the per-unit query would.
     */
    national?: { rootPath: string };
    /** The root is below the whole country: read per unit through the unit index. */
    probe?: boolean;
  },
): Promise<Fact[]> {
  const unique = [...new Set(codes)];
  const reported = unique.filter((c) => !catalogue.computed(c));
  const readReported = async (): Promise<Fact[]> => {
    if (scope.national && reported.length) {
      const fast = await provinceFacts(db, catalogue, reported, {
        ...scope,
        rootPath: scope.national.rootPath,
      });
      if (fast.rest.length === 0) return fast.facts;
      const rest = await reportedFacts(
        db,
        catalogue,
        [...new Set(fast.rest.map((r) => r.code))],
        scope.window,
        scope.asOf,
        scope.subtree,
        restFilter(fast.rest),
      );
      return [...fast.facts, ...rest];
    }
    return reportedFacts(
      db,
      catalogue,
      reported,
      scope.window,
      scope.asOf,
      scope.subtree,
      undefined,
      scope.probe ?? false,
    );
  };
  const readComputed = async (code: string): Promise<Fact[]> => {
    const computed = catalogue.computed(code)!;
    const rows =
      (scope.national && computed.computeNational
        ? await computed.computeNational(db, { ...scope, rootPath: scope.national.rootPath })
        : null) ?? (await computed.compute(db, scope));
    return rows.map((r) => ({ ...r, code }));
  };
  // Independent reads, sent together: on PostgreSQL each takes its own pooled connection, so a
  // province's values and its people counts are read at the same time (PGlite runs them in turn).
  const parts = await Promise.all([
    readReported(),
    ...unique.filter((c) => catalogue.computed(c)).map(readComputed),
  ]);
  const facts = parts.flat();
  return facts;
}
