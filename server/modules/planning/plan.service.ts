import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { PlanStatus, TargetScope } from '../../../common/planning.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { isWithin } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/client.ts';
import { AppError } from '../../kernel/http/errors.ts';
import type { UnitAsOf } from '../org/index.ts';
import type { CreatePlanBody, UpdatePlanBody } from './planning.contracts.ts';
import { canReadPlan } from './planning.policy.ts';
import { presentBody } from './planning.presenter.ts';
import type { LoadedPlan, PlanningContext, PlanRow } from './planning.scope.ts';
import {
  findCurrentOrLast,
  isUniqueViolation,
  loadPlanFor,
  loadUnitFor,
  PLAN_NOT_FOUND,
  requirePlanStatus,
} from './planning.scope.ts';
import { planParents, plans, targets, tasks } from './planning.table.ts';
import { inheritedScope } from './target.rules.ts';

/** Writing plans: create (optionally pre-filled from the plans above), edit a draft, issue, close. */

const NUMBER_TAKEN = 'Số kế hoạch này đơn vị đã dùng cho một kế hoạch khác.';

async function requireNumberFree(tx: Db, unitId: string, number: string, exceptId?: string) {
  const conditions = [eq(plans.unitId, unitId), eq(plans.number, number)];
  if (exceptId) conditions.push(ne(plans.id, exceptId));
  const [taken] = await tx
    .select({ id: plans.id })
    .from(plans)
    .where(and(...conditions));
  if (taken)
    throw new AppError('conflict', NUMBER_TAKEN, [{ field: 'number', message: NUMBER_TAKEN }]);
}

/** The plans to implement: issued, by a unit strictly above `unit`, readable by the actor. */
async function loadParentPlans(tx: Db, actor: Actor, unit: UnitAsOf, ids: string[], today: string) {
  if (ids.length === 0) return [];
  const rows = await tx.select().from(plans).where(inArray(plans.id, ids));
  const parents: { plan: PlanRow; issuer: UnitAsOf }[] = [];
  for (const id of ids) {
    const plan = rows.find((r) => r.id === id);
    const issuer = plan ? await findCurrentOrLast(tx, plan.unitId, today) : null;
    if (!plan || !issuer || !canReadPlan(actor, issuer.path, plan.status as PlanStatus)) {
      throw new AppError('not_found', PLAN_NOT_FOUND);
    }
    if (plan.status !== 'issued') {
      throw new AppError(
        'invalid_state',
        `Kế hoạch "${plan.title}" chưa ban hành hoặc đã kết thúc.`,
      );
    }
    if (unit.path === issuer.path || !isWithin(unit.path, issuer.path)) {
      throw new AppError('validation_failed', 'Chỉ thực hiện được kế hoạch của cấp trên.', [
        { field: 'implements', message: `"${plan.title}" không phải kế hoạch của cấp trên.` },
      ]);
    }
    parents.push({ plan, issuer });
  }
  return parents;
}

/** Copies the parents' targets (as derived targets) and tasks into a new draft plan. */
async function prefillFromParents(
  tx: Db,
  planId: string,
  unit: UnitAsOf,
  parents: { plan: PlanRow; issuer: UnitAsOf }[],
) {
  const parentIds = parents.map((p) => p.plan.id);
  const parentTargets = await tx
    .select()
    .from(targets)
    .where(inArray(targets.planId, parentIds))
    .orderBy(asc(targets.sortOrder));
  const parentTasks = await tx
    .select()
    .from(tasks)
    .where(inArray(tasks.planId, parentIds))
    .orderBy(asc(tasks.sortOrder));
  const ordered = <T extends { planId: string }>(rows: T[]) =>
    parentIds.flatMap((id) => rows.filter((r) => r.planId === id));
  const targetRows = ordered(parentTargets).map((t, i) => {
    const issuer = parents.find((p) => p.plan.id === t.planId)!.issuer;
    return {
      planId,
      indicatorCode: t.indicatorCode,
      comparator: t.comparator,
      value: t.value,
      category: t.category,
      periodKey: t.periodKey,
      deadline: t.deadline,
      ...inheritedScope(
        { appliesTo: t.appliesTo as TargetScope, appliesKind: t.appliesKind },
        issuer.id,
        unit,
      ),
      parentTargetId: t.id,
      label: t.label,
      sortOrder: i + 1,
    };
  });
  const taskRows = ordered(parentTasks).map((t, i) => ({
    planId,
    description: t.description,
    leadUnitId: unit.id,
    deadlineKey: t.deadlineKey,
    dueDate: t.dueDate,
    status: 'not_started',
    evidence: null,
    evidenceLinks: [],
    parentTaskId: t.id,
    sortOrder: i + 1,
  }));
  if (targetRows.length) await tx.insert(targets).values(targetRows);
  if (taskRows.length) await tx.insert(tasks).values(taskRows);
  return { targets: targetRows.length, tasks: taskRows.length };
}

export async function createPlan(
  ctx: PlanningContext,
  actor: Actor,
  body: CreatePlanBody,
): Promise<LoadedPlan> {
  const today = ctx.deps.today();
  if (body.prefill && body.implements.length === 0) {
    throw new AppError('validation_failed', 'Cần chọn kế hoạch cấp trên để điền sẵn.', [
      { field: 'implements', message: 'Bắt buộc khi điền sẵn từ kế hoạch cấp trên.' },
    ]);
  }
  try {
    return await ctx.deps.db.transaction(async (tx) => {
      const unit = await loadUnitFor(tx, actor, body.unitId, 'managePlans', today);
      const parents = await loadParentPlans(tx, actor, unit, body.implements, today);
      if (body.number) await requireNumberFree(tx, unit.id, body.number);
      const [plan] = await tx
        .insert(plans)
        .values({
          unitId: unit.id,
          kind: body.kind,
          number: body.number ?? null,
          title: body.title,
          issueDate: body.issueDate ?? null,
          periodStart: body.periodStart,
          periodEnd: body.periodEnd,
          status: 'draft',
          body: presentBody(body.body),
          createdBy: actor.userId,
        })
        .returning();
      if (parents.length) {
        await tx
          .insert(planParents)
          .values(parents.map((p) => ({ planId: plan!.id, parentPlanId: p.plan.id })));
      }
      const prefilled = body.prefill ? await prefillFromParents(tx, plan!.id, unit, parents) : null;
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'plan.create',
        entity: 'plan',
        entityId: plan!.id,
        unitId: unit.id,
        after: { ...plan!, implements: body.implements, prefilled },
      });
      return { plan: { ...plan!, status: 'draft' as const }, issuer: unit };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', NUMBER_TAKEN);
    throw error;
  }
}

export async function updatePlan(
  ctx: PlanningContext,
  actor: Actor,
  planId: string,
  changes: UpdatePlanBody,
): Promise<LoadedPlan> {
  const today = ctx.deps.today();
  try {
    return await ctx.deps.db.transaction(async (tx) => {
      const loaded = await loadPlanFor(tx, actor, planId, 'managePlans', today);
      requirePlanStatus(loaded.plan, ['draft']);
      const before = loaded.plan;
      const start = changes.periodStart ?? before.periodStart;
      const end = changes.periodEnd ?? before.periodEnd;
      if (end < start) {
        throw new AppError('validation_failed', 'Năm kết thúc phải không trước năm bắt đầu.', [
          { field: 'periodEnd', message: 'Năm kết thúc trước năm bắt đầu.' },
        ]);
      }
      if (changes.number) await requireNumberFree(tx, before.unitId, changes.number, before.id);
      const [after] = await tx
        .update(plans)
        .set({
          ...(changes.kind === undefined ? {} : { kind: changes.kind }),
          ...(changes.number === undefined ? {} : { number: changes.number }),
          ...(changes.title === undefined ? {} : { title: changes.title }),
          ...(changes.issueDate === undefined ? {} : { issueDate: changes.issueDate }),
          periodStart: start,
          periodEnd: end,
          ...(changes.body === undefined ? {} : { body: presentBody(changes.body) }),
          updatedAt: new Date(),
        })
        .where(eq(plans.id, planId))
        .returning();
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'plan.update',
        entity: 'plan',
        entityId: planId,
        unitId: before.unitId,
        before,
        after,
      });
      return { plan: { ...after!, status: 'draft' as const }, issuer: loaded.issuer };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', NUMBER_TAKEN);
    throw error;
  }
}

/** draft → issued (needs the official number and the issue date) and issued → closed. */
export async function changePlanStatus(
  ctx: PlanningContext,
  actor: Actor,
  planId: string,
  to: 'issued' | 'closed',
): Promise<LoadedPlan> {
  const today = ctx.deps.today();
  return ctx.deps.db.transaction(async (tx) => {
    const loaded = await loadPlanFor(tx, actor, planId, 'managePlans', today);
    const { plan } = loaded;
    requirePlanStatus(plan, [to === 'issued' ? 'draft' : 'issued']);
    if (to === 'issued') {
      const problems = [
        ...(plan.number ? [] : [{ field: 'number', message: 'Cần số, ký hiệu kế hoạch.' }]),
        ...(plan.issueDate ? [] : [{ field: 'issueDate', message: 'Cần ngày ban hành.' }]),
        ...(plan.issueDate && plan.issueDate > today
          ? [{ field: 'issueDate', message: 'Ngày ban hành không được sau hôm nay.' }]
          : []),
      ];
      if (problems.length) {
        throw new AppError(
          'validation_failed',
          'Kế hoạch chưa đủ thông tin để ban hành.',
          problems,
        );
      }
    }
    const [after] = await tx
      .update(plans)
      .set({ status: to, updatedAt: new Date() })
      .where(eq(plans.id, planId))
      .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: to === 'issued' ? 'plan.issue' : 'plan.close',
      entity: 'plan',
      entityId: planId,
      unitId: plan.unitId,
      before: { status: plan.status },
      after: { status: to },
    });
    return { plan: { ...after!, status: to }, issuer: loaded.issuer };
  });
}
