import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/authenticate.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { listNotifications, markAllRead, markRead } from './notifications.service.ts';

const ListQuery = z.object({
  unreadOnly: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
const NotificationView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
const ListResponse = z.object({
  items: z.array(NotificationView),
  unreadCount: z.number().int(),
});

/** The signed-in user's notifications (docs/API.md, "Notifications"). */
export const notificationsRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // A session is checked before anything is parsed: anonymous callers learn nothing.
  api.addHook('onRequest', (request, _reply, done) => {
    done(request.actor ? undefined : new AppError('unauthenticated'));
  });
  api.get(
    '/notifications',
    { schema: { querystring: ListQuery, response: { 200: ListResponse } } },
    async (request) =>
      listNotifications(deps.db, requireActor(request), {
        unreadOnly: request.query.unreadOnly === 'true',
        limit: request.query.limit,
      }),
  );
  api.post(
    '/notifications/:id/read',
    { schema: { params: z.object({ id: z.uuid() }) } },
    async (request, reply) => {
      await markRead(deps.db, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );
  api.post('/notifications/read-all', async (request, reply) => {
    await markAllRead(deps.db, requireActor(request));
    return reply.status(204).send();
  });
};
