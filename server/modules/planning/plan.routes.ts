import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../kernel/http/authenticate.ts';
import { getPlan, listPlans, listPlansToImplement, readPlanDetail } from './plan.queries.ts';
import { changePlanStatus, createPlan, updatePlan } from './plan.service.ts';
import {
  CreatePlanBody,
  CreateTargetBody,
  CreateTaskBody,
  PlanDetailResponse,
  PlanIdParams,
  PlanListQuery,
  PlanListResponse,
  TargetIdParams,
  TargetResponse,
  TaskIdParams,
  TaskResponse,
  ToImplementResponse,
  UnitQuery,
  UpdatePlanBody,
  UpdateTargetBody,
  UpdateTaskBody,
} from './planning.contracts.ts';
import type { PlanningContext } from './planning.scope.ts';
import { createTarget, deleteTarget, updateTarget } from './target.service.ts';
import { createTask, deleteTask, updateTask } from './task.service.ts';

/** Plans, targets and tasks (docs/API.md, "Planning"). Routes stay thin. */
export function registerPlanRoutes(app: FastifyInstance, ctx: PlanningContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const detail = { 200: PlanDetailResponse };

  api.get(
    '/planning/plans',
    { schema: { querystring: PlanListQuery, response: { 200: PlanListResponse } } },
    async (request) => {
      const { unitId, status } = request.query;
      return { items: await listPlans(ctx, requireActor(request), unitId, status) };
    },
  );

  api.get(
    '/planning/plans/to-implement',
    { schema: { querystring: UnitQuery, response: { 200: ToImplementResponse } } },
    async (request) => ({
      items: await listPlansToImplement(ctx, requireActor(request), request.query.unitId),
    }),
  );

  api.post(
    '/planning/plans',
    { schema: { body: CreatePlanBody, response: { 201: PlanDetailResponse } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const loaded = await createPlan(ctx, actor, request.body);
      return reply.status(201).send(await readPlanDetail(ctx, actor, loaded));
    },
  );

  api.get(
    '/planning/plans/:id',
    { schema: { params: PlanIdParams, response: detail } },
    async (request) => getPlan(ctx, requireActor(request), request.params.id),
  );

  api.patch(
    '/planning/plans/:id',
    { schema: { params: PlanIdParams, body: UpdatePlanBody, response: detail } },
    async (request) => {
      const actor = requireActor(request);
      const loaded = await updatePlan(ctx, actor, request.params.id, request.body);
      return readPlanDetail(ctx, actor, loaded);
    },
  );

  for (const [path, status] of [
    ['issue', 'issued'],
    ['close', 'closed'],
  ] as const) {
    api.post(
      `/planning/plans/:id/${path}`,
      { schema: { params: PlanIdParams, response: detail } },
      async (request) => {
        const actor = requireActor(request);
        const loaded = await changePlanStatus(ctx, actor, request.params.id, status);
        return readPlanDetail(ctx, actor, loaded);
      },
    );
  }

  api.post(
    '/planning/plans/:id/targets',
    { schema: { params: PlanIdParams, body: CreateTargetBody, response: { 201: TargetResponse } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const target = await createTarget(ctx, actor, request.params.id, request.body);
      return reply.status(201).send({ target });
    },
  );

  api.patch(
    '/planning/targets/:id',
    {
      schema: { params: TargetIdParams, body: UpdateTargetBody, response: { 200: TargetResponse } },
    },
    async (request) => ({
      target: await updateTarget(ctx, requireActor(request), request.params.id, request.body),
    }),
  );

  api.delete(
    '/planning/targets/:id',
    { schema: { params: TargetIdParams } },
    async (request, reply) => {
      await deleteTarget(ctx, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );

  api.post(
    '/planning/plans/:id/tasks',
    { schema: { params: PlanIdParams, body: CreateTaskBody, response: { 201: TaskResponse } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const task = await createTask(ctx, actor, request.params.id, request.body);
      return reply.status(201).send({ task });
    },
  );

  api.patch(
    '/planning/tasks/:id',
    { schema: { params: TaskIdParams, body: UpdateTaskBody, response: { 200: TaskResponse } } },
    async (request) => ({
      task: await updateTask(ctx, requireActor(request), request.params.id, request.body),
    }),
  );

  api.delete(
    '/planning/tasks/:id',
    { schema: { params: TaskIdParams } },
    async (request, reply) => {
      await deleteTask(ctx, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
