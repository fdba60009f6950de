import { and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { formatDate } from '../../../common/format.ts';
import type { ActivityKind } from '../../../common/planning.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { roleOn } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/client.ts';
import { AppError, notFound } from '../../kernel/http/errors.ts';
import type { UnitAsOf } from '../org/index.ts';
import { findUnitAsOf, findUnitsAsOf, unitVersions, versionHoldsOn } from '../org/index.ts';
import { deriveValues, invalidTags } from './activity-feed.ts';
import { planningPolicy } from './planning.policy.ts';
import type { PlanningContext } from './planning.scope.ts';
import {
  findCurrentOrLast,
  loadUnitFor,
  provinceUnitIdOf,
  requireCan,
  UNIT_NOT_FOUND,
} from './planning.scope.ts';
import { activities, indicatorValues } from './planning.table.ts';
import type {
  ActivityListQuery,
  ActivityView,
  CreateActivityBody,
  UpdateActivityBody,
} from './record.contracts.ts';

/**
 * Activities a unit records. Each write re-derives, in the same transaction, the indicator values
 * the activity feeds (rows with activity_id set), so rollups see it at the next request.
 */

const ACTIVITY_NOT_FOUND = 'Không tìm thấy hoạt động.';
type ActivityRow = typeof activities.$inferSelect;
type Participants = { category: string; sex: string | null; count: number }[];

async function checkFacts(
  ctx: PlanningContext,
  tx: Db,
  unit: UnitAsOf,
  facts: { kind: ActivityKind; occurredOn: string; indicatorCodes: string[] },
) {
  const problems = invalidTags(ctx.catalogue, facts.kind, facts.indicatorCodes);
  if (facts.occurredOn > ctx.deps.today()) {
    problems.push({ field: 'occurredOn', message: 'Ngày diễn ra không được sau hôm nay.' });
  } else if (!(await findUnitAsOf(tx, unit.id, facts.occurredOn))) {
    problems.push({
      field: 'occurredOn',
      message: `Đơn vị chưa (hoặc không còn) tồn tại vào ngày ${formatDate(facts.occurredOn)}.`,
    });
  }
  if (problems.length) throw new AppError('validation_failed', 'Hoạt động không hợp lệ.', problems);
}

/** Replaces the values derived from one activity. */
async function writeDerived(ctx: PlanningContext, tx: Db, row: ActivityRow, actor: Actor) {
  await tx.delete(indicatorValues).where(eq(indicatorValues.activityId, row.id));
  const derived = deriveValues(ctx.catalogue, {
    kind: row.kind as ActivityKind,
    participants: row.participants as Participants,
    indicatorCodes: row.indicatorCodes as string[],
  });
  if (derived.length === 0) return derived;
  await tx.insert(indicatorValues).values(
    derived.map((d) => ({
      ...d,
      unitId: row.unitId,
      provinceUnitId: row.provinceUnitId,
      periodKey: row.occurredOn,
      periodFrom: row.occurredOn,
      periodTo: row.occurredOn,
      activityId: row.id,
      enteredBy: actor.userId,
    })),
  );
  return derived;
}

function feedsOf(derived: { indicatorCode: string; value: number }[]) {
  const sums = new Map<string, number>();
  for (const d of derived) sums.set(d.indicatorCode, (sums.get(d.indicatorCode) ?? 0) + d.value);
  return [...sums].map(([indicatorCode, value]) => ({ indicatorCode, value }));
}

function present(
  row: ActivityRow,
  unitName: string,
  feeds: ActivityView['feeds'],
  canEdit: boolean,
): ActivityView {
  const participants = (row.participants as Participants).map((p) => ({
    category: p.category,
    sex: p.sex ?? null,
    count: p.count,
  }));
  return {
    id: row.id,
    unitId: row.unitId,
    unitName,
    kind: row.kind as ActivityKind,
    title: row.title,
    occurredOn: row.occurredOn,
    participants,
    participantTotal: participants.reduce((n, p) => n + p.count, 0),
    evidenceLinks: (row.evidenceLinks as string[]).slice(),
    indicatorCodes: (row.indicatorCodes as string[]).slice(),
    note: row.note,
    feeds,
    createdAt: new Date(row.createdAt).toISOString(),
    abilities: { edit: canEdit },
  };
}

export async function createActivity(
  ctx: PlanningContext,
  actor: Actor,
  body: CreateActivityBody,
): Promise<ActivityView> {
  const today = ctx.deps.today();
  return ctx.deps.db.transaction(async (tx) => {
    const unit = await loadUnitFor(tx, actor, body.unitId, 'recordActivity', today);
    await checkFacts(ctx, tx, unit, body);
    const [row] = await tx
      .insert(activities)
      .values({
        unitId: unit.id,
        provinceUnitId: await provinceUnitIdOf(tx, unit, today),
        kind: body.kind,
        title: body.title,
        occurredOn: body.occurredOn,
        participants: body.participants.map((p) => ({ ...p, sex: p.sex ?? null })),
        evidenceLinks: body.evidenceLinks,
        indicatorCodes: body.indicatorCodes,
        note: body.note ?? null,
        createdBy: actor.userId,
      })
      .returning();
    const derived = await writeDerived(ctx, tx, row!, actor);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'activity.create',
      entity: 'activity',
      entityId: row!.id,
      unitId: unit.id,
      after: { ...row!, derived },
    });
    return present(row!, unit.name, feedsOf(derived), true);
  });
}

/** The activity, if the actor can see its unit (404 otherwise), and the unit. */
async function loadActivity(tx: Db, actor: Actor, id: string, today: string, lock: boolean) {
  const query = tx.select().from(activities).where(eq(activities.id, id));
  const [row] = lock ? await query.for('update') : await query;
  const unit = row ? await findCurrentOrLast(tx, row.unitId, today) : null;
  if (!row || !unit || roleOn(actor, unit.path) === null) throw notFound(ACTIVITY_NOT_FOUND);
  return { row, unit };
}

/** One activity, for its edit form: what it feeds and whether the actor may edit it. */
export async function getActivity(
  ctx: PlanningContext,
  actor: Actor,
  id: string,
): Promise<ActivityView> {
  const { db } = ctx.deps;
  const { row, unit } = await loadActivity(db, actor, id, ctx.deps.today(), false);
  const derived = await db
    .select({ indicatorCode: indicatorValues.indicatorCode, value: indicatorValues.value })
    .from(indicatorValues)
    .where(eq(indicatorValues.activityId, id));
  return present(
    row,
    unit.name,
    feedsOf(derived),
    planningPolicy.can(actor, 'recordActivity', unit.path),
  );
}

export async function updateActivity(
  ctx: PlanningContext,
  actor: Actor,
  id: string,
  changes: UpdateActivityBody,
): Promise<ActivityView> {
  const today = ctx.deps.today();
  return ctx.deps.db.transaction(async (tx) => {
    const { row, unit } = await loadActivity(tx, actor, id, today, true);
    requireCan(actor, 'recordActivity', unit.path);
    const next = {
      kind: changes.kind ?? (row.kind as ActivityKind),
      occurredOn: changes.occurredOn ?? row.occurredOn,
      indicatorCodes: changes.indicatorCodes ?? (row.indicatorCodes as string[]),
    };
    await checkFacts(ctx, tx, unit, next);
    const [after] = await tx
      .update(activities)
      .set({
        ...next,
        ...(changes.title === undefined ? {} : { title: changes.title }),
        ...(changes.participants === undefined
          ? {}
          : { participants: changes.participants.map((p) => ({ ...p, sex: p.sex ?? null })) }),
        ...(changes.evidenceLinks === undefined ? {} : { evidenceLinks: changes.evidenceLinks }),
        ...(changes.note === undefined ? {} : { note: changes.note }),
        updatedAt: new Date(),
      })
      .where(eq(activities.id, id))
      .returning();
    const derived = await writeDerived(ctx, tx, after!, actor);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'activity.update',
      entity: 'activity',
      entityId: id,
      unitId: row.unitId,
      before: row,
      after: { ...after!, derived },
    });
    return present(after!, unit.name, feedsOf(derived), true);
  });
}

export async function deleteActivity(ctx: PlanningContext, actor: Actor, id: string) {
  const today = ctx.deps.today();
  await ctx.deps.db.transaction(async (tx) => {
    const { row, unit } = await loadActivity(tx, actor, id, today, true);
    requireCan(actor, 'recordActivity', unit.path);
    await tx.delete(indicatorValues).where(eq(indicatorValues.activityId, id));
    await tx.delete(activities).where(eq(activities.id, id));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'activity.delete',
      entity: 'activity',
      entityId: id,
      unitId: row.unitId,
      before: row,
    });
  });
}

/** Activities of a unit and the units below it (as the tree stands today), newest first. */
export async function listActivities(ctx: PlanningContext, actor: Actor, query: ActivityListQuery) {
  const { db } = ctx.deps;
  const today = ctx.deps.today();
  const unit = await findUnitAsOf(db, query.unitId, today);
  if (!unit || roleOn(actor, unit.path) === null) throw notFound(UNIT_NOT_FOUND);
  const conditions = [
    sql`${activities.unitId} in (select ${unitVersions.unitId} from ${unitVersions}
      where ${unitVersions.path} <@ ${unit.path}::ltree and ${versionHoldsOn(today)})`,
  ];
  if (query.from) conditions.push(gte(activities.occurredOn, query.from));
  if (query.to) conditions.push(lte(activities.occurredOn, query.to));
  if (query.kind) conditions.push(eq(activities.kind, query.kind));
  const rows = await db
    .select()
    .from(activities)
    .where(and(...conditions))
    .orderBy(desc(activities.occurredOn), desc(activities.createdAt), desc(activities.id))
    .limit(query.pageSize + 1)
    .offset((query.page - 1) * query.pageSize);
  const page = rows.slice(0, query.pageSize);
  const ids = page.map((r) => r.id);
  // Every listed activity's unit is in today's subtree, so it exists today.
  const [derived, pageUnits] = await Promise.all([
    ids.length
      ? db
          .select({
            activityId: indicatorValues.activityId,
            indicatorCode: indicatorValues.indicatorCode,
            value: indicatorValues.value,
          })
          .from(indicatorValues)
          .where(inArray(indicatorValues.activityId, ids))
      : [],
    findUnitsAsOf(db, [...new Set(page.map((r) => r.unitId))], today),
  ]);
  const unitById = new Map(pageUnits.map((u) => [u.id, u]));
  return {
    items: page.map((r) =>
      present(
        r,
        unitById.get(r.unitId)!.name,
        feedsOf(derived.filter((d) => d.activityId === r.id)),
        planningPolicy.can(actor, 'recordActivity', unitById.get(r.unitId)!.path),
      ),
    ),
    page: query.page,
    pageSize: query.pageSize,
    hasMore: rows.length > query.pageSize,
  };
}
