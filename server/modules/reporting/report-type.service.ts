import { asc, eq } from 'drizzle-orm';
import { parsePeriodKey } from '../../../common/period.ts';
import { PLAN_KIND_LABELS } from '../../../common/planning.ts';
import type { PlanKind } from '../../../common/planning.ts';
import type { ReportKind } from '../../../common/reporting.ts';
import {
  formatDueRule,
  formatReportPeriod,
  REPORT_KIND_LABELS,
  REPORTING_LIMITS,
} from '../../../common/reporting.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { loadReadablePlan } from '../planning/index.ts';
import type { CreateReportTypeBody, ReportTypeView } from './reporting.contracts.ts';
import { reportingPolicy } from './reporting.policy.ts';
import type { LoadedReportType, ReportingContext } from './reporting.scope.ts';
import { loadReportType, periodsOf, requireCan, scheduleOf } from './reporting.scope.ts';
import { reportTypes } from './reporting.table.ts';

/** Report types of a plan: created by the plan's unit's admins, listed with their periods. */

export function presentReportType(actor: Actor, loaded: LoadedReportType): ReportTypeView {
  const { type, plan } = loaded;
  const path = plan.issuer.path;
  return {
    id: type.id,
    planId: type.planId,
    planTitle: plan.plan.title,
    unitId: plan.plan.unitId,
    kind: type.kind as ReportKind,
    name: type.name,
    periodSlot: type.periodSlot,
    dueRule: formatDueRule(scheduleOf(type)),
    reporterKinds: [...(type.reporterKinds as string[])],
    periods: periodsOf(loaded).map((p) => ({ ...p, label: formatReportPeriod(p.key) })),
    abilities: {
      manage: reportingPolicy.can(actor, 'manageReportTypes', path),
      remind: reportingPolicy.can(actor, 'remind', path),
    },
  };
}

function defaultName(kind: ReportKind, planKind: string): string {
  const what = PLAN_KIND_LABELS[planKind as PlanKind] ?? 'Kế hoạch';
  return `${REPORT_KIND_LABELS[kind]} kết quả thực hiện ${what.toLowerCase()}`;
}

export async function createReportType(
  ctx: ReportingContext,
  actor: Actor,
  planId: string,
  body: CreateReportTypeBody,
): Promise<ReportTypeView> {
  const today = ctx.deps.today();
  return ctx.deps.db.transaction(async (tx) => {
    const plan = await loadReadablePlan(tx, actor, planId, today, true);
    requireCan(actor, 'manageReportTypes', plan.issuer.path);
    if (plan.plan.status === 'closed') {
      throw new AppError('invalid_state', 'Kế hoạch đã kết thúc: không thể thêm loại báo cáo.');
    }
    const existing = await tx
      .select({ id: reportTypes.id })
      .from(reportTypes)
      .where(eq(reportTypes.planId, planId));
    if (existing.length >= REPORTING_LIMITS.reportTypesPerPlan) {
      throw new AppError('validation_failed', 'Kế hoạch đã có quá nhiều loại báo cáo.');
    }
    if (body.kind === 'thematic') {
      const period = parsePeriodKey(body.period!);
      const { periodStart, periodEnd } = plan.plan;
      const inPlan =
        period !== null &&
        Number(period.from.slice(0, 4)) >= periodStart &&
        Number(period.to.slice(0, 4)) <= periodEnd;
      if (!inPlan) {
        throw new AppError(
          'validation_failed',
          'Kỳ báo cáo phải nằm trong thời gian của kế hoạch.',
          [{ field: 'period', message: `Kỳ trong các năm ${periodStart}–${periodEnd}.` }],
        );
      }
    }
    const recurring = body.kind !== 'thematic';
    const [type] = await tx
      .insert(reportTypes)
      .values({
        planId,
        kind: body.kind,
        name: body.name ?? defaultName(body.kind, plan.plan.kind),
        periodSlot: recurring
          ? body.kind === 'annual'
            ? 'year'
            : (body.periodSlot ?? 'H1')
          : null,
        dueMonth: recurring ? body.dueMonth! : null,
        dueDay: recurring ? body.dueDay! : null,
        dueYearOffset: recurring ? body.dueYearOffset : 0,
        periodKey: recurring ? null : body.period!,
        dueDate: recurring ? null : body.dueDate!,
        reporterKinds: body.reporterKinds,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'report_type.create',
      entity: 'report_type',
      entityId: type!.id,
      unitId: plan.plan.unitId,
      after: type,
    });
    return presentReportType(actor, { type: type!, plan });
  });
}

export async function listReportTypes(
  ctx: ReportingContext,
  actor: Actor,
  planId: string,
): Promise<ReportTypeView[]> {
  const { db } = ctx.deps;
  const plan = await loadReadablePlan(db, actor, planId, ctx.deps.today());
  const rows = await db
    .select()
    .from(reportTypes)
    .where(eq(reportTypes.planId, planId))
    .orderBy(asc(reportTypes.createdAt), asc(reportTypes.id));
  return rows.map((type) => presentReportType(actor, { type, plan }));
}

export async function getReportType(
  ctx: ReportingContext,
  actor: Actor,
  id: string,
): Promise<ReportTypeView> {
  return presentReportType(actor, await loadReportType(ctx.deps.db, actor, id, ctx.deps.today()));
}
