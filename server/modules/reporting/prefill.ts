import { eq } from 'drizzle-orm';
import { formatPeriod } from '../../../common/period.ts';
import { PLAN_KIND_LABELS } from '../../../common/planning.ts';
import type { PlanKind, PlanStatus } from '../../../common/planning.ts';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';
import { AppError, notFound } from '../../kernel/http/errors.ts';
import { findUnitAsOf } from '../org/index.ts';
import type { Catalogue } from '../planning/index.ts';
import { findCurrentOrLast, plans } from '../planning/index.ts';
import { documentDefaults } from './documents/document-defaults.ts';
import { resultSentence } from './documents/values.ts';
import { computeIndicatorTable, indicatorsAsOf, planFamily } from './indicator-table.ts';
import type { IndicatorRow, ReportBody, ReportDocument } from './reporting.contracts.ts';
import type { LoadedReportType, ReportPlace } from './reporting.scope.ts';
import { placeOf, REPORT_TYPE_NOT_FOUND } from './reporting.scope.ts';
import { reportTypes } from './reporting.table.ts';

/** What a new report starts with: its indicator table, a title, the document fields, a body. */
export type Prefill = {
  asOf: IsoDate;
  indicators: IndicatorRow[];
  title: string;
  document: ReportDocument;
  body: ReportBody;
};

export async function indicatorTableFor(
  db: Db,
  catalogue: Catalogue,
  loaded: LoadedReportType,
  unitId: string,
  place: Pick<ReportPlace, 'period'>,
  today: IsoDate,
): Promise<{ asOf: IsoDate; indicators: IndicatorRow[] }> {
  const asOf = indicatorsAsOf(place.period.to, today);
  const planIds = await planFamily(db, loaded.type.planId);
  const indicators = await computeIndicatorTable(db, catalogue, {
    planIds,
    unitId,
    periodKey: place.period.key,
    asOf,
  });
  return { asOf, indicators };
}

export async function prefillFor(
  db: Db,
  catalogue: Catalogue,
  loaded: LoadedReportType,
  place: ReportPlace,
  today: IsoDate,
): Promise<Prefill> {
  const unit = place.reporter.unit;
  const { asOf, indicators } = await indicatorTableFor(
    db,
    catalogue,
    loaded,
    unit.id,
    place,
    today,
  );
  const parent = unit.parentId ? await findUnitAsOf(db, unit.parentId, place.tree.treeDate) : null;
  const { plan } = loaded.plan;
  const what = PLAN_KIND_LABELS[plan.kind as PlanKind] ?? 'Kế hoạch';
  const period = formatPeriod(place.period);
  const title = `Kết quả ${period.charAt(0).toLowerCase()}${period.slice(1)} thực hiện ${what} ${
    plan.number ? `số ${plan.number} ` : ''
  }“${plan.title}”`;
  const receiver = place.isTop ? null : place.receiver;
  return {
    asOf,
    indicators,
    title,
    document: documentDefaults(unit, parent, receiver),
    body: {
      results: indicators.map((row) => ({ type: 'bullet', runs: [{ text: resultSentence(row) }] })),
      shortcomings: [],
      nextSteps: [],
      proposals: [],
    },
  };
}

/**
 * The pre-filled report of one unit for one period, without an actor (benchmarks, scripts):
 * the same computation a new report starts from.
 */
export async function prefillReport(
  db: Db,
  catalogue: Catalogue,
  input: { reportTypeId: string; unitId: string; periodKey: string; today: IsoDate },
): Promise<Prefill> {
  const [type] = await db.select().from(reportTypes).where(eq(reportTypes.id, input.reportTypeId));
  if (!type) throw notFound(REPORT_TYPE_NOT_FOUND);
  const [plan] = await db.select().from(plans).where(eq(plans.id, type.planId));
  const issuer = plan ? await findCurrentOrLast(db, plan.unitId, input.today) : null;
  if (!plan || !issuer) throw new AppError('internal');
  const loaded: LoadedReportType = {
    type,
    plan: { plan: { ...plan, status: plan.status as PlanStatus }, issuer },
  };
  const place = await placeOf(db, loaded, input.unitId, input.periodKey, input.today);
  return prefillFor(db, catalogue, loaded, place, input.today);
}
