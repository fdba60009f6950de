import { formatDate } from '../../../common/format.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { roleOn } from '../../kernel/auth/actor.ts';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';
import { AppError } from '../../kernel/http/errors.ts';
import type { UnitAsOf } from './org.queries.ts';
import { findLatestVersion, findUnitAsOf, findUnitsAsOf } from './org.queries.ts';

/**
 * The actor's grants read on another date. A grant covers its unit's subtree; on date D that
 * subtree is the one under the unit's path on D. So a commune admin still sees their commune
 * on a date before it moved, and a grant on a unit that did not exist yet confers nothing then.
 * (Since every path starts with the path of each ancestor on the same date, this is exactly
 * "the unit's path on D lies within the grant's path on D".)
 */
export async function actorOnDate(
  db: Db,
  actor: Actor,
  date: IsoDate,
  today: IsoDate,
): Promise<Actor> {
  if (date === today || actor.grants.length === 0) return actor;
  const found = await findUnitsAsOf(
    db,
    actor.grants.map((g) => g.unitId),
    date,
  );
  const pathById = new Map(found.map((u) => [u.id, u.path]));
  return {
    ...actor,
    grants: actor.grants.flatMap((g) => {
      const path = pathById.get(g.unitId);
      return path ? [{ ...g, path }] : [];
    }),
  };
}

export function notOnDate(date: IsoDate): AppError {
  return new AppError('not_found', `Đơn vị không tồn tại vào ngày ${formatDate(date)}`);
}

/**
 * The 404 for a unit missing on `date`: the dated message only when `canSeeLatest` says the
 * caller could see the unit by its latest path; otherwise the plain one, revealing nothing.
 */
export async function missingOnDate(
  db: Db,
  unitId: string,
  date: IsoDate,
  canSeeLatest: (path: string) => boolean,
): Promise<AppError> {
  const latest = await findLatestVersion(db, unitId);
  return latest && canSeeLatest(latest.path) ? notOnDate(date) : new AppError('not_found');
}

/**
 * A unit as it stood on `asOf`, if `actor` may see it then; otherwise 404. Returns the actor
 * with grants read on `asOf`, for scoping the rest of the request.
 */
export async function loadVisibleUnit(
  db: Db,
  actor: Actor,
  unitId: string,
  asOf: IsoDate,
  today: IsoDate,
): Promise<{ unit: UnitAsOf; datedActor: Actor }> {
  const datedActor = await actorOnDate(db, actor, asOf, today);
  const unit = await findUnitAsOf(db, unitId, asOf);
  if (!unit) throw await missingOnDate(db, unitId, asOf, (path) => roleOn(actor, path) !== null);
  if (roleOn(datedActor, unit.path) === null) throw new AppError('not_found');
  return { unit, datedActor };
}
