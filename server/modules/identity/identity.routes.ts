import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/authenticate.ts';
import {
  ChangePasswordBody,
  CreateUserBody,
  ListUsersQuery,
  LoginBody,
  MeResponse,
  UserListResponse,
  UserResponse,
} from './identity.contracts.ts';
import {
  changePassword,
  createUser,
  describeActor,
  listUsers,
  login,
  logout,
} from './identity.service.ts';
import { loadActor, SESSION_COOKIE } from './session.service.ts';

export const identityRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.cookieSecure,
  };

  api.post(
    '/auth/login',
    {
      schema: { body: LoginBody, response: { 200: MeResponse } },
      config: { rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, userId } = await login(deps, request.body);
      reply.setCookie(SESSION_COOKIE, token, {
        ...cookieOptions,
        maxAge: deps.config.sessionTtlHours * 3600,
      });
      const actor = await loadActor(deps, userId);
      return { user: await describeActor(deps, actor!) };
    },
  );

  api.post('/auth/logout', async (request, reply) => {
    await logout(deps.db, request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.status(204).send();
  });

  api.get('/auth/me', { schema: { response: { 200: MeResponse } } }, async (request) => {
    return { user: await describeActor(deps, requireActor(request)) };
  });

  api.post('/auth/password', { schema: { body: ChangePasswordBody } }, async (request, reply) => {
    const actor = requireActor(request);
    await changePassword(deps, actor, request.cookies[SESSION_COOKIE] ?? '', request.body);
    return reply.status(204).send();
  });

  api.get(
    '/users',
    { schema: { querystring: ListUsersQuery, response: { 200: UserListResponse } } },
    async (request) => {
      return { items: await listUsers(deps, requireActor(request), request.query.unitId) };
    },
  );

  api.post(
    '/users',
    { schema: { body: CreateUserBody, response: { 201: UserResponse } } },
    async (request, reply) => {
      const user = await createUser(deps, requireActor(request), request.body);
      return reply.status(201).send({ user });
    },
  );
};
