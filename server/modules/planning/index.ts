/** The planning module's public surface; other modules import only from here. */
export {
  activities,
  indicators,
  indicatorValues,
  planParents,
  plans,
  targets,
  tasks,
  taskCooperators,
} from './planning.table.ts';
export type { PlanningOptions } from './planning.routes.ts';
export { planningRoutes } from './planning.routes.ts';

// The computed-indicator registry: other modules implement ComputedIndicator and hand theirs
// to planningRoutes at app build (see PlanningOptions.computedIndicators).
export type {
  ComputeContext,
  ComputedIndicator,
  ComputedRow,
  IndicatorDefinition,
  UnitCondition,
  FeedRule,
} from './indicator.types.ts';
export type { Catalogue } from './catalogue.service.ts';
export { buildCatalogue, ensureIndicatorCatalogue } from './catalogue.service.ts';

// Live rollups, for reports and benchmarks.
export type { RollupSpec, RollupResult } from './rollup.engine.ts';
export { evaluateRollups } from './rollup.engine.ts';
export { targetStatus } from './target-status.ts';
