import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/authenticate.ts';
import { AppError } from '../../kernel/http/errors.ts';
import {
  archiveQuestion,
  createCategory,
  createQuestion,
  getQuestion,
  listCategories,
  listQuestions,
  renameCategory,
  updateQuestion,
} from './bank.service.ts';
import { adminResults, requestRoundClose } from './close.service.ts';
import { contestParticipation } from './participation.service.ts';
import { requestRoundCertificates } from './certificates.service.ts';
import { questionSheetRoutes } from './questions.routes.ts';
import { questionStats } from './stats.service.ts';
import { XLSX_CONTENT_TYPE, exportResultsXlsx } from './results.xlsx.ts';
import {
  addRound,
  createContest,
  deleteRound,
  getContest,
  getReadiness,
  listContests,
  publishContest,
  updateContest,
  updateRound,
} from './contest.service.ts';
import {
  AdminResultsResponse,
  CategoryListResponse,
  CategoryResponse,
  CloseRoundResponse,
  ContestListResponse,
  ContestResponse,
  CreateCategoryBody,
  CreateContestBody,
  CreateQuestionBody,
  IdParams,
  ParticipationQuery,
  ParticipationResponse,
  QuestionListQuery,
  QuestionListResponse,
  QuestionResponse,
  QuestionStatsResponse,
  ReadinessResponse,
  RoundCertificatesBody,
  RoundCertificatesResponse,
  RoundBody,
  RoundParams,
  RoundView,
  UnitQuery,
  UpdateCategoryBody,
  UpdateContestBody,
  UpdateQuestionBody,
  UpdateRoundBody,
  parseWithMessages,
} from './contests.contracts.ts';

/** The organiser's API: question bank, contests, rounds, publishing, closing (docs/API.md). */
export const contestRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', (request, _reply, done) => {
    done(request.actor ? undefined : new AppError('unauthenticated'));
  });
  await app.register(questionSheetRoutes, deps);

  api.get(
    '/contest-bank/categories',
    { schema: { querystring: UnitQuery, response: { 200: CategoryListResponse } } },
    async (request) => ({
      items: await listCategories(deps, requireActor(request), request.query.unitId),
    }),
  );
  api.post(
    '/contest-bank/categories',
    { schema: { body: CreateCategoryBody, response: { 201: CategoryResponse } } },
    async (request, reply) =>
      reply
        .status(201)
        .send({ category: await createCategory(deps, requireActor(request), request.body) }),
  );
  api.patch(
    '/contest-bank/categories/:id',
    { schema: { params: IdParams, body: UpdateCategoryBody, response: { 200: CategoryResponse } } },
    async (request) => ({
      category: await renameCategory(
        deps,
        requireActor(request),
        request.params.id,
        request.body.name,
      ),
    }),
  );

  api.get(
    '/contest-bank/questions',
    { schema: { querystring: QuestionListQuery, response: { 200: QuestionListResponse } } },
    async (request) => ({ items: await listQuestions(deps, requireActor(request), request.query) }),
  );
  api.post(
    '/contest-bank/questions',
    {
      schema: { response: { 201: QuestionResponse } },
    },
    async (request, reply) => {
      const { unitId, ...input } = parseWithMessages(
        CreateQuestionBody.and(z.object({ unitId: z.uuid() })),
        request.body,
      );
      const question = await createQuestion(deps, requireActor(request), unitId, input);
      return reply.status(201).send({ question });
    },
  );
  api.get(
    '/contest-bank/questions/:id',
    { schema: { params: IdParams, response: { 200: QuestionResponse } } },
    async (request) => ({
      question: await getQuestion(deps, requireActor(request), request.params.id),
    }),
  );
  api.put(
    '/contest-bank/questions/:id',
    { schema: { params: IdParams, response: { 200: QuestionResponse } } },
    async (request) => ({
      question: await updateQuestion(
        deps,
        requireActor(request),
        request.params.id,
        parseWithMessages(UpdateQuestionBody, request.body),
      ),
    }),
  );
  api.delete(
    '/contest-bank/questions/:id',
    { schema: { params: IdParams, response: { 200: QuestionResponse } } },
    async (request) => ({
      question: await archiveQuestion(deps, requireActor(request), request.params.id),
    }),
  );

  api.get(
    '/contests',
    { schema: { querystring: UnitQuery, response: { 200: ContestListResponse } } },
    async (request) => ({
      items: await listContests(deps, requireActor(request), request.query.unitId),
    }),
  );
  api.post(
    '/contests',
    { schema: { body: CreateContestBody, response: { 201: ContestResponse } } },
    async (request, reply) =>
      reply
        .status(201)
        .send({ contest: await createContest(deps, requireActor(request), request.body) }),
  );
  api.get(
    '/contests/:id',
    { schema: { params: IdParams, response: { 200: ContestResponse } } },
    async (request) => ({
      contest: await getContest(deps, requireActor(request), request.params.id),
    }),
  );
  api.patch(
    '/contests/:id',
    { schema: { params: IdParams, body: UpdateContestBody, response: { 200: ContestResponse } } },
    async (request) => ({
      contest: await updateContest(deps, requireActor(request), request.params.id, request.body),
    }),
  );
  api.get(
    '/contests/:id/readiness',
    { schema: { params: IdParams, response: { 200: ReadinessResponse } } },
    async (request) => ({
      readiness: await getReadiness(deps, requireActor(request), request.params.id),
    }),
  );
  api.post(
    '/contests/:id/publish',
    { schema: { params: IdParams, response: { 200: ContestResponse } } },
    async (request) => ({
      contest: await publishContest(deps, requireActor(request), request.params.id),
    }),
  );
  api.post(
    '/contests/:id/rounds',
    {
      schema: {
        params: IdParams,
        body: RoundBody,
        response: { 201: z.object({ round: RoundView }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        round: await addRound(deps, requireActor(request), request.params.id, request.body),
      }),
  );
  api.patch(
    '/contests/:id/rounds/:roundId',
    {
      schema: {
        params: RoundParams,
        body: UpdateRoundBody,
        response: { 200: z.object({ round: RoundView }) },
      },
    },
    async (request) => ({
      round: await updateRound(
        deps,
        requireActor(request),
        request.params.id,
        request.params.roundId,
        request.body,
      ),
    }),
  );
  api.delete(
    '/contests/:id/rounds/:roundId',
    { schema: { params: RoundParams } },
    async (request, reply) => {
      await deleteRound(deps, requireActor(request), request.params.id, request.params.roundId);
      return reply.status(204).send();
    },
  );
  api.post(
    '/contests/:id/rounds/:roundId/close',
    { schema: { params: RoundParams, response: { 202: CloseRoundResponse } } },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await requestRoundClose(
            deps,
            requireActor(request),
            request.params.id,
            request.params.roundId,
          ),
        ),
  );
  api.post(
    '/contests/:id/rounds/:roundId/certificates',
    {
      schema: {
        params: RoundParams,
        body: RoundCertificatesBody,
        response: { 202: RoundCertificatesResponse },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await requestRoundCertificates(
            deps,
            requireActor(request),
            request.params.id,
            request.params.roundId,
            request.body,
          ),
        ),
  );
  api.get(
    '/contests/:id/rounds/:roundId/question-stats',
    { schema: { params: RoundParams, response: { 200: QuestionStatsResponse } } },
    async (request) =>
      questionStats(deps, requireActor(request), request.params.id, request.params.roundId),
  );
  api.get(
    '/contests/:id/rounds/:roundId/results.xlsx',
    { schema: { params: RoundParams } },
    async (request, reply) => {
      const { fileName, buffer } = await exportResultsXlsx(
        deps,
        requireActor(request),
        request.params.id,
        request.params.roundId,
      );
      return reply
        .header('content-type', XLSX_CONTENT_TYPE)
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(buffer);
    },
  );
  api.get(
    '/contests/:id/participation',
    {
      schema: {
        params: IdParams,
        querystring: ParticipationQuery,
        response: { 200: ParticipationResponse },
      },
    },
    async (request) =>
      contestParticipation(deps, requireActor(request), request.params.id, request.query),
  );
  api.get(
    '/contests/:id/rounds/:roundId/results',
    { schema: { params: RoundParams, response: { 200: AdminResultsResponse } } },
    async (request) =>
      adminResults(deps, requireActor(request), request.params.id, request.params.roundId),
  );
};
