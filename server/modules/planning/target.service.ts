import { and, eq, sql } from 'drizzle-orm';
import type { Comparator, TargetScope } from '../../../common/planning.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/client.ts';
import { AppError, notFound } from '../../kernel/http/errors.ts';
import type { Indicator } from './indicator.types.ts';
import type { CreateTargetBody, TargetView, UpdateTargetBody } from './planning.contracts.ts';
import type { TargetRow } from './planning.presenter.ts';
import { presentTarget } from './planning.presenter.ts';
import type { LoadedPlan, PlanningContext } from './planning.scope.ts';
import { loadPlanFor, requirePlanStatus } from './planning.scope.ts';
import { planParents, targets } from './planning.table.ts';
import { checkTargetTerms, requireNotLooser } from './target.rules.ts';

/** Targets are written while their plan is a draft, by an admin of the issuing unit. */

const TARGET_NOT_FOUND = 'Không tìm thấy chỉ tiêu.';

function indicatorOf(ctx: PlanningContext, code: string): Indicator {
  const indicator = ctx.catalogue.get(code);
  if (!indicator) {
    throw new AppError('validation_failed', 'Chỉ số không có trong danh mục.', [
      { field: 'indicatorCode', message: `Không có chỉ số "${code}".` },
    ]);
  }
  return indicator;
}

/** The parent target, which must belong to a plan this plan implements. */
async function loadParentTarget(tx: Db, planId: string, parentTargetId: string) {
  const [parent] = await tx
    .select({ target: targets })
    .from(targets)
    .innerJoin(
      planParents,
      and(eq(planParents.parentPlanId, targets.planId), eq(planParents.planId, planId)),
    )
    .where(eq(targets.id, parentTargetId));
  if (!parent) {
    throw new AppError(
      'validation_failed',
      'Chỉ tiêu cấp trên không thuộc kế hoạch được thực hiện.',
      [{ field: 'parentTargetId', message: 'Không thuộc kế hoạch cấp trên của kế hoạch này.' }],
    );
  }
  return parent.target;
}

type Terms = {
  indicatorCode: string;
  comparator: Comparator;
  value: number;
  category: string | null;
  periodKey: string | null;
  deadline: string | null;
  appliesTo: TargetScope;
  appliesKind: string | null;
  parentTargetId: string | null;
};

async function checkTerms(ctx: PlanningContext, tx: Db, loaded: LoadedPlan, terms: Terms) {
  const indicator = indicatorOf(ctx, terms.indicatorCode);
  checkTargetTerms(terms, indicator, loaded.plan.periodStart);
  if (terms.parentTargetId) {
    const parent = await loadParentTarget(tx, loaded.plan.id, terms.parentTargetId);
    requireNotLooser(
      terms,
      {
        indicatorCode: parent.indicatorCode,
        comparator: parent.comparator as Comparator,
        value: parent.value,
        category: parent.category,
      },
      indicator.unitLabel,
    );
  }
  return indicator;
}

export async function createTarget(
  ctx: PlanningContext,
  actor: Actor,
  planId: string,
  body: CreateTargetBody,
): Promise<TargetView> {
  const today = ctx.deps.today();
  return ctx.deps.db.transaction(async (tx) => {
    const loaded = await loadPlanFor(tx, actor, planId, 'managePlans', today);
    requirePlanStatus(loaded.plan, ['draft']);
    const terms: Terms = {
      indicatorCode: body.indicatorCode,
      comparator: body.comparator,
      value: body.value,
      category: body.category ?? null,
      periodKey: body.period ?? null,
      deadline: body.deadline ?? null,
      appliesTo: body.appliesTo,
      appliesKind: body.appliesKind ?? null,
      parentTargetId: body.parentTargetId ?? null,
    };
    const indicator = await checkTerms(ctx, tx, loaded, terms);
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${targets.sortOrder}), 0)::int + 1` })
      .from(targets)
      .where(eq(targets.planId, planId))) as [{ next: number }];
    const [row] = await tx
      .insert(targets)
      .values({ planId, ...terms, label: body.label ?? null, sortOrder: Number(next) })
      .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'target.create',
      entity: 'target',
      entityId: row!.id,
      unitId: loaded.plan.unitId,
      after: row,
    });
    return presentTarget(row!, indicator, loaded.plan.periodStart);
  });
}

/** The target and its plan, loaded for a write by an admin of the plan's issuing unit. */
async function loadTargetFor(tx: Db, actor: Actor, targetId: string, today: string) {
  const [row] = await tx.select().from(targets).where(eq(targets.id, targetId)).for('update');
  if (!row) throw notFound(TARGET_NOT_FOUND);
  const loaded = await loadPlanFor(tx, actor, row.planId, 'managePlans', today).catch(
    (error: unknown) => {
      // A hidden plan hides its targets: its 404 speaks of the target.
      if (error instanceof AppError && error.code === 'not_found') throw notFound(TARGET_NOT_FOUND);
      throw error;
    },
  );
  requirePlanStatus(loaded.plan, ['draft']);
  return { row, loaded };
}

export async function updateTarget(
  ctx: PlanningContext,
  actor: Actor,
  targetId: string,
  changes: UpdateTargetBody,
): Promise<TargetView> {
  const today = ctx.deps.today();
  return ctx.deps.db.transaction(async (tx) => {
    const { row, loaded } = await loadTargetFor(tx, actor, targetId, today);
    const periodChanged = changes.period !== undefined || changes.deadline !== undefined;
    const terms: Terms = {
      indicatorCode: row.indicatorCode,
      comparator: changes.comparator ?? (row.comparator as Comparator),
      value: changes.value ?? row.value,
      category: changes.category === undefined ? row.category : changes.category,
      periodKey: periodChanged ? (changes.period ?? null) : row.periodKey,
      deadline: periodChanged ? (changes.deadline ?? null) : row.deadline,
      appliesTo: changes.appliesTo ?? (row.appliesTo as TargetScope),
      appliesKind: changes.appliesKind === undefined ? row.appliesKind : changes.appliesKind,
      parentTargetId: row.parentTargetId,
    };
    if (terms.appliesTo !== 'each_of_kind' && changes.appliesKind === undefined) {
      terms.appliesKind = null;
    }
    if (Boolean(terms.periodKey) === Boolean(terms.deadline)) {
      throw new AppError('validation_failed', 'Cần đúng một trong hai: kỳ hoặc hạn.', [
        { field: 'period', message: 'Cần đúng một trong hai: kỳ (period) hoặc hạn (deadline).' },
      ]);
    }
    const indicator = await checkTerms(ctx, tx, loaded, terms);
    const [after] = await tx
      .update(targets)
      .set({
        comparator: terms.comparator,
        value: terms.value,
        category: terms.category,
        periodKey: terms.periodKey,
        deadline: terms.deadline,
        appliesTo: terms.appliesTo,
        appliesKind: terms.appliesKind,
        ...(changes.label === undefined ? {} : { label: changes.label }),
      })
      .where(eq(targets.id, targetId))
      .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'target.update',
      entity: 'target',
      entityId: targetId,
      unitId: loaded.plan.unitId,
      before: row,
      after,
    });
    return presentTarget(after as TargetRow, indicator, loaded.plan.periodStart);
  });
}

export async function deleteTarget(ctx: PlanningContext, actor: Actor, targetId: string) {
  const today = ctx.deps.today();
  await ctx.deps.db.transaction(async (tx) => {
    const { row, loaded } = await loadTargetFor(tx, actor, targetId, today);
    await tx.delete(targets).where(eq(targets.id, targetId));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'target.delete',
      entity: 'target',
      entityId: targetId,
      unitId: loaded.plan.unitId,
      before: row,
    });
  });
}
