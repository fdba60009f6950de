import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../kernel/deps.ts';
import { PARTICIPANT_COOKIE } from '../contests/index.ts';
import {
  CertificateResponse,
  CompletionStatusResponse,
  PublicCourseParams,
  PublicCourseResponse,
  PublicTestParams,
} from './courses.contracts.ts';
import { issueLearnerCertificate, learnerStatus, publicCourse } from './public.service.ts';

/**
 * The learner's API, no account needed. The completion routes live under the test's public
 * contest path because the participant cookie is scoped to that path (decision 0008).
 */
export const publicCourseRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const token = (request: FastifyRequest) => request.cookies[PARTICIPANT_COOKIE];
  const noStore = { 'cache-control': 'private, no-store' };

  api.get(
    '/public/courses/:courseId',
    { schema: { params: PublicCourseParams, response: { 200: PublicCourseResponse } } },
    async (request) => publicCourse(deps, request.params.courseId),
  );
  api.get(
    '/public/contests/:contestId/course-status',
    { schema: { params: PublicTestParams, response: { 200: CompletionStatusResponse } } },
    async (request, reply) => {
      reply.headers(noStore);
      return learnerStatus(deps, request.params.contestId, token(request));
    },
  );
  api.post(
    '/public/contests/:contestId/course-certificate',
    {
      schema: { params: PublicTestParams, response: { 200: CertificateResponse } },
      config: { rateLimit: { max: deps.config.contestRateLimit, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      reply.headers(noStore);
      return issueLearnerCertificate(deps, request.params.contestId, token(request));
    },
  );
};
