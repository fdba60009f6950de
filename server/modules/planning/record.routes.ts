import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../kernel/http/authenticate.ts';
import {
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  updateActivity,
} from './activity.service.ts';
import { dashboard } from './dashboard.service.ts';
import { presentIndicator } from './planning.presenter.ts';
import type { PlanningContext } from './planning.scope.ts';
import {
  ActivityIdParams,
  ActivityListQuery,
  ActivityListResponse,
  ActivityResponse,
  CreateActivityBody,
  PutValuesBody,
  UpdateActivityBody,
  ValuesQuery,
  ValuesResponse,
} from './record.contracts.ts';
import { rollup } from './rollup.service.ts';
import { listValues, putValues } from './value.service.ts';
import {
  DashboardQuery,
  DashboardResponse,
  IndicatorListResponse,
  RollupQuery,
  RollupResponse,
} from './view.contracts.ts';

/** Indicators, activities, values, rollups and the dashboard (docs/API.md, "Planning"). */
export function registerRecordRoutes(app: FastifyInstance, ctx: PlanningContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/planning/indicators',
    { schema: { response: { 200: IndicatorListResponse } } },
    async (request) => {
      requireActor(request);
      return { items: ctx.catalogue.all().map(presentIndicator) };
    },
  );

  api.get(
    '/planning/activities',
    { schema: { querystring: ActivityListQuery, response: { 200: ActivityListResponse } } },
    async (request) => listActivities(ctx, requireActor(request), request.query),
  );

  api.post(
    '/planning/activities',
    { schema: { body: CreateActivityBody, response: { 201: ActivityResponse } } },
    async (request, reply) => {
      const activity = await createActivity(ctx, requireActor(request), request.body);
      return reply.status(201).send({ activity });
    },
  );

  api.get(
    '/planning/activities/:id',
    { schema: { params: ActivityIdParams, response: { 200: ActivityResponse } } },
    async (request) => ({
      activity: await getActivity(ctx, requireActor(request), request.params.id),
    }),
  );

  api.patch(
    '/planning/activities/:id',
    {
      schema: {
        params: ActivityIdParams,
        body: UpdateActivityBody,
        response: { 200: ActivityResponse },
      },
    },
    async (request) => ({
      activity: await updateActivity(ctx, requireActor(request), request.params.id, request.body),
    }),
  );

  api.delete(
    '/planning/activities/:id',
    { schema: { params: ActivityIdParams } },
    async (request, reply) => {
      await deleteActivity(ctx, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );

  api.get(
    '/planning/values',
    { schema: { querystring: ValuesQuery, response: { 200: ValuesResponse } } },
    async (request) => listValues(ctx, requireActor(request), request.query),
  );

  api.put(
    '/planning/values',
    { schema: { body: PutValuesBody, response: { 200: ValuesResponse } } },
    async (request) => putValues(ctx, requireActor(request), request.body),
  );

  api.get(
    '/planning/rollup',
    { schema: { querystring: RollupQuery, response: { 200: RollupResponse } } },
    async (request) => rollup(ctx, requireActor(request), request.query),
  );

  api.get(
    '/planning/dashboard',
    { schema: { querystring: DashboardQuery, response: { 200: DashboardResponse } } },
    async (request) => dashboard(ctx, requireActor(request), request.query),
  );
}
