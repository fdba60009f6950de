import { eq } from 'drizzle-orm';
import type { Period } from '../../../common/period.ts';
import { parsePeriodKey } from '../../../common/period.ts';
import type { ReportPeriodSlot, ReportSchedule, ReportStatus } from '../../../common/reporting.ts';
import { schedulePeriods } from '../../../common/reporting.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { roleOn } from '../../kernel/auth/actor.ts';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError, notFound } from '../../kernel/http/errors.ts';
import type { UnitAsOf } from '../org/index.ts';
import type { Catalogue, LoadedPlan } from '../planning/index.ts';
import { findCurrentOrLast, loadReadablePlan } from '../planning/index.ts';
import type { Reporter, ReporterTree } from './reporters.ts';
import { findReporters, reporterTreeDate } from './reporters.ts';
import type { ReportingAction } from './reporting.policy.ts';
import { reportingPolicy } from './reporting.policy.ts';
import type { reports } from './reporting.table.ts';
import { reportTypes } from './reporting.table.ts';

/** What reporting's services receive: the app's dependencies and the indicator catalogue. */
export type ReportingContext = { deps: AppDeps; catalogue: Catalogue };

export type ReportTypeRow = typeof reportTypes.$inferSelect;
export type ReportRow = typeof reports.$inferSelect & { status: ReportStatus };
export type LoadedReportType = { type: ReportTypeRow; plan: LoadedPlan };

export const REPORT_TYPE_NOT_FOUND = 'Không tìm thấy loại báo cáo.';
export const REPORT_NOT_FOUND = 'Không tìm thấy báo cáo.';

export function scheduleOf(row: ReportTypeRow): ReportSchedule {
  return {
    periodSlot: row.periodSlot as ReportPeriodSlot | null,
    dueMonth: row.dueMonth,
    dueDay: row.dueDay,
    dueYearOffset: row.dueYearOffset,
    periodKey: row.periodKey,
    dueDate: row.dueDate,
  };
}

export function periodsOf(loaded: LoadedReportType): { key: string; dueDate: IsoDate }[] {
  const { plan } = loaded.plan;
  return schedulePeriods(scheduleOf(loaded.type), plan.periodStart, plan.periodEnd);
}

export type ReportPeriod = { period: Period; dueDate: IsoDate };

/** The period of a report of this type, or 400 when the type has no such period. */
export function requirePeriod(loaded: LoadedReportType, key: string): ReportPeriod {
  const found = periodsOf(loaded).find((p) => p.key === key);
  if (!found) {
    const keys = periodsOf(loaded).map((p) => p.key);
    throw new AppError('validation_failed', 'Loại báo cáo này không có kỳ đó.', [
      { field: 'period', message: `Các kỳ của loại báo cáo: ${keys.join(', ')}.` },
    ]);
  }
  return { period: parsePeriodKey(key)!, dueDate: found.dueDate };
}

/** A report type whose plan the actor may read, else 404. */
export async function loadReportType(
  db: Db,
  actor: Actor,
  id: string,
  today: IsoDate,
): Promise<LoadedReportType> {
  const [type] = await db.select().from(reportTypes).where(eq(reportTypes.id, id));
  if (!type) throw notFound(REPORT_TYPE_NOT_FOUND);
  try {
    return { type, plan: await loadReadablePlan(db, actor, type.planId, today) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      throw notFound(REPORT_TYPE_NOT_FOUND);
    }
    throw error;
  }
}

/** For a resource the actor already may see: 403 unless the role suffices on `path`. */
export function requireCan(actor: Actor, action: ReportingAction, path: string): void {
  if (!reportingPolicy.can(actor, action, path)) throw new AppError('forbidden');
}

/** Where one unit's report for one period stands in the reporting tree. */
export type ReportPlace = ReportPeriod & {
  tree: ReporterTree;
  reporter: Reporter;
  receiver: UnitAsOf;
  /** The plan's own unit: its report is received (accepted) by its own admins. */
  isTop: boolean;
};

export async function placeOf(
  db: Db,
  loaded: LoadedReportType,
  unitId: string,
  periodKey: string,
  today: IsoDate,
): Promise<ReportPlace> {
  const p = requirePeriod(loaded, periodKey);
  const tree = await findReporters(
    db,
    loaded.plan.plan.unitId,
    loaded.type.reporterKinds as string[],
    reporterTreeDate(p.period.to, today),
  );
  const reporter = tree.reporters.get(unitId);
  if (!reporter) {
    throw new AppError(
      'validation_failed',
      'Đơn vị này không phải báo cáo theo loại báo cáo này.',
      [{ field: 'unitId', message: 'Đơn vị không thuộc các cấp phải báo cáo trong kỳ.' }],
    );
  }
  const receiver = tree.reporters.get(reporter.receiverId)!.unit;
  return { ...p, tree, reporter, receiver, isTop: reporter.unit.id === tree.root!.id };
}

/** The unit's path today (or its last one, if it has closed since), for authorisation. */
export async function currentPath(db: Db, unitId: string, today: IsoDate): Promise<string> {
  const unit = await findCurrentOrLast(db, unitId, today);
  if (!unit) throw new AppError('internal');
  return unit.path;
}

/** 404 unless the actor holds a role on the unit (today's or its last path). */
export async function requireVisibleUnit(
  db: Db,
  actor: Actor,
  unitId: string,
  today: IsoDate,
  message = REPORT_NOT_FOUND,
): Promise<string> {
  const unit = await findCurrentOrLast(db, unitId, today);
  if (!unit || roleOn(actor, unit.path) === null) throw notFound(message);
  return unit.path;
}

/** The role needed to review a report: editors of the receiving level; admins for the top. */
export function reviewAction(place: Pick<ReportPlace, 'isTop'>): ReportingAction {
  return place.isTop ? 'reviewOwnReport' : 'reviewChildReport';
}
