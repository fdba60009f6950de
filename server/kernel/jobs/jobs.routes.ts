import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.ts';
import { requireActor } from '../http/authenticate.ts';
import { AppError } from '../http/errors.ts';
import type { UnitPathLookup } from './jobs.access.ts';
import { findVisibleJob, presentJob } from './jobs.access.ts';
import { JobParams, JobResponse } from './jobs.contracts.ts';

export type JobRoutesOptions = AppDeps & { unitPath: UnitPathLookup };

/** GET /api/jobs/:id — status and progress for a progress bar (docs/API.md, "Jobs"). */
export const jobRoutes: FastifyPluginAsync<JobRoutesOptions> = async (app, options) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.addHook('onRequest', (request, _reply, done) => {
    done(request.actor ? undefined : new AppError('unauthenticated'));
  });

  api.get(
    '/jobs/:id',
    { schema: { params: JobParams, response: { 200: JobResponse } } },
    async (request, reply) => {
      const job = await findVisibleJob(
        options.db,
        requireActor(request),
        request.params.id,
        options.unitPath,
      );
      // Polled every second or so: never cached, never stale.
      reply.header('cache-control', 'no-store');
      return { job: presentJob(job) };
    },
  );
};
