import type { SQL } from 'drizzle-orm';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { escapeLike } from '../../../common/text.ts';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { UnitAsOf } from './org.queries.ts';
import { versionHoldsOn } from './org.queries.ts';
import { unitGroupMembers, unitGroups, units, unitVersions } from './org.table.ts';

/**
 * Read queries over the tree on a date. Every subtree predicate is `path <@ root`, answered by
 * the GiST index on unit_versions.path, combined with the as-of interval test.
 */

const unitAsOfColumns = {
  id: units.id,
  code: units.code,
  wing: units.wing,
  name: unitVersions.name,
  shortName: unitVersions.shortName,
  kind: unitVersions.kind,
  parentId: unitVersions.parentId,
  path: unitVersions.path,
  validFrom: unitVersions.validFrom,
  validTo: unitVersions.validTo,
  establishedOn: units.establishedOn,
  closedOn: units.closedOn,
};

function selectAsOf(db: Db, where: SQL, asOf: IsoDate) {
  return db
    .select(unitAsOfColumns)
    .from(unitVersions)
    .innerJoin(units, eq(units.id, unitVersions.unitId))
    .where(and(where, versionHoldsOn(asOf)));
}

/** The units directly below `parentId` on `asOf`, unsorted (callers sort with the vi collation). */
export async function findChildrenAsOf(
  db: Db,
  parentId: string,
  asOf: IsoDate,
): Promise<UnitAsOf[]> {
  return selectAsOf(db, eq(unitVersions.parentId, parentId), asOf);
}

/** Number of children on `asOf` for each of the given units, in one grouped query. */
export async function countChildrenAsOf(
  db: Db,
  parentIds: string[],
  asOf: IsoDate,
): Promise<Map<string, number>> {
  if (parentIds.length === 0) return new Map();
  const rows = await db
    .select({ parentId: unitVersions.parentId, n: sql<number>`count(*)::int` })
    .from(unitVersions)
    .where(and(inArray(unitVersions.parentId, parentIds), versionHoldsOn(asOf)))
    .groupBy(unitVersions.parentId);
  return new Map(rows.map((r) => [r.parentId!, Number(r.n)]));
}

/** Units strictly below `rootPath` on `asOf`. */
export async function countSubtreeUnits(db: Db, rootPath: string, asOf: IsoDate): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(unitVersions)
    .where(
      and(
        sql`${unitVersions.path} <@ ${rootPath}::ltree`,
        sql`${unitVersions.path} <> ${rootPath}::ltree`,
        versionHoldsOn(asOf),
      ),
    );
  return Number(row?.n ?? 0);
}

/**
 * The whole subtree under (and including) `rootPath` as it stood on `asOf`, parents first.
 * Two statements on purpose: joining units to a province's ~6,000 versions makes PostgreSQL
 * hash-join against a sequential scan of all 200,000 units; fetching the identities by
 * `id = any(array)` uses the primary key and is several times faster.
 */
export async function findSubtreeAsOf(
  db: Db,
  rootPath: string,
  asOf: IsoDate,
): Promise<UnitAsOf[]> {
  const versions = await db
    .select({
      unitId: unitVersions.unitId,
      name: unitVersions.name,
      shortName: unitVersions.shortName,
      kind: unitVersions.kind,
      parentId: unitVersions.parentId,
      path: unitVersions.path,
      validFrom: unitVersions.validFrom,
      validTo: unitVersions.validTo,
    })
    .from(unitVersions)
    .where(and(sql`${unitVersions.path} <@ ${rootPath}::ltree`, versionHoldsOn(asOf)))
    .orderBy(sql`nlevel(${unitVersions.path})`);
  if (versions.length === 0) return [];
  const identities = await db
    .select({
      id: units.id,
      code: units.code,
      wing: units.wing,
      establishedOn: units.establishedOn,
      closedOn: units.closedOn,
    })
    .from(units)
    .where(sql`${units.id} = any(${`{${versions.map((v) => v.unitId).join(',')}}`}::uuid[])`);
  const byId = new Map(identities.map((u) => [u.id, u]));
  return versions.map((v) => {
    const u = byId.get(v.unitId)!;
    return {
      id: u.id,
      code: u.code,
      wing: u.wing,
      name: v.name,
      shortName: v.shortName,
      kind: v.kind,
      parentId: v.parentId,
      path: v.path,
      validFrom: v.validFrom,
      validTo: v.validTo,
      establishedOn: u.establishedOn,
      closedOn: u.closedOn,
    };
  });
}

/**
 * Ancestors of the given paths on `asOf`, found in one query from the path labels ('u' + seq).
 * Returns, per path, the ancestors from the top down (the unit itself excluded).
 */
export async function findAncestorsAsOf(
  db: Db,
  paths: string[],
  asOf: IsoDate,
): Promise<Map<string, { id: string; name: string; kind: string }[]>> {
  const labelsOf = (path: string) => path.split('.').slice(0, -1);
  const seqs = [...new Set(paths.flatMap(labelsOf))].map((label) => Number(label.slice(1)));
  const rows =
    seqs.length === 0
      ? []
      : await db
          .select({
            seq: units.seq,
            id: units.id,
            name: unitVersions.name,
            kind: unitVersions.kind,
          })
          .from(units)
          .innerJoin(unitVersions, eq(unitVersions.unitId, units.id))
          .where(and(inArray(units.seq, seqs), versionHoldsOn(asOf)));
  const byLabel = new Map(rows.map((r) => [`u${r.seq}`, { id: r.id, name: r.name, kind: r.kind }]));
  return new Map(
    paths.map((path) => [
      path,
      labelsOf(path).flatMap((label) => {
        const found = byLabel.get(label);
        return found ? [found] : [];
      }),
    ]),
  );
}

/**
 * Units whose folded name, short name or code contains `folded`, on `asOf`, within `scope`.
 * `search_name ILIKE '%…%'` is answered by the trigram index; prefix matches rank first.
 */
export async function searchUnitsAsOf(
  db: Db,
  folded: string,
  asOf: IsoDate,
  scope: SQL,
  limit: number,
): Promise<UnitAsOf[]> {
  const escaped = escapeLike(folded);
  const query = selectAsOf(
    db,
    and(sql`${unitVersions.searchName} ilike ${'%' + escaped + '%'}`, scope)!,
    asOf,
  );
  const rank = (u: UnitAsOf) =>
    [u.name, u.shortName, u.code].some((x) => x.toLowerCase().startsWith(folded));
  if (folded.length < 3) {
    // Under three characters the trigram index cannot help: take the first matches the scan
    // finds (the LIMIT stops it early) instead of ranking every match in the country.
    const rows = await query.limit(limit);
    return rows.sort((a, b) => Number(rank(b)) - Number(rank(a)) || a.name.length - b.name.length);
  }
  return query
    .orderBy(
      sql`(${unitVersions.searchName} like ${escaped + '%'}) desc`,
      sql`length(${unitVersions.searchName})`,
      unitVersions.name,
    )
    .limit(limit);
}

/** Groups a unit belongs to. */
export async function findGroupsOfUnit(db: Db, unitId: string) {
  return db
    .select({
      id: unitGroups.id,
      code: unitGroups.code,
      name: unitGroups.name,
      kind: unitGroups.kind,
    })
    .from(unitGroupMembers)
    .innerJoin(unitGroups, eq(unitGroups.id, unitGroupMembers.groupId))
    .where(eq(unitGroupMembers.unitId, unitId))
    .orderBy(unitGroups.name);
}

/**
 * People who belong directly to the unit. Read with SQL text on table "people" because the
 * people module's table imports org (an import back would make a module cycle).
 */
export async function countPeopleOfUnits(db: Db, unitIds: string[]): Promise<number> {
  if (unitIds.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sql`people`)
    .where(sql`unit_id in ${unitIds}`);
  return Number(row?.n ?? 0);
}
