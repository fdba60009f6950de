import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { formatDate } from '../../../../common/format.ts';
import type { IsoDate } from '../../../kernel/clock.ts';
import type { Db } from '../../../kernel/db/client.ts';
import { AppError } from '../../../kernel/http/errors.ts';
import type { Performer } from '../org.policy.ts';
import { canSee } from '../org.policy.ts';
import type { UnitAsOf } from '../org.queries.ts';
import { findUnitsAsOf } from '../org.queries.ts';
import { missingOnDate } from '../org.scope.ts';
import { units, unitVersions } from '../org.table.ts';

/**
 * Loading and rule checks shared by the write commands. They run inside the command's
 * transaction, before anything is written, so a failed check leaves the database untouched.
 */

/**
 * The units as they stand on `date`, with their identity rows locked for the transaction (in id
 * order, so two concurrent restructurings cannot deadlock). A unit that does not exist on that
 * date is a 404; the dated message only when the performer could see it.
 */
export async function loadUnitsOnDate(
  tx: Db,
  performer: Performer,
  ids: string[],
  date: IsoDate,
): Promise<Map<string, UnitAsOf>> {
  const distinct = [...new Set(ids)];
  await tx
    .select({ id: units.id })
    .from(units)
    .where(inArray(units.id, distinct))
    .orderBy(asc(units.id))
    .for('update');
  const found = new Map((await findUnitsAsOf(tx, distinct, date)).map((u) => [u.id, u]));
  for (const id of distinct) {
    if (!found.has(id)) throw await missingOnDate(tx, id, date, (path) => canSee(performer, path));
  }
  return found;
}

export async function loadUnitOnDate(
  tx: Db,
  performer: Performer,
  id: string,
  date: IsoDate,
): Promise<UnitAsOf> {
  return (await loadUnitsOnDate(tx, performer, [id], date)).get(id)!;
}

function outOfOrder(unitName: string, date: IsoDate, lastChange: IsoDate): AppError {
  return new AppError(
    'date_out_of_order',
    `Ngày hiệu lực ${formatDate(date)} phải sau lần thay đổi gần nhất của đơn vị ` +
      `"${unitName}" (${formatDate(lastChange)}).`,
  );
}

/**
 * A unit that only takes part (new parent, successor): it must exist on `date` with no later
 * change already recorded, or the new rows would hang from a shape that has since changed.
 */
export function requireStableFrom(unit: UnitAsOf, date: IsoDate): void {
  if (unit.validTo !== null) throw outOfOrder(unit.name, date, unit.validTo);
}

/** A unit whose own version is closed and reopened (rename): `date` strictly after its last change. */
export function requireChangeableOn(unit: UnitAsOf, date: IsoDate): void {
  if (unit.validTo !== null) throw outOfOrder(unit.name, date, unit.validTo);
  if (unit.validFrom >= date) throw outOfOrder(unit.name, date, unit.validFrom);
}

/**
 * Every unit in the subtree at `rootPath` (the root included) gets new versions from `date`: each
 * version holding on or after `date` must be open and must have started strictly before it.
 */
export async function requireSubtreeChangeableOn(
  tx: Db,
  rootPath: string,
  date: IsoDate,
): Promise<void> {
  const [late] = await tx
    .select({
      name: unitVersions.name,
      validFrom: unitVersions.validFrom,
      validTo: unitVersions.validTo,
    })
    .from(unitVersions)
    .where(
      and(
        sql`${unitVersions.path} <@ ${rootPath}::ltree`,
        sql`(${unitVersions.validTo} is null or ${unitVersions.validTo} > ${date})`,
        or(sql`${unitVersions.validFrom} >= ${date}`, isNotNull(unitVersions.validTo)),
      ),
    )
    .orderBy(sql`${unitVersions.validFrom} desc`)
    .limit(1);
  if (late) {
    throw outOfOrder(late.name, date, late.validFrom >= date ? late.validFrom : late.validTo!);
  }
}

/** Moving `unit` under `newParent` would put it inside itself. */
export function requireNoCycle(unit: UnitAsOf, newParent: UnitAsOf): void {
  if (newParent.path === unit.path || newParent.path.startsWith(unit.path + '.')) {
    throw new AppError(
      'cycle',
      `Không thể đưa "${unit.name}" vào chính nó hoặc vào đơn vị cấp dưới của nó ("${newParent.name}").`,
    );
  }
}

/** New unit codes must be free (codes are never reused, even from closed units). */
export async function requireCodesFree(tx: Db, codes: string[]): Promise<void> {
  const taken = await tx.select({ code: units.code }).from(units).where(inArray(units.code, codes));
  if (taken.length > 0) {
    throw new AppError(
      'conflict',
      `Mã đơn vị đã tồn tại: ${taken.map((t) => t.code).join(', ')}.`,
      { field: 'code', codes: taken.map((t) => t.code) },
    );
  }
}

/** The units directly below `parentId` on `date`. */
export async function childrenOnDate(tx: Db, parentId: string, date: IsoDate) {
  return tx
    .select({ id: unitVersions.unitId, name: unitVersions.name, path: unitVersions.path })
    .from(unitVersions)
    .where(
      and(
        eq(unitVersions.parentId, parentId),
        sql`${unitVersions.validFrom} <= ${date}`,
        sql`(${unitVersions.validTo} is null or ${unitVersions.validTo} > ${date})`,
      ),
    );
}

/** Creating a root (no parent) needs a grant above it, which no user can hold: scripts only. */
export function requireParentForUser(performer: Performer, parent: UnitAsOf | null): void {
  if (parent === null && performer.kind === 'user') {
    throw new AppError('forbidden', 'Chỉ có thể tạo đơn vị bên dưới một đơn vị mà bạn quản trị.');
  }
}
