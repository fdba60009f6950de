import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export type ActorResolver = (request: FastifyRequest) => Promise<Actor | null>;

/** Resolves the actor once per request (identity supplies the resolver). */
export function registerActorResolver(app: FastifyInstance, resolve: ActorResolver): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    request.actor = await resolve(request);
  });
}

/** For use inside handlers: the caller, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}
