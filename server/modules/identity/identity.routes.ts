import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';

export const identityRoutes: FastifyPluginAsync<AppDeps> = async () => {};
