import { and, asc, eq, inArray, lt, ne, or, sql } from 'drizzle-orm';
import { daysBetween, formatDeadline, periodsElapsed } from '../../../common/period.ts';
import type { Comparator, PlanStatus, TargetScope } from '../../../common/planning.ts';
import { PLANNING_LIMITS } from '../../../common/planning.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { UnitAsOf } from '../org/index.ts';
import { findChildrenAsOf, findUnitAsOf, unitVersions, versionHoldsOn } from '../org/index.ts';
import type { Catalogue } from './catalogue.service.ts';
import type { Indicator } from './indicator.types.ts';
import { planningPolicy } from './planning.policy.ts';
import { presentTarget, taskDeadline, targetWindow } from './planning.presenter.ts';
import type { PlanningContext } from './planning.scope.ts';
import { loadViewableUnit, unitNames } from './planning.scope.ts';
import { plans, targets, tasks } from './planning.table.ts';
import { emptyParts } from './rollup.aggregate.ts';
import type { RollupResult, RollupSpec } from './rollup.engine.ts';
import { evaluateRollups } from './rollup.engine.ts';
import { sortUnits, unitBrief } from './rollup.service.ts';
import { targetStatus, trajectoryOf } from './target-status.ts';
import type { DashboardResponse, DashboardTarget, LateTask } from './view.contracts.ts';

/**
 * GET /planning/dashboard: a unit's targets with value, status and progress, its children
 * compared, and overdue tasks — computed live from the facts at request time.
 *
 * Targets shown: those of the unit's own issued plans, and those of issued plans of the levels
 * above that are set for it (for each child of the issuer, or each unit of its kind).
 */

export type TargetRowWithPlan = {
  target: typeof targets.$inferSelect;
  plan: { id: string; number: string | null; title: string; unitId: string; periodStart: number };
};

/** Which plans' targets: issued ones by default; reports also read closed plans of the past. */
export type TargetFilter = { statuses?: PlanStatus[]; planIds?: string[] };

/** The targets that bind `unit` on `asOf` (see the module comment), the unit's own plans first. */
export async function targetsFor(
  db: Db,
  unit: UnitAsOf,
  asOf: IsoDate,
  filter: TargetFilter = {},
): Promise<TargetRowWithPlan[]> {
  const ancestors = db
    .select({ id: unitVersions.unitId })
    .from(unitVersions)
    .where(
      and(
        sql`${unitVersions.path} @> ${unit.path}::ltree`,
        sql`${unitVersions.path} <> ${unit.path}::ltree`,
        versionHoldsOn(asOf),
      ),
    );
  const inheritedScope = or(
    and(
      eq(targets.appliesTo, 'each_child'),
      unit.parentId ? eq(plans.unitId, unit.parentId) : sql`false`,
    ),
    and(eq(targets.appliesTo, 'each_of_kind'), eq(targets.appliesKind, unit.kind)),
  );
  const rows = await db
    .select({
      target: targets,
      plan: {
        id: plans.id,
        number: plans.number,
        title: plans.title,
        unitId: plans.unitId,
        periodStart: plans.periodStart,
      },
    })
    .from(targets)
    .innerJoin(plans, eq(plans.id, targets.planId))
    .where(
      and(
        inArray(plans.status, filter.statuses ?? ['issued']),
        filter.planIds ? inArray(plans.id, filter.planIds) : undefined,
        or(eq(plans.unitId, unit.id), and(inArray(plans.unitId, ancestors), inheritedScope)),
      ),
    )
    .orderBy(asc(plans.issueDate), asc(plans.id), asc(targets.sortOrder));
  // The unit's own plans first, then those from above.
  return [
    ...rows.filter((r) => r.plan.unitId === unit.id),
    ...rows.filter((r) => r.plan.unitId !== unit.id),
  ];
}

/** Whether a child is itself bound by the target, so that a status means something for it. */
function bindsChild(row: TargetRowWithPlan, ownPlan: boolean, indicator: Indicator, kind: string) {
  const scope = row.target.appliesTo as TargetScope;
  if (ownPlan && scope === 'each_child') return true;
  if (ownPlan && scope === 'each_of_kind') return row.target.appliesKind === kind;
  return indicator.measure !== 'count';
}

async function lateTasks(db: Db, unit: UnitAsOf, asOf: IsoDate): Promise<LateTask[]> {
  const subtree = db
    .select({ id: unitVersions.unitId })
    .from(unitVersions)
    .where(and(sql`${unitVersions.path} <@ ${unit.path}::ltree`, versionHoldsOn(asOf)));
  const rows = await db
    .select({ task: tasks, planTitle: plans.title })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(
      and(
        eq(plans.status, 'issued'),
        ne(tasks.status, 'done'),
        lt(tasks.dueDate, asOf),
        or(eq(plans.unitId, unit.id), inArray(tasks.leadUnitId, subtree)),
      ),
    )
    .orderBy(asc(tasks.dueDate), asc(tasks.id))
    .limit(PLANNING_LIMITS.lateTasksShown);
  const names = await unitNames(
    db,
    rows.map((r) => r.task.leadUnitId),
    asOf,
  );
  return rows.map(({ task, planTitle }) => ({
    id: task.id,
    planId: task.planId,
    planTitle,
    description: task.description,
    leadUnit: { id: task.leadUnitId, name: names.get(task.leadUnitId) ?? '' },
    deadline: {
      key: task.deadlineKey,
      label: formatDeadline(taskDeadline(task.deadlineKey)),
      dueDate: task.dueDate,
    },
    status: task.status,
    daysLate: daysBetween(task.dueDate!, asOf),
  }));
}

export async function dashboard(
  ctx: PlanningContext,
  actor: Actor,
  query: { unitId: string; asOf?: string | undefined },
): Promise<DashboardResponse> {
  const { db } = ctx.deps;
  const today = ctx.deps.today();
  const asOf = query.asOf ?? today;
  const unit = await loadViewableUnit(db, actor, query.unitId, asOf, today);
  const rows = await targetsFor(db, unit, asOf);
  const current = asOf === today ? unit : await findUnitAsOf(db, unit.id, today);
  const can = (a: 'recordActivity' | 'recordValue' | 'managePlans') =>
    current !== null && planningPolicy.can(actor, a, current.path);
  return {
    unit: unitBrief(unit),
    asOf,
    targets: await evaluateTargets(db, ctx.catalogue, unit, asOf, rows),
    lateTasks: await lateTasks(db, unit, asOf),
    abilities: {
      recordActivity: can('recordActivity'),
      recordValue: can('recordValue'),
      managePlans: can('managePlans'),
    },
  };
}

/**
 * Value, status, progress and the children compared, for each target row, on `asOf`: the
 * dashboard's table, also what a report is pre-filled with.
 */
export async function evaluateTargets(
  db: Db,
  catalogue: Catalogue,
  unit: UnitAsOf,
  asOf: IsoDate,
  rows: TargetRowWithPlan[],
): Promise<DashboardTarget[]> {
  const specs: RollupSpec[] = rows.map(({ target: t, plan }) => {
    const window = targetWindow(t, plan.periodStart);
    const own = plan.unitId === unit.id;
    return {
      key: t.id,
      indicator: catalogue.get(t.indicatorCode)!,
      window: { from: window.from, to: window.to },
      category: t.category,
      ...(own && t.appliesTo !== 'issuer'
        ? {
            perUnit: {
              comparator: t.comparator as Comparator,
              value: t.value,
              candidates: t.appliesTo === 'each_child' ? 'children' : [t.appliesKind!],
            },
          }
        : {}),
    };
  });
  const results = await evaluateRollups(db, catalogue, unit.id, asOf, specs);
  const childrenOn = new Map<string, UnitAsOf[]>();
  for (const r of results.values()) {
    if (r.rootPath && !childrenOn.has(r.treeDate)) {
      childrenOn.set(r.treeDate, sortUnits(await findChildrenAsOf(db, unit.id, r.treeDate)));
    }
  }
  return rows.map((row, i) =>
    presentDashboardTarget(row, specs[i]!, results.get(row.target.id)!, unit, asOf, childrenOn),
  );
}

function presentDashboardTarget(
  row: TargetRowWithPlan,
  spec: RollupSpec,
  result: RollupResult,
  unit: UnitAsOf,
  asOf: IsoDate,
  childrenOn: Map<string, UnitAsOf[]>,
): DashboardTarget {
  const { target: t, plan } = row;
  const { indicator, window } = spec;
  const own = plan.unitId === unit.id;
  const judge = (value: number | null) =>
    targetStatus({
      comparator: t.comparator as Comparator,
      target: t.value,
      value,
      window,
      asOf,
      ...trajectoryOf(indicator),
    });
  const bindsUnit = !own || t.appliesTo === 'issuer';
  const self = bindsUnit ? judge(result.total.value) : null;
  const none = emptyParts(indicator, periodsElapsed(indicator.periodType, window, asOf));
  const children = (childrenOn.get(result.treeDate) ?? []).map((child) => {
    const parts = result.byChild.get(child.path) ?? none;
    const status = bindsChild(row, own, indicator, child.kind) ? judge(parts.value) : null;
    return {
      ...unitBrief(child),
      ...parts,
      status: status?.status ?? null,
      progress: status?.progress ?? null,
    };
  });
  return {
    target: presentTarget(t, indicator, plan.periodStart),
    plan: { id: plan.id, number: plan.number, title: plan.title },
    inherited: !own,
    treeDate: result.treeDate,
    actual: result.total,
    status: self?.status ?? null,
    progress: self?.progress ?? null,
    unitsMeeting: result.unitsMeeting,
    children,
  };
}
