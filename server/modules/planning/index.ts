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

// The dashboard's target selection and evaluation, for reports (reporting module) and benchmarks.
export type { TargetFilter, TargetRowWithPlan } from './dashboard.service.ts';
export { evaluateTargets, targetsFor } from './dashboard.service.ts';
export type { DashboardTarget, ValueParts } from './view.contracts.ts';
export { targetWindow } from './planning.presenter.ts';
export { trajectoryOf } from './target-status.ts';
export { buildPlanningCatalogue } from './planning.routes.ts';

// Plans as other modules read them (documents, reports): the readable-plan check and the detail.
export type { PlanningContext, LoadedPlan, PlanRow } from './planning.scope.ts';
export {
  findCurrentOrLast,
  isUniqueViolation,
  loadReadablePlan,
  provinceUnitIdOf,
} from './planning.scope.ts';
export { getPlan } from './plan.queries.ts';
export type { PlanBody, PlanDetailResponse } from './planning.contracts.ts';
export { PlanBlock, PlanBodyView } from './planning.contracts.ts';
export { planAttachments } from './attachment.table.ts';

// Commands, for scripts (the demo seed) as well as the API: bodies are parsed by the contracts.
export { CreatePlanBody, CreateTargetBody, CreateTaskBody } from './planning.contracts.ts';
export { CreateActivityBody, PutValuesBody } from './record.contracts.ts';
export { changePlanStatus, createPlan } from './plan.service.ts';
export { createTarget } from './target.service.ts';
export { createTask } from './task.service.ts';
export { createActivity } from './activity.service.ts';
export { putValues } from './value.service.ts';
