import { and, asc, eq } from 'drizzle-orm';
import type { ReportStatus } from '../../../common/reporting.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';
import { AppError, notFound } from '../../kernel/http/errors.ts';
import { isUniqueViolation } from '../planning/index.ts';
import { indicatorTableFor, prefillFor } from './prefill.ts';
import { presentDetail, presentSummary } from './report.presenter.ts';
import type {
  CreateReportBody,
  IndicatorRow,
  ReportDetailResponse,
  ReportSummary,
  UpdateReportBody,
} from './reporting.contracts.ts';
import { reportingPolicy } from './reporting.policy.ts';
import type {
  LoadedReportType,
  ReportingContext,
  ReportPlace,
  ReportRow,
} from './reporting.scope.ts';
import {
  currentPath,
  loadReportType,
  placeOf,
  REPORT_NOT_FOUND,
  requireCan,
  requireVisibleUnit,
  reviewAction,
} from './reporting.scope.ts';
import { reports } from './reporting.table.ts';

/** Reports: create (pre-filled), read (frozen or live), edit a draft, list a unit's. */

export type LoadedReport = {
  report: ReportRow;
  loaded: LoadedReportType;
  place: ReportPlace;
  unitPath: string;
};

/** A report the actor may see (a role on its unit, which its receivers hold too), else 404. */
export async function loadReport(
  db: Db,
  actor: Actor,
  id: string,
  today: IsoDate,
  lock = false,
): Promise<LoadedReport> {
  const query = db.select().from(reports).where(eq(reports.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound(REPORT_NOT_FOUND);
  const unitPath = await requireVisibleUnit(db, actor, row.unitId, today);
  const loaded = await loadReportType(db, actor, row.reportTypeId, today);
  const place = await placeOf(db, loaded, row.unitId, row.periodKey, today);
  return { report: { ...row, status: row.status as ReportStatus }, loaded, place, unitPath };
}

/** 409 unless the report is in one of the given states. */
export function requireStatus(report: ReportRow, allowed: ReportStatus[]): void {
  if (allowed.includes(report.status)) return;
  const messages: Record<ReportStatus, string> = {
    draft: 'Báo cáo còn là dự thảo: cần gửi trước.',
    submitted: 'Báo cáo đã gửi: đang chờ cấp trên duyệt.',
    accepted: 'Báo cáo đã được duyệt: không thể thay đổi.',
    waived: 'Đơn vị đã được miễn báo cáo kỳ này.',
  };
  throw new AppError('invalid_state', messages[report.status]);
}

export async function readDetail(
  ctx: ReportingContext,
  actor: Actor,
  loadedReport: LoadedReport,
): Promise<ReportDetailResponse> {
  const { db } = ctx.deps;
  const today = ctx.deps.today();
  const { report, loaded, place, unitPath } = loadedReport;
  const frozen = report.status === 'submitted' || report.status === 'accepted';
  let indicators: IndicatorRow[] = [];
  let asOf = report.snapshotAsOf ?? today;
  if (frozen) {
    indicators = (report.snapshot as IndicatorRow[] | null) ?? [];
  } else if (report.status === 'draft') {
    ({ indicators, asOf } = await indicatorTableFor(
      db,
      ctx.catalogue,
      loaded,
      report.unitId,
      place,
      today,
    ));
  }
  const receiverPath = await currentPath(db, place.receiver.id, today);
  const canDraft = reportingPolicy.can(actor, 'draftReport', unitPath);
  return presentDetail({
    report,
    type: loaded.type,
    place,
    unit: place.reporter.unit,
    indicators,
    asOf,
    today,
    abilities: {
      edit: report.status === 'draft' && canDraft,
      submit: report.status === 'draft' && canDraft,
      review:
        report.status === 'submitted' &&
        reportingPolicy.can(actor, reviewAction(place), receiverPath),
    },
  });
}

export async function getReport(ctx: ReportingContext, actor: Actor, id: string) {
  return readDetail(ctx, actor, await loadReport(ctx.deps.db, actor, id, ctx.deps.today()));
}

const REPORT_EXISTS = 'Đơn vị đã có báo cáo cho kỳ này.';

export async function createReport(
  ctx: ReportingContext,
  actor: Actor,
  body: CreateReportBody,
): Promise<LoadedReport> {
  const today = ctx.deps.today();
  try {
    return await ctx.deps.db.transaction(async (tx) => {
      const unitPath = await requireVisibleUnit(
        tx,
        actor,
        body.unitId,
        today,
        'Không tìm thấy đơn vị.',
      );
      const loaded = await loadReportType(tx, actor, body.reportTypeId, today);
      requireCan(actor, 'draftReport', unitPath);
      if (loaded.plan.plan.status === 'draft') {
        throw new AppError('invalid_state', 'Kế hoạch chưa ban hành: chưa thể báo cáo.');
      }
      const place = await placeOf(tx, loaded, body.unitId, body.period, today);
      if (today < place.period.from) {
        throw new AppError('validation_failed', 'Kỳ báo cáo chưa bắt đầu.', [
          { field: 'period', message: 'Kỳ báo cáo chưa bắt đầu.' },
        ]);
      }
      const [existing] = await tx
        .select({ id: reports.id })
        .from(reports)
        .where(
          and(
            eq(reports.reportTypeId, loaded.type.id),
            eq(reports.unitId, body.unitId),
            eq(reports.periodKey, body.period),
          ),
        );
      if (existing) throw new AppError('conflict', REPORT_EXISTS, { reportId: existing.id });
      const prefill = await prefillFor(tx, ctx.catalogue, loaded, place, today);
      const [row] = await tx
        .insert(reports)
        .values({
          reportTypeId: loaded.type.id,
          unitId: body.unitId,
          periodKey: body.period,
          status: 'draft',
          title: prefill.title,
          document: prefill.document,
          body: prefill.body,
          createdBy: actor.userId,
        })
        .returning();
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'report.create',
        entity: 'report',
        entityId: row!.id,
        unitId: body.unitId,
        after: row,
      });
      return { report: { ...row!, status: 'draft' as const }, loaded, place, unitPath };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', REPORT_EXISTS);
    throw error;
  }
}

export async function updateReport(
  ctx: ReportingContext,
  actor: Actor,
  id: string,
  changes: UpdateReportBody,
): Promise<LoadedReport> {
  const today = ctx.deps.today();
  return ctx.deps.db.transaction(async (tx) => {
    const loaded = await loadReport(tx, actor, id, today, true);
    requireCan(actor, 'draftReport', loaded.unitPath);
    requireStatus(loaded.report, ['draft']);
    const [after] = await tx
      .update(reports)
      .set({
        ...(changes.title === undefined ? {} : { title: changes.title }),
        ...(changes.document === undefined ? {} : { document: changes.document }),
        ...(changes.body === undefined ? {} : { body: changes.body }),
        updatedAt: new Date(),
      })
      .where(eq(reports.id, id))
      .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'report.update',
      entity: 'report',
      entityId: id,
      unitId: loaded.report.unitId,
      before: loaded.report,
      after,
    });
    return { ...loaded, report: { ...after!, status: 'draft' as const } };
  });
}

/** A unit's reports (all types and periods), for whoever sees the unit. */
export async function listReports(
  ctx: ReportingContext,
  actor: Actor,
  unitId: string,
): Promise<ReportSummary[]> {
  const { db } = ctx.deps;
  const today = ctx.deps.today();
  await requireVisibleUnit(db, actor, unitId, today, 'Không tìm thấy đơn vị.');
  const rows = await db
    .select()
    .from(reports)
    .where(eq(reports.unitId, unitId))
    .orderBy(asc(reports.periodKey), asc(reports.createdAt));
  const items: ReportSummary[] = [];
  for (const row of rows) {
    const loaded = await loadReportType(db, actor, row.reportTypeId, today);
    const place = await placeOf(db, loaded, row.unitId, row.periodKey, today);
    const report = { ...row, status: row.status as ReportStatus };
    items.push(presentSummary(report, loaded.type, place.reporter.unit, place, today));
  }
  return items;
}
