import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { Catalogue } from './catalogue.service.ts';
import { selectRows } from './planning.sql.ts';
import { cached, readRevisions } from './rollup.cache.ts';
import type { Fact, Window } from './rollup.facts.ts';

/**
 * The fast path of a rollup over the whole country (a root at level 1, bucketed by its children,
 * the provinces): reported facts summed from the per-province partial aggregates that triggers
 * keep in the writing transaction (migration 0010), instead of every fact of the window. It
 * returns exactly what the per-unit query returns (docs/decisions/0010), and says which part it
 * could not prove so that part is read per unit:
 *
 * - A value's province is its province_unit_id stamp (its unit's level-2 ancestor when written).
 *   A stamp is *placed* on the tree date when every unit having values with that stamp stands
 *   under one child of the root that day (so a 2023 value of a unit since merged counts where
 *   it stood in 2023, or a unit moved since moves its stamp's rows to the raw path).
 * - Flows are sums: a placed stamp's sums over the window's periods go to its bucket.
 * - Stocks keep each unit's latest snapshot in the window. From the aggregates, a placed
 *   stamp's latest period L is every one of its units' latest when the number of its units with
 *   values in L equals the number of its units with values at all, and no unit has values under
 *   two stamps; then the stock is the sums of L.
 */

export type ProvinceFacts = {
  facts: Fact[];
  /** Read per unit, restricted to these (stamp, code) pairs — or null: read nothing more. */
  rest: { stamp: string; code: string }[];
};

type Placement = { stamp: string; units: number; placed: number; first: string; last: string };

/**
 * Where each stamp's units stand on the tree date: one bucket (a child of the root, or the root).
 * It depends on the tree and on which units carry which stamp only: remembered under their
 * revisions (12,000 stamp units joined to the tree took 200–300 ms per tree date).
 */
async function placements(db: Db, rootPath: string, treeDate: IsoDate) {
  const rev = await readRevisions(db);
  if (!rev) return computePlacements(db, rootPath, treeDate);
  return cached(db, `placements|${rootPath}|${treeDate}|${rev.tree}|${rev.stamps}`, () =>
    computePlacements(db, rootPath, treeDate),
  );
}

async function computePlacements(db: Db, rootPath: string, treeDate: IsoDate) {
  const rows = await selectRows<Placement>(
    db,
    sql`select a.province_unit_id::text as stamp, count(*)::int as units,
        count(b.bucket)::int as placed, min(b.bucket) as first, max(b.bucket) as last
      from indicator_stamp_units a
      left join lateral (
        select (case when nlevel(uv.path) > 1 then subpath(uv.path, 0, 2) else uv.path end)::text
          as bucket
        from unit_versions uv
        where uv.unit_id = a.unit_id and uv.path <@ ${rootPath}::ltree
          and uv.valid_from <= ${treeDate}::date
          and (uv.valid_to is null or uv.valid_to > ${treeDate}::date)) b on true
      group by a.province_unit_id`,
  );
  const bucketOf = new Map<string, string>();
  for (const r of rows)
    if (r.placed === r.units && r.first === r.last) bucketOf.set(r.stamp, r.first);
  const [multi] = await selectRows<{ any: boolean }>(
    db,
    sql`select exists (select 1 from indicator_stamp_units group by unit_id having count(*) > 1)
      as any`,
  );
  return { bucketOf, stamps: rows.map((r) => r.stamp), multiStamp: multi!.any };
}

type SumRow = {
  stamp: string;
  code: string;
  category: string;
  sex: string;
  value: number;
  denominator: number;
  denominators: number;
};

function inWindow(window: Window, asOf: IsoDate): SQL {
  return sql`s.period_from >= ${window.from}::date and s.period_to <= ${window.to}::date
    and s.period_from <= ${asOf}::date`;
}

const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

export async function provinceFacts(
  db: Db,
  catalogue: Catalogue,
  codes: string[],
  scope: { window: Window; treeDate: IsoDate; asOf: IsoDate; rootPath: string },
): Promise<ProvinceFacts> {
  const { window, asOf } = scope;
  const { bucketOf, stamps, multiStamp } = await placements(db, scope.rootPath, scope.treeDate);
  const placed = [...bucketOf.keys()];
  const unplaced = stamps.filter((s) => !bucketOf.has(s));
  const stocks = codes.filter((c) => catalogue.get(c)?.accumulation === 'stock');
  const flows = codes.filter((c) => !stocks.includes(c));
  const rows: SumRow[] = [];
  const rest: { stamp: string; code: string }[] = [];

  if (flows.length && placed.length) {
    rows.push(
      ...(await selectRows<SumRow>(
        db,
        sql`select s.province_unit_id::text as stamp, s.indicator_code as code, s.category, s.sex,
            sum(s.value)::float8 as value, sum(s.denominator)::float8 as denominator,
            sum(s.denominators)::int as denominators
          from indicator_sums s
          where s.indicator_code in ${flows} and ${inWindow(window, asOf)}
            and s.province_unit_id = any(${uuidArray(placed)})
          group by 1, 2, 3, 4`,
      )),
    );
  }
  for (const stamp of unplaced) for (const code of flows) rest.push({ stamp, code });

  if (stocks.length && multiStamp) {
    for (const stamp of stamps) for (const code of stocks) rest.push({ stamp, code });
  } else if (stocks.length) {
    for (const stamp of unplaced) for (const code of stocks) rest.push({ stamp, code });
    const latest = placed.length
      ? await selectRows<{ stamp: string; code: string; from: string; to: string; exact: boolean }>(
          db,
          sql`select distinct on (s.province_unit_id, s.indicator_code)
              s.province_unit_id::text as stamp, s.indicator_code as code,
              s.period_from::text as from, s.period_to::text as to, s.units = t.units as exact
            from indicator_period_units s
            join indicator_province_units t
              on t.indicator_code = s.indicator_code and t.province_unit_id = s.province_unit_id
            where s.indicator_code in ${stocks} and ${inWindow(window, asOf)}
              and s.province_unit_id = any(${uuidArray(placed)})
            order by s.province_unit_id, s.indicator_code, s.period_to desc, s.period_from desc`,
        )
      : [];
    const exact = latest.filter((l) => l.exact);
    for (const l of latest.filter((x) => !x.exact)) rest.push({ stamp: l.stamp, code: l.code });
    if (exact.length) {
      const keys = sql.join(
        exact.map((l) => sql`(${l.code}::text, ${l.stamp}::uuid, ${l.from}::date, ${l.to}::date)`),
        sql`, `,
      );
      rows.push(
        ...(await selectRows<SumRow>(
          db,
          sql`select s.province_unit_id::text as stamp, s.indicator_code as code, s.category,
              s.sex, s.value::float8 as value, s.denominator::float8 as denominator,
              s.denominators
            from indicator_sums s
            where (s.indicator_code, s.province_unit_id, s.period_from, s.period_to) in (${keys})`,
        )),
      );
    }
  }

  // Stamps placed in the same bucket (provinces merged since) add up, as their units' rows would.
  const merged = new Map<string, Fact & { denominators: number }>();
  for (const r of rows) {
    const unitPath = bucketOf.get(r.stamp)!;
    const key = JSON.stringify([r.code, unitPath, r.category, r.sex]);
    const fact = merged.get(key) ?? {
      code: r.code,
      unitPath,
      category: r.category === '' ? null : r.category,
      sex: r.sex === '' ? null : r.sex,
      value: 0,
      denominator: 0,
      denominators: 0,
    };
    fact.value += Number(r.value);
    fact.denominator = (fact.denominator ?? 0) + Number(r.denominator);
    fact.denominators += Number(r.denominators);
    merged.set(key, fact);
  }
  const facts = [...merged.values()].map(({ denominators, ...f }): Fact => ({
    ...f,
    denominator: denominators > 0 ? f.denominator : null,
  }));
  return { facts, rest };
}

/** SQL on indicator_values `v`: the value belongs to one of the (stamp, code) pairs. */
export function restFilter(rest: { stamp: string; code: string }[]): SQL {
  if (rest.length === 0) return sql`false`;
  const pairs = sql.join(
    rest.map((r) => sql`(${r.stamp}::uuid, ${r.code}::text)`),
    sql`, `,
  );
  return sql`(v.province_unit_id, v.indicator_code) in (${pairs})`;
}
