import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Db } from './kernel/db/client.ts';
import type { AppDeps } from './kernel/deps.ts';
import { registerActorResolver } from './kernel/http/authenticate.ts';
import { registerErrorHandler } from './kernel/http/error-handler.ts';
import { AppError } from './kernel/http/errors.ts';
import { createJobRegistry, jobRoutes } from './kernel/jobs/index.ts';
import { certificateJobs, certificateRoutes } from './modules/certificates/index.ts';
import {
  CONTEST_INDICATORS,
  contestJobs,
  contestRoutes,
  publicContestRoutes,
} from './modules/contests/index.ts';
import { COURSE_INDICATORS, courseRoutes, publicCourseRoutes } from './modules/courses/index.ts';
import { identityRoutes, resolveActor } from './modules/identity/index.ts';
import { findUnitAsOf, orgRoutes } from './modules/org/index.ts';
import { peopleRoutes } from './modules/people/index.ts';
import { notificationsRoutes } from './modules/notifications/index.ts';
import { planningRoutes } from './modules/planning/index.ts';
import { reportingRoutes } from './modules/reporting/index.ts';

export type BuildAppOptions = AppDeps & { logger?: boolean; serveWeb?: boolean };

/** Builds the HTTP application: kernel plugins, then each module's routes under /api. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { logger = false, serveWeb = false, ...deps } = options;
  const app = Fastify({
    logger: logger ? { level: deps.config.logLevel } : false,
    bodyLimit: deps.config.bodyLimit,
    trustProxy: deps.config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, {
    limits: { fileSize: deps.config.uploadLimit, files: 1, fields: 5 },
  });
  registerActorResolver(app, resolveActor(deps));

  // Background jobs: each module adds its kinds here; main.ts starts the runner over them.
  const jobs = createJobRegistry();
  app.decorate('jobs', jobs);
  for (const job of certificateJobs) jobs.register(job);
  for (const job of contestJobs) jobs.register(job);
  const computedIndicators = [...CONTEST_INDICATORS, ...COURSE_INDICATORS];
  const unitPath = async (db: Db, unitId: string) =>
    (await findUnitAsOf(db, unitId, deps.today()))?.path ?? null;

  await app.register(
    async (api) => {
      await api.register(identityRoutes, deps);
      await api.register(orgRoutes, deps);
      await api.register(peopleRoutes, deps);
      await api.register(planningRoutes, { ...deps, computedIndicators });
      await api.register(jobRoutes, { ...deps, unitPath });
      await api.register(certificateRoutes, deps);
      await api.register(reportingRoutes, { ...deps, computedIndicators });
      await api.register(notificationsRoutes, deps);
      await api.register(contestRoutes, deps);
      await api.register(publicContestRoutes, deps);
      await api.register(courseRoutes, deps);
      await api.register(publicCourseRoutes, deps);
    },
    { prefix: '/api' },
  );

  const webDist = deps.config.webDist;
  const withWeb = serveWeb && fs.existsSync(path.join(webDist, 'index.html'));
  if (withWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  // The public contest page is its own light entry (decision 0011), when the build has it.
  const withContestPage = withWeb && fs.existsSync(path.join(webDist, 'thi.html'));
  app.setNotFoundHandler((request, reply) => {
    // The single-page app owns every other GET path (it shows its own not-found page).
    if (withWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      const contestPage = withContestPage && /^\/thi(\/|\?|$)/.test(request.url);
      return reply.type('text/html').sendFile(contestPage ? 'thi.html' : 'index.html');
    }
    return reply.status(404).send(new AppError('not_found').toBody());
  });
  return app;
}
