import { and, eq } from 'drizzle-orm';
import { formatPeriod } from '../../../common/period.ts';
import type { ReportStatus } from '../../../common/reporting.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { UnitAsOf } from '../org/index.ts';
import { unitRef } from './report.presenter.ts';
import type { Reporter, ReporterTree } from './reporters.ts';
import { reportersTo } from './reporters.ts';
import type { Counts, ProgressResponse } from './reporting.contracts.ts';
import type { ReportingContext } from './reporting.scope.ts';
import { loadReportType, placeOf, requireVisibleUnit } from './reporting.scope.ts';
import { reports } from './reporting.table.ts';
import { addToCounts, emptyCounts, isLate, timelinessOf } from './timeliness.ts';

/**
 * Completeness and timeliness of one level for one report type and period: its own report, each
 * reporting unit it receives from (with the counts below that unit), and the totals. All from
 * the stored timestamps against the due date; nothing is cached.
 */

type StoredReport = { id: string; status: ReportStatus; firstSubmittedAt: Date | null };

export async function reportsOfPeriod(
  db: Db,
  reportTypeId: string,
  periodKey: string,
): Promise<Map<string, StoredReport>> {
  const rows = await db
    .select({
      id: reports.id,
      unitId: reports.unitId,
      status: reports.status,
      firstSubmittedAt: reports.firstSubmittedAt,
    })
    .from(reports)
    .where(and(eq(reports.reportTypeId, reportTypeId), eq(reports.periodKey, periodKey)));
  return new Map(
    rows.map((r) => [
      r.unitId,
      { id: r.id, status: r.status as ReportStatus, firstSubmittedAt: r.firstSubmittedAt },
    ]),
  );
}

function stateOf(
  unit: UnitAsOf,
  stored: StoredReport | undefined,
  dueDate: IsoDate,
  today: IsoDate,
) {
  const timeliness = timelinessOf(stored ?? null, dueDate, today);
  return {
    unit: unitRef(unit),
    reportId: stored?.id ?? null,
    status: stored?.status ?? null,
    timeliness,
    isLate: isLate(timeliness),
    firstSubmittedAt: stored?.firstSubmittedAt
      ? new Date(stored.firstSubmittedAt).toISOString()
      : null,
  };
}

/** Counts over every reporter strictly below `unitId` in the reporting tree. */
function countBelow(
  tree: ReporterTree,
  unitId: string,
  stored: Map<string, StoredReport>,
  dueDate: IsoDate,
  today: IsoDate,
): Counts {
  const counts = emptyCounts();
  const visit = (id: string) => {
    for (const child of reportersTo(tree, id)) {
      const s = stored.get(child.unit.id);
      addToCounts(counts, timelinessOf(s ?? null, dueDate, today), s?.status ?? null);
      visit(child.unit.id);
    }
  };
  visit(unitId);
  return counts;
}

export async function reportProgress(
  ctx: ReportingContext,
  actor: Actor,
  reportTypeId: string,
  query: { period: string; unitId?: string | undefined },
): Promise<ProgressResponse> {
  const { db } = ctx.deps;
  const today = ctx.deps.today();
  const loaded = await loadReportType(db, actor, reportTypeId, today);
  const unitId = query.unitId ?? loaded.plan.plan.unitId;
  await requireVisibleUnit(db, actor, unitId, today, 'Không tìm thấy đơn vị.');
  const place = await placeOf(db, loaded, unitId, query.period, today);
  const stored = await reportsOfPeriod(db, reportTypeId, query.period);
  const { dueDate, tree } = place;
  const children = reportersTo(tree, unitId).sort((a: Reporter, b: Reporter) =>
    a.unit.name.localeCompare(b.unit.name, 'vi'),
  );
  const totals = emptyCounts();
  const childStates = children.map((c) => {
    const state = stateOf(c.unit, stored.get(c.unit.id), dueDate, today);
    addToCounts(totals, state.timeliness, state.status);
    return { ...state, below: countBelow(tree, c.unit.id, stored, dueDate, today) };
  });
  return {
    reportType: { id: loaded.type.id, name: loaded.type.name },
    period: { key: place.period.key, label: formatPeriod(place.period), dueDate },
    treeDate: tree.treeDate,
    unit: unitRef(place.reporter.unit),
    own: stateOf(place.reporter.unit, stored.get(unitId), dueDate, today),
    children: childStates,
    totals,
    subtreeTotals: countBelow(tree, unitId, stored, dueDate, today),
    canSubmitOwn: childStates.every((c) => c.status === 'accepted' || c.status === 'waived'),
  };
}
