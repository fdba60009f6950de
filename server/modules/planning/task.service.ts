import { eq, sql } from 'drizzle-orm';
import { deadlineDueDate, deadlineKey, parseDeadline } from '../../../common/period.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { isWithin } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/client.ts';
import { AppError, notFound } from '../../kernel/http/errors.ts';
import { findUnitAsOf, findUnitsAsOf } from '../org/index.ts';
import { presentPlanTasks } from './plan.queries.ts';
import type { CreateTaskBody, TaskView, UpdateTaskBody } from './planning.contracts.ts';
import { planningPolicy } from './planning.policy.ts';
import type { LoadedPlan, PlanningContext } from './planning.scope.ts';
import { loadReadablePlan, requireCan, requirePlanStatus } from './planning.scope.ts';
import { taskCooperators, tasks } from './planning.table.ts';

/**
 * Tasks: editors of the plan's issuing unit write them (while the plan is not closed); editors of
 * the lead unit or of the issuing unit report progress on them once the plan is issued.
 */

const TASK_NOT_FOUND = 'Không tìm thấy nhiệm vụ.';

/** Lead and cooperating units exist today and lie within the plan's issuing unit's subtree. */
async function requireUnitsInPlan(tx: Db, loaded: LoadedPlan, ids: string[], today: string) {
  const unique = [...new Set(ids)];
  const found = await findUnitsAsOf(tx, unique, today);
  const outside = unique.filter((id) => {
    const unit = found.find((u) => u.id === id);
    return !unit || !isWithin(unit.path, loaded.issuer.path);
  });
  if (outside.length > 0) {
    throw new AppError(
      'validation_failed',
      'Đơn vị chủ trì, phối hợp phải là đơn vị ban hành kế hoạch hoặc đơn vị cấp dưới.',
      outside.map((id) => ({
        field: 'units',
        message: `Đơn vị ${id} không thuộc phạm vi kế hoạch.`,
      })),
    );
  }
}

function dueOf(text: string) {
  const deadline = parseDeadline(text)!;
  return { deadlineKey: deadlineKey(deadline), dueDate: deadlineDueDate(deadline) };
}

async function readBack(tx: Db, actor: Actor, loaded: LoadedPlan, id: string, today: string) {
  const [row] = await tx.select().from(tasks).where(eq(tasks.id, id));
  const [view] = await presentPlanTasks(tx, actor, loaded, [row!], today);
  return view!;
}

export async function createTask(
  ctx: PlanningContext,
  actor: Actor,
  planId: string,
  body: CreateTaskBody,
): Promise<TaskView> {
  const today = ctx.deps.today();
  return ctx.deps.db.transaction(async (tx) => {
    const loaded = await loadReadablePlan(tx, actor, planId, today, true);
    requireCan(actor, 'manageTasks', loaded.issuer.path);
    requirePlanStatus(loaded.plan, ['draft', 'issued']);
    const leadUnitId = body.leadUnitId ?? loaded.plan.unitId;
    await requireUnitsInPlan(tx, loaded, [leadUnitId, ...body.cooperatingUnitIds], today);
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${tasks.sortOrder}), 0)::int + 1` })
      .from(tasks)
      .where(eq(tasks.planId, planId))) as [{ next: number }];
    const [row] = await tx
      .insert(tasks)
      .values({
        planId,
        description: body.description,
        leadUnitId,
        ...dueOf(body.deadline),
        status: 'not_started',
        evidenceLinks: [],
        sortOrder: Number(next),
      })
      .returning();
    if (body.cooperatingUnitIds.length) {
      await tx
        .insert(taskCooperators)
        .values(body.cooperatingUnitIds.map((unitId) => ({ taskId: row!.id, unitId })));
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'task.create',
      entity: 'task',
      entityId: row!.id,
      unitId: loaded.plan.unitId,
      after: { ...row!, cooperatingUnitIds: body.cooperatingUnitIds },
    });
    return readBack(tx, actor, loaded, row!.id, today);
  });
}

/** The task and its plan; 404 when the actor cannot read the plan. */
async function loadTask(tx: Db, actor: Actor, taskId: string, today: string) {
  const [row] = await tx.select().from(tasks).where(eq(tasks.id, taskId)).for('update');
  if (!row) throw notFound(TASK_NOT_FOUND);
  const loaded = await loadReadablePlan(tx, actor, row.planId, today, true).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') throw notFound(TASK_NOT_FOUND);
      throw error;
    },
  );
  return { row, loaded };
}

const STRUCTURE = ['description', 'leadUnitId', 'cooperatingUnitIds', 'deadline'] as const;

export async function updateTask(
  ctx: PlanningContext,
  actor: Actor,
  taskId: string,
  changes: UpdateTaskBody,
): Promise<TaskView> {
  const today = ctx.deps.today();
  return ctx.deps.db.transaction(async (tx) => {
    const { row, loaded } = await loadTask(tx, actor, taskId, today);
    const restructures = STRUCTURE.some((k) => changes[k] !== undefined);
    const reports =
      changes.status !== undefined ||
      changes.evidence !== undefined ||
      changes.evidenceLinks !== undefined;
    if (restructures) {
      requireCan(actor, 'manageTasks', loaded.issuer.path);
      requirePlanStatus(loaded.plan, ['draft', 'issued']);
    }
    if (reports) {
      const lead = await findUnitAsOf(tx, row.leadUnitId, today);
      const allowed =
        planningPolicy.can(actor, 'reportTaskProgress', loaded.issuer.path) ||
        (lead !== null && planningPolicy.can(actor, 'reportTaskProgress', lead.path));
      if (!allowed) throw new AppError('forbidden');
      requirePlanStatus(loaded.plan, ['issued']);
    }
    const leadUnitId = changes.leadUnitId ?? row.leadUnitId;
    const cooperating = changes.cooperatingUnitIds;
    if (changes.leadUnitId !== undefined || cooperating !== undefined) {
      await requireUnitsInPlan(tx, loaded, [leadUnitId, ...(cooperating ?? [])], today);
    }
    const status = changes.status ?? row.status;
    const [after] = await tx
      .update(tasks)
      .set({
        ...(changes.description === undefined ? {} : { description: changes.description }),
        leadUnitId,
        ...(changes.deadline === undefined ? {} : dueOf(changes.deadline)),
        status,
        completedOn: status === 'done' ? (row.completedOn ?? today) : null,
        ...(changes.evidence === undefined ? {} : { evidence: changes.evidence }),
        ...(changes.evidenceLinks === undefined ? {} : { evidenceLinks: changes.evidenceLinks }),
        updatedAt: new Date(),
      })
      .where(eq(tasks.id, taskId))
      .returning();
    if (cooperating !== undefined) {
      await tx.delete(taskCooperators).where(eq(taskCooperators.taskId, taskId));
      if (cooperating.length) {
        await tx.insert(taskCooperators).values(cooperating.map((unitId) => ({ taskId, unitId })));
      }
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'task.update',
      entity: 'task',
      entityId: taskId,
      unitId: loaded.plan.unitId,
      before: row,
      after: { ...after!, ...(cooperating ? { cooperatingUnitIds: cooperating } : {}) },
    });
    return readBack(tx, actor, loaded, taskId, today);
  });
}

/** Only a draft's tasks can be deleted; an issued plan's tasks are reported on instead. */
export async function deleteTask(ctx: PlanningContext, actor: Actor, taskId: string) {
  const today = ctx.deps.today();
  await ctx.deps.db.transaction(async (tx) => {
    const { row, loaded } = await loadTask(tx, actor, taskId, today);
    requireCan(actor, 'manageTasks', loaded.issuer.path);
    requirePlanStatus(loaded.plan, ['draft']);
    await tx.delete(tasks).where(eq(tasks.id, taskId));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'task.delete',
      entity: 'task',
      entityId: taskId,
      unitId: loaded.plan.unitId,
      before: row,
    });
  });
}
