import { PERSON_CATEGORIES } from '../../../common/enums.ts';
import { parsePeriodKey, periodsElapsed } from '../../../common/period.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { AppError } from '../../kernel/http/errors.ts';
import type { UnitAsOf } from '../org/index.ts';
import { findChildrenAsOf } from '../org/index.ts';
import type { Indicator } from './indicator.types.ts';
import { presentIndicator, presentPeriod } from './planning.presenter.ts';
import type { PlanningContext } from './planning.scope.ts';
import { loadViewableUnit } from './planning.scope.ts';
import { emptyParts } from './rollup.aggregate.ts';
import { evaluateRollups } from './rollup.engine.ts';
import type { RollupQuery, RollupResponse } from './view.contracts.ts';

/** GET /planning/rollup: one indicator for one unit and period, by child and by category. */

const collator = new Intl.Collator('vi');

export function sortUnits<T extends { name: string; code: string }>(units: T[]): T[] {
  return units.sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code));
}

export function unitBrief(u: UnitAsOf) {
  return { id: u.id, code: u.code, name: u.name, kind: u.kind };
}

export function indicatorOrFail(ctx: PlanningContext, code: string): Indicator {
  const indicator = ctx.catalogue.get(code);
  if (!indicator) {
    throw new AppError('validation_failed', 'Chỉ số không có trong danh mục.', [
      { field: 'indicatorCode', message: `Không có chỉ số "${code}".` },
    ]);
  }
  return indicator;
}

const categoryRank = (c: string | null) =>
  c === null ? PERSON_CATEGORIES.length : PERSON_CATEGORIES.indexOf(c as never);

export async function rollup(
  ctx: PlanningContext,
  actor: Actor,
  query: RollupQuery,
): Promise<RollupResponse> {
  const { db } = ctx.deps;
  const today = ctx.deps.today();
  const asOf = query.asOf ?? today;
  const unit = await loadViewableUnit(db, actor, query.unitId, asOf, today);
  const indicator = indicatorOrFail(ctx, query.indicatorCode);
  if (query.category && !indicator.byCategory) {
    throw new AppError('validation_failed', 'Chỉ số này không phân theo đối tượng.', [
      { field: 'category', message: 'Chỉ số này không phân theo đối tượng.' },
    ]);
  }
  const period = parsePeriodKey(query.period)!;
  const window = { from: period.from, to: period.to };
  const results = await evaluateRollups(db, ctx.catalogue, unit.id, asOf, [
    { key: 'rollup', indicator, window, category: query.category ?? null },
  ]);
  const result = results.get('rollup')!;
  const children = result.rootPath ? await findChildrenAsOf(db, unit.id, result.treeDate) : [];
  const none = emptyParts(indicator, periodsElapsed(indicator.periodType, window, asOf));
  return {
    unit: unitBrief(unit),
    indicator: presentIndicator(indicator),
    period: presentPeriod(period),
    treeDate: result.treeDate,
    category: query.category ?? null,
    total: result.total,
    byChild: sortUnits(children).map((c) => ({
      ...unitBrief(c),
      ...(result.byChild.get(c.path) ?? none),
    })),
    byCategory: [...result.byCategory]
      .sort(([a], [b]) => categoryRank(a) - categoryRank(b))
      .map(([category, parts]) => ({ category, ...parts })),
  };
}
