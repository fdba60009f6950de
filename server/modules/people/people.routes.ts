import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';

export const peopleRoutes: FastifyPluginAsync<AppDeps> = async () => {};
