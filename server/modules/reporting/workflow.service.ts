import { and, eq, inArray } from 'drizzle-orm';
import { formatPeriod } from '../../../common/period.ts';
import type { ReportStatus } from '../../../common/reporting.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { currentInstant } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { notifyUsers } from '../notifications/index.ts';
import { indicatorTableFor } from './prefill.ts';
import { reportLink } from './links.ts';
import { findReportWriters } from './recipients.ts';
import { reportersTo } from './reporters.ts';
import type { LoadedReport } from './report.service.ts';
import { loadReport, requireStatus } from './report.service.ts';
import type { WaiveReportBody } from './reporting.contracts.ts';
import type { ReportingContext } from './reporting.scope.ts';
import {
  currentPath,
  loadReportType,
  placeOf,
  requireCan,
  requireVisibleUnit,
  reviewAction,
} from './reporting.scope.ts';
import { reports } from './reporting.table.ts';

/**
 * The workflow (docs/decisions/0005): draft → submitted → accepted, or returned with a comment
 * to draft again; a receiving level waives a unit's report with a reason. Submitting freezes the
 * indicator table; a level submits only once every report it receives is accepted or waived.
 */

/** The reports this unit receives that are neither accepted nor waived: what blocks it. */
async function pendingChildren(ctx: ReportingContext, loaded: LoadedReport) {
  const { place, report } = loaded;
  const children = reportersTo(place.tree, report.unitId);
  if (children.length === 0) return [];
  const rows = await ctx.deps.db
    .select({ unitId: reports.unitId, status: reports.status })
    .from(reports)
    .where(
      and(
        eq(reports.reportTypeId, report.reportTypeId),
        eq(reports.periodKey, report.periodKey),
        inArray(
          reports.unitId,
          children.map((c) => c.unit.id),
        ),
      ),
    );
  const status = new Map(rows.map((r) => [r.unitId, r.status as ReportStatus]));
  return children
    .filter((c) => !['accepted', 'waived'].includes(status.get(c.unit.id) ?? ''))
    .map((c) => ({ unitId: c.unit.id, name: c.unit.name, status: status.get(c.unit.id) ?? null }));
}

export async function submitReport(ctx: ReportingContext, actor: Actor, id: string) {
  const today = ctx.deps.today();
  return ctx.deps.db.transaction(async (tx) => {
    const loaded = await loadReport(tx, actor, id, today, true);
    requireCan(actor, 'draftReport', loaded.unitPath);
    requireStatus(loaded.report, ['draft']);
    const pending = await pendingChildren({ ...ctx, deps: { ...ctx.deps, db: tx } }, loaded);
    if (pending.length) {
      throw new AppError(
        'invalid_state',
        `Chưa thể gửi báo cáo tổng hợp: còn ${pending.length} đơn vị chưa được duyệt hoặc miễn báo cáo.`,
        { pending },
      );
    }
    const { asOf, indicators } = await indicatorTableFor(
      tx,
      ctx.catalogue,
      loaded.loaded,
      loaded.report.unitId,
      loaded.place,
      today,
    );
    const now = currentInstant(ctx.deps);
    const [after] = await tx
      .update(reports)
      .set({
        status: 'submitted',
        snapshot: indicators,
        snapshotAsOf: asOf,
        submittedAt: now,
        firstSubmittedAt: loaded.report.firstSubmittedAt ?? now,
        submittedBy: actor.userId,
        updatedAt: now,
      })
      .where(eq(reports.id, id))
      .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'report.submit',
      entity: 'report',
      entityId: id,
      unitId: loaded.report.unitId,
      before: { status: loaded.report.status },
      after: { status: 'submitted', snapshotAsOf: asOf, targets: indicators.length },
    });
    return { ...loaded, report: { ...after!, status: 'submitted' as const } };
  });
}

async function loadForReview(ctx: ReportingContext, actor: Actor, id: string) {
  const today = ctx.deps.today();
  const { db } = ctx.deps;
  const loaded = await loadReport(db, actor, id, today, true);
  requireCan(
    actor,
    reviewAction(loaded.place),
    await currentPath(db, loaded.place.receiver.id, today),
  );
  return loaded;
}

/** submitted → accepted (accept) or → draft with a comment (return). */
export async function reviewReport(
  ctx: ReportingContext,
  actor: Actor,
  id: string,
  decision: { accept: true } | { accept: false; comment: string },
) {
  return ctx.deps.db.transaction(async (tx) => {
    const loaded = await loadForReview({ ...ctx, deps: { ...ctx.deps, db: tx } }, actor, id);
    requireStatus(loaded.report, ['submitted']);
    const now = currentInstant(ctx.deps);
    const status: ReportStatus = decision.accept ? 'accepted' : 'draft';
    const [after] = await tx
      .update(reports)
      .set({
        status,
        reviewedAt: now,
        reviewedBy: actor.userId,
        updatedAt: now,
        ...(decision.accept
          ? {}
          : {
              returnedAt: now,
              returnComment: decision.comment,
              snapshot: null,
              snapshotAsOf: null,
            }),
      })
      .where(eq(reports.id, id))
      .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: decision.accept ? 'report.accept' : 'report.return',
      entity: 'report',
      entityId: id,
      unitId: loaded.report.unitId,
      before: { status: 'submitted' },
      after: { status, ...(decision.accept ? {} : { comment: decision.comment }) },
    });
    const writers = (await findReportWriters(tx, [loaded.report.unitId])).get(loaded.report.unitId);
    const what = `${loaded.loaded.type.name} — ${formatPeriod(loaded.place.period)}`;
    await notifyUsers(
      tx,
      (writers ?? []).map((userId) => ({
        userId,
        kind: decision.accept ? 'report_accepted' : 'report_returned',
        title: decision.accept ? 'Báo cáo đã được duyệt' : 'Báo cáo bị trả lại',
        body: decision.accept ? what : `${what}: ${decision.comment}`,
        link: reportLink(id),
      })),
    );
    return { ...loaded, report: { ...after!, status } };
  });
}

/** A receiving level excuses a unit from one period's report (before it is submitted). */
export async function waiveReport(ctx: ReportingContext, actor: Actor, body: WaiveReportBody) {
  const today = ctx.deps.today();
  return ctx.deps.db.transaction(async (tx) => {
    await requireVisibleUnit(tx, actor, body.unitId, today, 'Không tìm thấy đơn vị.');
    const type = await loadReportType(tx, actor, body.reportTypeId, today);
    const place = await placeOf(tx, type, body.unitId, body.period, today);
    if (place.isTop) {
      throw new AppError('validation_failed', 'Chỉ miễn báo cáo cho đơn vị cấp dưới.', [
        { field: 'unitId', message: 'Đơn vị ban hành kế hoạch không thể được miễn báo cáo.' },
      ]);
    }
    requireCan(actor, 'reviewChildReport', await currentPath(tx, place.receiver.id, today));
    const [existing] = await tx
      .select()
      .from(reports)
      .where(
        and(
          eq(reports.reportTypeId, type.type.id),
          eq(reports.unitId, body.unitId),
          eq(reports.periodKey, body.period),
        ),
      )
      .for('update');
    if (existing)
      requireStatus({ ...existing, status: existing.status as ReportStatus }, ['draft']);
    const now = currentInstant(ctx.deps);
    const fields = {
      status: 'waived',
      waiverReason: body.reason,
      reviewedAt: now,
      reviewedBy: actor.userId,
      updatedAt: now,
    };
    const [row] = existing
      ? await tx.update(reports).set(fields).where(eq(reports.id, existing.id)).returning()
      : await tx
          .insert(reports)
          .values({
            reportTypeId: type.type.id,
            unitId: body.unitId,
            periodKey: body.period,
            title: type.type.name,
            document: {},
            body: {},
            createdBy: actor.userId,
            ...fields,
          })
          .returning();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'report.waive',
      entity: 'report',
      entityId: row!.id,
      unitId: body.unitId,
      before: existing ? { status: existing.status } : null,
      after: { status: 'waived', reason: body.reason },
    });
    const unitPath = await currentPath(tx, body.unitId, today);
    return { report: { ...row!, status: 'waived' as const }, loaded: type, place, unitPath };
  });
}
