import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/authenticate.ts';
import { AppError } from '../../kernel/http/errors.ts';
import type { ComputedIndicator } from '../planning/index.ts';
import { buildPlanningCatalogue } from '../planning/index.ts';
import { registerDocumentRoutes } from './documents/document.routes.ts';
import { reportProgress } from './progress.service.ts';
import { sendReminders } from './reminders.service.ts';
import { createReportType, getReportType, listReportTypes } from './report-type.service.ts';
import {
  createReport,
  getReport,
  listReports,
  readDetail,
  updateReport,
} from './report.service.ts';
import {
  CreateReportBody,
  CreateReportTypeBody,
  IdParams,
  PlanIdParams,
  ProgressQuery,
  ProgressResponse,
  RemindBody,
  RemindResponse,
  ReportDetailResponse,
  ReportListQuery,
  ReportListResponse,
  ReportTypeListResponse,
  ReportTypeResponse,
  ReturnReportBody,
  UpdateReportBody,
  WaiveReportBody,
} from './reporting.contracts.ts';
import type { ReportingContext } from './reporting.scope.ts';
import { reviewReport, submitReport, waiveReport } from './workflow.service.ts';

export type ReportingOptions = AppDeps & {
  /** The same computed indicators handed to planningRoutes, so both read one catalogue. */
  computedIndicators?: ComputedIndicator[];
};

/** Report types, reports and their workflow, progress, reminders (docs/API.md, "Reporting"). */
export const reportingRoutes: FastifyPluginAsync<ReportingOptions> = async (app, options) => {
  const { computedIndicators = [], ...deps } = options;
  const ctx: ReportingContext = { deps, catalogue: buildPlanningCatalogue(computedIndicators) };
  // A session is checked before anything is parsed: anonymous callers learn nothing.
  app.addHook('onRequest', (request, _reply, done) => {
    done(request.actor ? undefined : new AppError('unauthenticated'));
  });
  registerTypeRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerDocumentRoutes(app, ctx);
};

function registerTypeRoutes(app: FastifyInstance, ctx: ReportingContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/reporting/plans/:planId/report-types',
    { schema: { params: PlanIdParams, response: { 200: ReportTypeListResponse } } },
    async (request) => ({
      items: await listReportTypes(ctx, requireActor(request), request.params.planId),
    }),
  );
  api.post(
    '/reporting/plans/:planId/report-types',
    {
      schema: {
        params: PlanIdParams,
        body: CreateReportTypeBody,
        response: { 201: ReportTypeResponse },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const reportType = await createReportType(ctx, actor, request.params.planId, request.body);
      return reply.status(201).send({ reportType });
    },
  );
  api.get(
    '/reporting/report-types/:id',
    { schema: { params: IdParams, response: { 200: ReportTypeResponse } } },
    async (request) => ({
      reportType: await getReportType(ctx, requireActor(request), request.params.id),
    }),
  );
  api.get(
    '/reporting/report-types/:id/progress',
    {
      schema: { params: IdParams, querystring: ProgressQuery, response: { 200: ProgressResponse } },
    },
    async (request) => reportProgress(ctx, requireActor(request), request.params.id, request.query),
  );
  api.post(
    '/reporting/report-types/:id/reminders',
    { schema: { params: IdParams, body: RemindBody, response: { 200: RemindResponse } } },
    async (request) => ({
      items: await sendReminders(ctx.deps, {
        actor: requireActor(request),
        reportTypeId: request.params.id,
        ...request.body,
      }),
    }),
  );
}

function registerReportRoutes(app: FastifyInstance, ctx: ReportingContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const detail = { 200: ReportDetailResponse };
  api.get(
    '/reporting/reports',
    { schema: { querystring: ReportListQuery, response: { 200: ReportListResponse } } },
    async (request) => ({
      items: await listReports(ctx, requireActor(request), request.query.unitId),
    }),
  );
  api.post(
    '/reporting/reports',
    { schema: { body: CreateReportBody, response: { 201: ReportDetailResponse } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const created = await createReport(ctx, actor, request.body);
      return reply.status(201).send(await readDetail(ctx, actor, created));
    },
  );
  api.get(
    '/reporting/reports/:id',
    { schema: { params: IdParams, response: detail } },
    async (request) => getReport(ctx, requireActor(request), request.params.id),
  );
  api.patch(
    '/reporting/reports/:id',
    { schema: { params: IdParams, body: UpdateReportBody, response: detail } },
    async (request) => {
      const actor = requireActor(request);
      return readDetail(
        ctx,
        actor,
        await updateReport(ctx, actor, request.params.id, request.body),
      );
    },
  );
  api.post(
    '/reporting/reports/:id/submit',
    { schema: { params: IdParams, response: detail } },
    async (request) => {
      const actor = requireActor(request);
      return readDetail(ctx, actor, await submitReport(ctx, actor, request.params.id));
    },
  );
  api.post(
    '/reporting/reports/:id/accept',
    { schema: { params: IdParams, response: detail } },
    async (request) => {
      const actor = requireActor(request);
      const reviewed = await reviewReport(ctx, actor, request.params.id, { accept: true });
      return readDetail(ctx, actor, reviewed);
    },
  );
  api.post(
    '/reporting/reports/:id/return',
    { schema: { params: IdParams, body: ReturnReportBody, response: detail } },
    async (request) => {
      const actor = requireActor(request);
      const reviewed = await reviewReport(ctx, actor, request.params.id, {
        accept: false,
        comment: request.body.comment,
      });
      return readDetail(ctx, actor, reviewed);
    },
  );
  api.post(
    '/reporting/waivers',
    { schema: { body: WaiveReportBody, response: { 201: ReportDetailResponse } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const waived = await waiveReport(ctx, actor, request.body);
      return reply.status(201).send(await readDetail(ctx, actor, waived));
    },
  );
}
