import type { SQL, SQLWrapper } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';

/** Rows of a raw query on either driver (both answer `{ rows }`). */
async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

/**
 * The province of a unit: the unit at level 2 of its path (the unit itself at levels 1 and 2),
 * taken from the unit's latest version — today's shape, or the shape a restructuring already
 * recorded for a later date. people.province_id holds it for each person's unit
 * (docs/decisions/0009-people-province.md); it depends on the recorded tree only, never on the
 * clock, so it is right after every write without any job.
 *
 * Path labels are 'u' || units.seq, so the province is found from the label alone.
 */
export function provinceOfPathSql(path: SQLWrapper): SQL {
  return sql`(select pu.id from units pu
    where pu.seq = substr(subpath(${path}, least(nlevel(${path}), 2) - 1, 1)::text, 2)::bigint)`;
}

/** The province (see above) of each of the given units; a unit without versions is absent. */
export async function findProvinceIds(db: Db, unitIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(unitIds)];
  const out = new Map<string, string>();
  for (let i = 0; i < unique.length; i += 1000) {
    const chunk = unique.slice(i, i + 1000);
    const rows = await rowsOf<{ unit_id: string; province_id: string }>(
      db,
      sql`
      select distinct on (v.unit_id) v.unit_id, ${provinceOfPathSql(sql`v.path`)} as province_id
      from unit_versions v
      where v.unit_id = any(${`{${chunk.join(',')}}`}::uuid[])
      order by v.unit_id, v.valid_from desc`,
    );
    for (const r of rows) out.set(r.unit_id, r.province_id);
  }
  return out;
}

/**
 * Re-stamps people.province_id for the people of every unit whose open version lies under
 * `subtreePath`, after a restructuring has written those versions (in its transaction). SQL text
 * on "people", as movePeople: the people module imports org, not the other way round.
 * Returns how many people changed province.
 */
export async function restampPeopleProvinces(tx: Db, subtreePath: string): Promise<number> {
  const updated = await rowsOf<{ id: string }>(
    tx,
    sql`
    update people p set province_id = x.province_id
    from (
      select v.unit_id, ${provinceOfPathSql(sql`v.path`)} as province_id
      from unit_versions v
      where v.path <@ ${subtreePath}::ltree and v.valid_to is null
    ) x
    where p.unit_id = x.unit_id and p.province_id is distinct from x.province_id
    returning p.id`,
  );
  return updated.length;
}

/** The provinces of a search scope; see scopeProvinceIds. */
export type ScopeProvinces = {
  provinceIds: string[];
  /**
   * True when "province_id is one of provinceIds" selects exactly the people whose unit lies in
   * the scope today: every root is a province-level unit and no change of the tree is recorded
   * for a later date (anywhere: a unit moving in would be stamped already). The subtree condition is then redundant (and its misestimated
   * selectivity on ltree would only mislead the planner).
   */
  exact: boolean;
};

/**
 * The provinces whose people.province_id a search in these subtrees (paths as they stand on
 * `today`) must accept, or null when a root is the whole country (level 1), where a province
 * filter would narrow nothing. Besides each root's own province, a unit under a root today
 * whose later recorded shape lies in another province (a move or merge dated after today)
 * brings that province: its people are stamped with it already. The result may contain
 * provinces that hold no match; unless `exact`, the search keeps its subtree condition, so the
 * filter only ever narrows to a superset of the rows.
 */
export async function scopeProvinceIds(
  db: Db,
  rootPaths: string[],
  today: IsoDate,
): Promise<ScopeProvinces | null> {
  if (rootPaths.length === 0) return { provinceIds: [], exact: false };
  if (rootPaths.some((p) => !p.includes('.'))) return null;
  const seqs = [...new Set(rootPaths.map((p) => Number(p.split('.')[1]!.slice(1))))];
  const within = sql.join(
    rootPaths.map((root) => sql`c.path <@ ${root}::ltree`),
    sql` or `,
  );
  const rows = await rowsOf<{ id: string | null; later: boolean }>(
    db,
    sql`
    select id, false as later from units where seq = any(${`{${seqs.join(',')}}`}::bigint[])
    union
    select ${provinceOfPathSql(sql`f.path`)}, true
    from unit_versions f
    join unit_versions c on c.unit_id = f.unit_id
      and c.valid_from <= ${today}::date and (c.valid_to is null or c.valid_to > ${today}::date)
    where f.valid_from > ${today}::date and (${within})
    union
    (select null, true from unit_versions where valid_from > ${today}::date limit 1)`,
  );
  return {
    provinceIds: [...new Set(rows.flatMap((r) => (r.id ? [r.id] : [])))].sort(),
    exact: rootPaths.every((p) => p.split('.').length === 2) && !rows.some((r) => r.later),
  };
}

/** The path label of a path's province (level 2, or the root itself at level 1). */
export function provinceLabelOf(path: string): string {
  const labels = path.split('.');
  return labels[Math.min(labels.length, 2) - 1]!;
}

/**
 * After a restructuring has moved units (and people) from `fromPaths` into the subtree at
 * `toRootPath`: re-stamps its people's province when the move crossed provinces. A change inside
 * one province (the 2025 district closure) keeps every province, so nothing is written.
 */
export async function followProvinces(
  tx: Db,
  fromPaths: string[],
  toRootPath: string,
): Promise<number> {
  const to = provinceLabelOf(toRootPath);
  if (fromPaths.every((p) => provinceLabelOf(p) === to)) return 0;
  return restampPeopleProvinces(tx, toRootPath);
}
