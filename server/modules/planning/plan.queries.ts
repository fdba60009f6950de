import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { PlanStatus } from '../../../common/planning.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { isWithin, roleOn } from '../../kernel/auth/actor.ts';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';
import { notFound } from '../../kernel/http/errors.ts';
import { findUnitAsOf, findUnitsAsOf, unitVersions, versionHoldsOn } from '../org/index.ts';
import type {
  PlanAbilities,
  PlanDetailResponse,
  PlanView,
  TaskView,
} from './planning.contracts.ts';
import { planningPolicy } from './planning.policy.ts';
import type { PlanRef, TaskRow } from './planning.presenter.ts';
import { presentBody, presentPlan, presentTarget, presentTask } from './planning.presenter.ts';
import type { LoadedPlan, PlanningContext, PlanRow } from './planning.scope.ts';
import { loadReadablePlan, UNIT_NOT_FOUND, unitNames } from './planning.scope.ts';
import { planParents, plans, targets, taskCooperators, tasks } from './planning.table.ts';

/** Reading plans: one plan with its targets and tasks, a unit's plans, plans to implement. */

/** The plans each of `planIds` implements, with their issuers' names. */
async function parentRefs(db: Db, planIds: string[], today: IsoDate) {
  const byPlan = new Map<string, PlanRef[]>();
  if (planIds.length === 0) return byPlan;
  const rows = await db
    .select({
      planId: planParents.planId,
      id: plans.id,
      number: plans.number,
      title: plans.title,
      unitId: plans.unitId,
    })
    .from(planParents)
    .innerJoin(plans, eq(plans.id, planParents.parentPlanId))
    .where(inArray(planParents.planId, planIds))
    .orderBy(asc(plans.issueDate), asc(plans.id));
  const names = await unitNames(
    db,
    rows.map((r) => r.unitId),
    today,
  );
  for (const r of rows) {
    const refs = byPlan.get(r.planId) ?? [];
    refs.push({ ...r, unitName: names.get(r.unitId) ?? '' });
    byPlan.set(r.planId, refs);
  }
  return byPlan;
}

async function presentPlans(db: Db, rows: PlanRow[], today: IsoDate): Promise<PlanView[]> {
  const [parents, names] = await Promise.all([
    parentRefs(
      db,
      rows.map((r) => r.id),
      today,
    ),
    unitNames(
      db,
      rows.map((r) => r.unitId),
      today,
    ),
  ]);
  return rows.map((r) => presentPlan(r, names.get(r.unitId) ?? '', parents.get(r.id) ?? []));
}

export function planAbilities(actor: Actor, loaded: LoadedPlan): PlanAbilities {
  const { status } = loaded.plan;
  const admin = planningPolicy.can(actor, 'managePlans', loaded.issuer.path);
  return {
    update: admin && status === 'draft',
    issue: admin && status === 'draft',
    close: admin && status === 'issued',
    manageTargets: admin && status === 'draft',
    manageTasks:
      status !== 'closed' && planningPolicy.can(actor, 'manageTasks', loaded.issuer.path),
  };
}

/** Tasks of a plan with names, cooperators and the actor's abilities on each. */
export async function presentPlanTasks(
  db: Db,
  actor: Actor,
  loaded: LoadedPlan,
  rows: TaskRow[],
  today: IsoDate,
): Promise<TaskView[]> {
  const ids = rows.map((t) => t.id);
  const cooperators =
    ids.length === 0
      ? []
      : await db.select().from(taskCooperators).where(inArray(taskCooperators.taskId, ids));
  const unitIds = [...rows.map((t) => t.leadUnitId), ...cooperators.map((c) => c.unitId)];
  const [names, leads] = await Promise.all([
    unitNames(db, unitIds, today),
    findUnitsAsOf(
      db,
      rows.map((t) => t.leadUnitId),
      today,
    ),
  ]);
  const leadPath = new Map(leads.map((u) => [u.id, u.path]));
  const { status } = loaded.plan;
  const canEdit =
    status !== 'closed' && planningPolicy.can(actor, 'manageTasks', loaded.issuer.path);
  return rows.map((t) => {
    const lead = leadPath.get(t.leadUnitId);
    const reportProgress =
      status === 'issued' &&
      (planningPolicy.can(actor, 'reportTaskProgress', loaded.issuer.path) ||
        (lead !== undefined && planningPolicy.can(actor, 'reportTaskProgress', lead)));
    const mine = cooperators.filter((c) => c.taskId === t.id).map((c) => c.unitId);
    return presentTask(t, names, mine, today, { edit: canEdit, reportProgress });
  });
}

export async function readPlanDetail(
  ctx: PlanningContext,
  actor: Actor,
  loaded: LoadedPlan,
): Promise<PlanDetailResponse> {
  const { db } = ctx.deps;
  const today = ctx.deps.today();
  const [[view], targetRows, taskRows] = await Promise.all([
    presentPlans(db, [loaded.plan], today),
    db
      .select()
      .from(targets)
      .where(eq(targets.planId, loaded.plan.id))
      .orderBy(asc(targets.sortOrder)),
    db.select().from(tasks).where(eq(tasks.planId, loaded.plan.id)).orderBy(asc(tasks.sortOrder)),
  ]);
  return {
    plan: { ...view!, body: presentBody(loaded.plan.body) },
    targets: targetRows.map((t) =>
      presentTarget(t, ctx.catalogue.get(t.indicatorCode)!, loaded.plan.periodStart),
    ),
    tasks: await presentPlanTasks(db, actor, loaded, taskRows, today),
    abilities: planAbilities(actor, loaded),
  };
}

export async function getPlan(
  ctx: PlanningContext,
  actor: Actor,
  planId: string,
): Promise<PlanDetailResponse> {
  const loaded = await loadReadablePlan(ctx.deps.db, actor, planId, ctx.deps.today());
  return readPlanDetail(ctx, actor, loaded);
}

/**
 * A unit's plans: all of them for whoever sees the unit; only issued and closed ones for people
 * working below it; 404 for anyone else.
 */
export async function listPlans(
  ctx: PlanningContext,
  actor: Actor,
  unitId: string,
  status: PlanStatus | undefined,
): Promise<PlanView[]> {
  const { db } = ctx.deps;
  const today = ctx.deps.today();
  const unit = await findUnitAsOf(db, unitId, today);
  if (!unit) throw notFound(UNIT_NOT_FOUND);
  const seesDrafts = roleOn(actor, unit.path) !== null;
  if (!seesDrafts && !actor.grants.some((g) => isWithin(g.path, unit.path))) {
    throw notFound(UNIT_NOT_FOUND);
  }
  const conditions = [eq(plans.unitId, unitId)];
  if (status) conditions.push(eq(plans.status, status));
  if (!seesDrafts) conditions.push(sql`${plans.status} <> 'draft'`);
  const rows = await db
    .select()
    .from(plans)
    .where(and(...conditions))
    .orderBy(desc(plans.periodStart), desc(plans.createdAt));
  return presentPlans(db, rows, today);
}

/**
 * Plans issued by the unit's ancestors (as the tree stands today) that the unit has not yet
 * implemented with a plan of its own that is issued or closed. A draft implementation in
 * progress is pointed to by draftPlanId.
 */
export async function listPlansToImplement(ctx: PlanningContext, actor: Actor, unitId: string) {
  const { db } = ctx.deps;
  const today = ctx.deps.today();
  const unit = await findUnitAsOf(db, unitId, today);
  if (!unit || roleOn(actor, unit.path) === null) throw notFound(UNIT_NOT_FOUND);
  const ancestors = await db
    .select({ unitId: unitVersions.unitId, path: unitVersions.path })
    .from(unitVersions)
    .where(
      and(
        sql`${unitVersions.path} @> ${unit.path}::ltree`,
        sql`${unitVersions.path} <> ${unit.path}::ltree`,
        versionHoldsOn(today),
      ),
    );
  if (ancestors.length === 0) return [];
  const depth = new Map(ancestors.map((a) => [a.unitId, a.path.split('.').length]));
  const rows = await db
    .select()
    .from(plans)
    .where(
      and(
        inArray(
          plans.unitId,
          ancestors.map((a) => a.unitId),
        ),
        eq(plans.status, 'issued'),
        sql`not exists (select 1 from ${planParents} pp join ${plans} c on c.id = pp.plan_id
          where pp.parent_plan_id = ${plans.id} and c.unit_id = ${unitId}::uuid
            and c.status <> 'draft')`,
      ),
    );
  rows.sort(
    (a, b) =>
      depth.get(b.unitId)! - depth.get(a.unitId)! ||
      (b.issueDate ?? '').localeCompare(a.issueDate ?? ''),
  );
  const drafts = rows.length
    ? await db
        .select({ parentId: planParents.parentPlanId, id: plans.id })
        .from(planParents)
        .innerJoin(plans, eq(plans.id, planParents.planId))
        .where(
          and(
            inArray(
              planParents.parentPlanId,
              rows.map((r) => r.id),
            ),
            eq(plans.unitId, unitId),
            eq(plans.status, 'draft'),
          ),
        )
    : [];
  const views = await presentPlans(db, rows, today);
  return views.map((v) => ({
    ...v,
    draftPlanId: drafts.find((d) => d.parentId === v.id)?.id ?? null,
  }));
}
