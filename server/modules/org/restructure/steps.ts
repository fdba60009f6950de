import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { RestructureKind } from '../../../../common/enums.ts';
import { foldForSearch } from '../../../../common/text.ts';
import type { IsoDate } from '../../../kernel/clock.ts';
import type { Db } from '../../../kernel/db/client.ts';
import { AppError } from '../../../kernel/http/errors.ts';
import type { EventUnitRole, RestructureEventView } from '../org.contracts.ts';
import type { EventUnit } from '../org.presenter.ts';
import { presentEvent } from '../org.presenter.ts';
import type { UnitAsOf } from '../org.queries.ts';
import { restructureEvents, units, unitVersions } from '../org.table.ts';

/**
 * The write steps every restructuring is made of. History is append-only: a step closes open
 * versions (valid_to = the effective date) and inserts new ones; it never edits a closed
 * version and never deletes. Callers run the checks in checks.ts first.
 */

export function searchNameOf(name: string, shortName: string, code: string): string {
  return foldForSearch(`${name} ${shortName} ${code}`);
}

export function eventUnit(unit: UnitAsOf, role: EventUnitRole): EventUnit {
  return { id: unit.id, code: unit.code, name: unit.name, role, path: unit.path };
}

export type NewUnitInput = {
  code: string;
  wing: string;
  name: string;
  shortName: string;
  kind: string;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
};

/** True for PostgreSQL's unique_violation, also when wrapped by drizzle. */
export function isUniqueViolation(error: unknown): boolean {
  const codeOf = (e: unknown) =>
    typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
  const cause =
    typeof error === 'object' && error !== null && 'cause' in error ? error.cause : undefined;
  return codeOf(error) === '23505' || codeOf(cause) === '23505';
}

/** Inserts a unit and its first version under `parent` (null: a root) from `date`. */
export async function insertNewUnit(
  tx: Db,
  input: NewUnitInput,
  parent: UnitAsOf | null,
  date: IsoDate,
  eventId: string,
): Promise<UnitAsOf> {
  const [row] = await tx
    .insert(units)
    .values({
      code: input.code,
      wing: input.wing,
      address: input.address || null,
      phone: input.phone || null,
      email: input.email || null,
      establishedOn: date,
    })
    .returning({ id: units.id, seq: units.seq })
    .catch((error: unknown) => {
      // Checked before, but a concurrent request may have taken the code since.
      if (isUniqueViolation(error)) {
        throw new AppError('conflict', `Mã đơn vị "${input.code}" đã tồn tại.`, { field: 'code' });
      }
      throw error;
    });
  const path = parent ? `${parent.path}.u${row!.seq}` : `u${row!.seq}`;
  await tx.insert(unitVersions).values({
    unitId: row!.id,
    parentId: parent?.id ?? null,
    name: input.name,
    shortName: input.shortName,
    searchName: searchNameOf(input.name, input.shortName, input.code),
    kind: input.kind,
    path,
    validFrom: date,
    eventId,
  });
  return {
    id: row!.id,
    code: input.code,
    wing: input.wing,
    name: input.name,
    shortName: input.shortName,
    kind: input.kind,
    parentId: parent?.id ?? null,
    path,
    validFrom: date,
    validTo: null,
    establishedOn: date,
    closedOn: null,
  };
}

/** Ends the unit's open version on `date`; the checks guarantee there is exactly one. */
export async function closeOpenVersion(tx: Db, unitId: string, date: IsoDate): Promise<void> {
  const closed = await tx
    .update(unitVersions)
    .set({ validTo: date })
    .where(and(eq(unitVersions.unitId, unitId), isNull(unitVersions.validTo)))
    .returning({ id: unitVersions.id });
  // Another transaction changed the unit between our checks and this write.
  if (closed.length !== 1)
    throw new AppError('conflict', 'Đơn vị vừa được thay đổi, vui lòng thử lại.');
}

/** The unit no longer exists from `date` (merged, split or closed). */
export async function markClosed(tx: Db, unitIds: string[], date: IsoDate): Promise<void> {
  await tx.update(units).set({ closedOn: date }).where(inArray(units.id, unitIds));
}

/**
 * Re-paths a subtree from `date`: every open version whose path lies under `subtreePath`
 * (except `excludeUnitId`) closes, and a copy opens with path
 * `newPrefix || subpath(path, dropLevels)`. The version whose parent is `reparent.from` gets
 * parent `reparent.to`. Set-based: one statement whatever the subtree's size.
 */
export async function repathSubtree(
  tx: Db,
  options: {
    subtreePath: string;
    dropLevels: number;
    newPrefix: string;
    date: IsoDate;
    eventId: string;
    excludeUnitId?: string;
    reparent?: { from: string | null; to: string };
  },
): Promise<void> {
  const { subtreePath, dropLevels, newPrefix, date, eventId, excludeUnitId, reparent } = options;
  const exclude = excludeUnitId ? sql`and unit_id <> ${excludeUnitId}::uuid` : sql``;
  const parent = reparent
    ? sql`case when parent_id is not distinct from ${reparent.from}::uuid then ${reparent.to}::uuid else parent_id end`
    : sql`parent_id`;
  await tx.execute(sql`
    with closed as (
      update unit_versions set valid_to = ${date}::date
      where path <@ ${subtreePath}::ltree and valid_to is null ${exclude}
      returning unit_id, parent_id, name, short_name, search_name, kind, path
    )
    insert into unit_versions
      (unit_id, parent_id, name, short_name, search_name, kind, path, valid_from, event_id)
    select unit_id, ${parent}, name, short_name, search_name, kind,
      ${newPrefix}::ltree || subpath(path, ${dropLevels}::int), ${date}::date, ${eventId}::uuid
    from closed`);
}

/** Inserts a version for `unit` from `date` with new attributes (its current one must be closed). */
export async function insertVersion(
  tx: Db,
  unit: UnitAsOf,
  changes: { name: string; shortName: string },
  date: IsoDate,
  eventId: string,
): Promise<void> {
  await tx.insert(unitVersions).values({
    unitId: unit.id,
    parentId: unit.parentId,
    name: changes.name,
    shortName: changes.shortName,
    searchName: searchNameOf(changes.name, changes.shortName, unit.code),
    kind: unit.kind,
    path: unit.path,
    validFrom: date,
    eventId,
  });
}

/**
 * People of the closing units go to `toId`. SQL text on table "people": the people module's
 * table imports org, so importing it back would make a module cycle. Returns how many moved.
 */
export async function movePeople(tx: Db, fromIds: string[], toId: string): Promise<number> {
  const moved = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(sql`people`)
    .where(sql`unit_id in ${fromIds}`);
  await tx.execute(
    sql`update people set unit_id = ${toId}::uuid, updated_at = now() where unit_id in ${fromIds}`,
  );
  return Number(moved[0]?.n ?? 0);
}

export function newEventId(): string {
  return randomUUID();
}

export async function insertEvent(
  tx: Db,
  event: {
    id: string;
    kind: RestructureKind;
    date: IsoDate;
    reason: string;
    units: EventUnit[];
    details?: Record<string, unknown>;
    createdBy: string | null;
  },
): Promise<RestructureEventView> {
  const [row] = await tx
    .insert(restructureEvents)
    .values({
      id: event.id,
      kind: event.kind,
      effectiveDate: event.date,
      reason: event.reason,
      payload: { units: event.units, ...event.details },
      createdBy: event.createdBy,
    })
    .returning();
  return presentEvent(row!);
}
