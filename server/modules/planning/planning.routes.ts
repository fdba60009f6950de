import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Catalogue } from './catalogue.service.ts';
import { buildCatalogue, ensureIndicatorCatalogue } from './catalogue.service.ts';
import type { ComputedIndicator } from './indicator.types.ts';
import { PEOPLE_INDICATORS } from './people.indicators.ts';
import { registerAttachmentRoutes } from './attachment.routes.ts';
import { registerPlanRoutes } from './plan.routes.ts';
import { registerRecordRoutes } from './record.routes.ts';

export type PlanningOptions = AppDeps & {
  /**
   * Computed indicators of other modules (contests, courses, pledges…), handed in by app.ts:
   * `api.register(planningRoutes, { ...deps, computedIndicators: [...contestIndicators] })`.
   * People counts are always there.
   */
  computedIndicators?: ComputedIndicator[];
};

/** The catalogue of a running app: people counts plus the other modules' computed indicators. */
export function buildPlanningCatalogue(computedIndicators: ComputedIndicator[] = []): Catalogue {
  return buildCatalogue([...PEOPLE_INDICATORS, ...computedIndicators]);
}

/**
 * The planning module's HTTP surface. Registering it builds the indicator catalogue (failing
 * the app build on a broken definition) and upserts it into the database.
 */
export const planningRoutes: FastifyPluginAsync<PlanningOptions> = async (app, options) => {
  const { computedIndicators = [], ...deps } = options;
  const catalogue = buildPlanningCatalogue(computedIndicators);
  await ensureIndicatorCatalogue(deps.db, catalogue);
  const ctx = { deps, catalogue };
  registerPlanRoutes(app, ctx);
  registerRecordRoutes(app, ctx);
  registerAttachmentRoutes(app, ctx);
};
