import type { SQL } from 'drizzle-orm';
import { and, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';
import { units, unitVersions } from './org.table.ts';

/** "This version holds on date D": valid_from <= D < valid_to (open-ended when null). */
export function versionHoldsOn(asOf: IsoDate): SQL {
  return and(
    lte(unitVersions.validFrom, asOf),
    or(isNull(unitVersions.validTo), gt(unitVersions.validTo, asOf)),
  )!;
}

/** A unit as it stood on a date: identity attributes plus the version in force. */
export type UnitAsOf = {
  id: string;
  code: string;
  wing: string;
  name: string;
  shortName: string;
  kind: string;
  parentId: string | null;
  path: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  establishedOn: IsoDate;
  closedOn: IsoDate | null;
};

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

/** The units with the given ids as they stood on `asOf` (units that did not exist then are absent). */
export async function findUnitsAsOf(db: Db, ids: string[], asOf: IsoDate): Promise<UnitAsOf[]> {
  if (ids.length === 0) return [];
  return db
    .select(unitAsOfColumns)
    .from(unitVersions)
    .innerJoin(units, eq(units.id, unitVersions.unitId))
    .where(and(inArray(unitVersions.unitId, ids), versionHoldsOn(asOf)));
}

export async function findUnitAsOf(db: Db, id: string, asOf: IsoDate): Promise<UnitAsOf | null> {
  const [row] = await findUnitsAsOf(db, [id], asOf);
  return row ?? null;
}

/** Units by their stable codes, as they stand on `asOf`. */
export async function findUnitsByCodesAsOf(
  db: Db,
  codes: string[],
  asOf: IsoDate,
): Promise<UnitAsOf[]> {
  if (codes.length === 0) return [];
  return db
    .select(unitAsOfColumns)
    .from(unitVersions)
    .innerJoin(units, eq(units.id, unitVersions.unitId))
    .where(and(inArray(units.code, codes), versionHoldsOn(asOf)));
}

/**
 * The latest version of a unit whatever the date: its current shape, or for a closed unit the
 * shape it had when it closed. Used to decide who may see a unit's history.
 */
export async function findLatestVersion(db: Db, id: string): Promise<UnitAsOf | null> {
  const [row] = await db
    .select(unitAsOfColumns)
    .from(unitVersions)
    .innerJoin(units, eq(units.id, unitVersions.unitId))
    .where(eq(unitVersions.unitId, id))
    .orderBy(sql`${unitVersions.validFrom} desc`)
    .limit(1);
  return row ?? null;
}

/** Predicate on unit_versions.path for "inside this subtree" (the root included). */
export function inSubtree(rootPath: string): SQL {
  return sql`${unitVersions.path} <@ ${rootPath}::ltree`;
}
