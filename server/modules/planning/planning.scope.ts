import { eq, sql } from 'drizzle-orm';
import type { PlanStatus } from '../../../common/planning.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { roleOn } from '../../kernel/auth/actor.ts';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError, notFound } from '../../kernel/http/errors.ts';
import type { UnitAsOf } from '../org/index.ts';
import {
  actorOnDate,
  findLatestVersion,
  findUnitAsOf,
  findUnitsAsOf,
  unitVersions,
  versionHoldsOn,
} from '../org/index.ts';
import type { Catalogue } from './catalogue.service.ts';
import type { PlanningAction } from './planning.policy.ts';
import { canReadPlan, planningPolicy } from './planning.policy.ts';
import { plans } from './planning.table.ts';

/** What planning's services receive: the app's dependencies and its indicator catalogue. */
export type PlanningContext = { deps: AppDeps; catalogue: Catalogue };

export const UNIT_NOT_FOUND = 'Không tìm thấy đơn vị.';
export const PLAN_NOT_FOUND = 'Không tìm thấy kế hoạch.';

/**
 * A unit as it stands on `date` on which the actor may perform `action`: 404 when it does not
 * exist then or lies outside the actor's subtrees, 403 when the role is too weak.
 */
export async function loadUnitFor(
  db: Db,
  actor: Actor,
  unitId: string,
  action: PlanningAction,
  date: IsoDate,
): Promise<UnitAsOf> {
  const unit = await findUnitAsOf(db, unitId, date);
  if (!unit || roleOn(actor, unit.path) === null) throw notFound(UNIT_NOT_FOUND);
  planningPolicy.authorize(actor, action, unit.path);
  return unit;
}

/**
 * A unit as it stood on `asOf`, if the actor could see it then (grants read on that date, as the
 * org module does); 404 otherwise.
 */
export async function loadViewableUnit(
  db: Db,
  actor: Actor,
  unitId: string,
  asOf: IsoDate,
  today: IsoDate,
): Promise<UnitAsOf> {
  const dated = await actorOnDate(db, actor, asOf, today);
  const unit = await findUnitAsOf(db, unitId, asOf);
  if (!unit || roleOn(dated, unit.path) === null) throw notFound(UNIT_NOT_FOUND);
  return unit;
}

/**
 * The province-level unit of a unit on a date: its level-2 ancestor (the unit itself at levels
 * 1 and 2). Stamped on fact rows when written, for distribution by province later.
 */
export async function provinceUnitIdOf(db: Db, unit: UnitAsOf, date: IsoDate): Promise<string> {
  const labels = unit.path.split('.');
  if (labels.length <= 2) return unit.id;
  const [row] = await db
    .select({ unitId: unitVersions.unitId })
    .from(unitVersions)
    .where(
      sql`${unitVersions.path} = ${labels.slice(0, 2).join('.')}::ltree and ${versionHoldsOn(date)}`,
    );
  if (!row) throw new AppError('internal');
  return row.unitId;
}

/** The unit as it stands today, or as it last stood when it has closed since. */
export async function findCurrentOrLast(
  db: Db,
  unitId: string,
  today: IsoDate,
): Promise<UnitAsOf | null> {
  return (await findUnitAsOf(db, unitId, today)) ?? (await findLatestVersion(db, unitId));
}

/** Names of units (today's, or the last one a closed unit had). */
export async function unitNames(
  db: Db,
  ids: string[],
  today: IsoDate,
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const found = await findUnitsAsOf(db, unique, today);
  const names = new Map(found.map((u) => [u.id, u.name]));
  for (const id of unique.filter((i) => !names.has(i))) {
    const last = await findLatestVersion(db, id);
    if (last) names.set(id, last.name);
  }
  return names;
}

export type PlanRow = typeof plans.$inferSelect;
export type LoadedPlan = { plan: PlanRow & { status: PlanStatus }; issuer: UnitAsOf };

/** A plan the actor may read (canReadPlan), else 404. `lock` takes a row lock for a state change. */
export async function loadReadablePlan(
  db: Db,
  actor: Actor,
  planId: string,
  today: IsoDate,
  lock = false,
): Promise<LoadedPlan> {
  const query = db.select().from(plans).where(eq(plans.id, planId));
  const [plan] = lock ? await query.for('update') : await query;
  if (!plan) throw notFound(PLAN_NOT_FOUND);
  const issuer = await findCurrentOrLast(db, plan.unitId, today);
  const status = plan.status as PlanStatus;
  if (!issuer || !canReadPlan(actor, issuer.path, status)) throw notFound(PLAN_NOT_FOUND);
  return { plan: { ...plan, status }, issuer };
}

/** A readable plan on whose issuing unit the actor may perform `action`, else 403. */
export async function loadPlanFor(
  db: Db,
  actor: Actor,
  planId: string,
  action: PlanningAction,
  today: IsoDate,
): Promise<LoadedPlan> {
  const loaded = await loadReadablePlan(db, actor, planId, today, true);
  requireCan(actor, action, loaded.issuer.path);
  return loaded;
}

/** 409 unless the plan is in one of the given states. */
export function requirePlanStatus(plan: { status: PlanStatus }, allowed: PlanStatus[]): void {
  if (allowed.includes(plan.status)) return;
  const messages: Record<PlanStatus, string> = {
    draft: 'Kế hoạch còn là dự thảo: cần ban hành trước.',
    issued: 'Kế hoạch đã ban hành: không thể sửa nội dung, chỉ tiêu.',
    closed: 'Kế hoạch đã kết thúc: không thể thay đổi.',
  };
  throw new AppError('invalid_state', messages[plan.status]);
}

/** A unique-index violation (two writers racing for the same key), on either driver. */
export function isUniqueViolation(error: unknown): boolean {
  const codeOf = (e: unknown) =>
    typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
  const cause =
    typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : undefined;
  return codeOf(error) === '23505' || codeOf(cause) === '23505';
}

/** For a resource the actor already may see: 403 unless the role suffices on `path`. */
export function requireCan(actor: Actor, action: PlanningAction, path: string): void {
  if (!planningPolicy.can(actor, action, path)) throw new AppError('forbidden');
}
