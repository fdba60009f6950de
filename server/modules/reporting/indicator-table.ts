import { sql } from 'drizzle-orm';
import { parsePeriodKey } from '../../../common/period.ts';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';
import { findUnitAsOf } from '../org/index.ts';
import type { Catalogue, DashboardTarget } from '../planning/index.ts';
import { evaluateTargets, targetsFor } from '../planning/index.ts';
import type { IndicatorRow } from './reporting.contracts.ts';

/**
 * A report's indicator table: the targets binding the unit (the dashboard's selection, over the
 * report type's plan, the plans it implements and the plans implementing it, issued or closed)
 * whose window meets the report's period, evaluated by the live rollups on `asOf` — the period's
 * end, or today if earlier — so on the tree as it stood then.
 */

/** The plan, the plans it implements (transitively) and those that implement it. */
export async function planFamily(db: Db, planId: string): Promise<string[]> {
  const result: unknown = await db.execute(sql`
    with recursive
      up(id) as (
        select ${planId}::uuid
        union select p.parent_plan_id from plan_parents p join up on p.plan_id = up.id),
      down(id) as (
        select ${planId}::uuid
        union select p.plan_id from plan_parents p join down on p.parent_plan_id = down.id)
    select id::text as id from up union select id::text from down`);
  return (result as { rows: { id: string }[] }).rows.map((r) => r.id);
}

export function indicatorsAsOf(periodTo: IsoDate, today: IsoDate): IsoDate {
  return periodTo < today ? periodTo : today;
}

function toRow(t: DashboardTarget): IndicatorRow {
  return {
    targetId: t.target.id,
    plan: { id: t.plan.id, number: t.plan.number, title: t.plan.title },
    inherited: t.inherited,
    indicatorCode: t.target.indicatorCode,
    indicatorName: t.target.indicatorName,
    unitLabel: t.target.unitLabel,
    measure: t.target.measure,
    comparator: t.target.comparator,
    targetValue: t.target.value,
    category: t.target.category,
    period: { key: t.target.period.key, label: t.target.period.label },
    label: t.target.label,
    treeDate: t.treeDate,
    actual: { ...t.actual },
    status: t.status,
    progress: t.progress,
    unitsMeeting: t.unitsMeeting ? { ...t.unitsMeeting } : null,
    children: t.children.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      value: c.value,
      numerator: c.numerator,
      denominator: c.denominator,
      status: c.status,
      progress: c.progress,
    })),
  };
}

export async function computeIndicatorTable(
  db: Db,
  catalogue: Catalogue,
  input: { planIds: string[]; unitId: string; periodKey: string; asOf: IsoDate },
): Promise<IndicatorRow[]> {
  const period = parsePeriodKey(input.periodKey)!;
  const unit = await findUnitAsOf(db, input.unitId, input.asOf);
  if (!unit) return [];
  const rows = (
    await targetsFor(db, unit, input.asOf, {
      statuses: ['issued', 'closed'],
      planIds: input.planIds,
    })
  ).filter(({ target: t, plan }) => {
    const from = t.periodKey ? parsePeriodKey(t.periodKey)!.from : `${plan.periodStart}-01-01`;
    const to = t.periodKey ? parsePeriodKey(t.periodKey)!.to : t.deadline!;
    return from <= period.to && to >= period.from;
  });
  const evaluated = await evaluateTargets(db, catalogue, unit, input.asOf, rows);
  return evaluated.map(toRow);
}
