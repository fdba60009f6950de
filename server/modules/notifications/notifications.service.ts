import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/client.ts';
import { notFound } from '../../kernel/http/errors.ts';
import { notifications } from './notifications.table.ts';

/** In-app notifications: written by other modules in their transactions, read by their user. */

export type NewNotification = {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
};

/** Call with the transaction of the change the notifications are about. */
export async function notifyUsers(tx: Db, items: NewNotification[]): Promise<void> {
  if (items.length === 0) return;
  await tx.insert(notifications).values(items.map((n) => ({ ...n, link: n.link ?? null })));
}

export type NotificationView = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
};

export async function listNotifications(
  db: Db,
  actor: Actor,
  query: { unreadOnly: boolean; limit: number },
): Promise<{ items: NotificationView[]; unreadCount: number }> {
  const mine = eq(notifications.userId, actor.userId);
  const rows = await db
    .select()
    .from(notifications)
    .where(query.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit);
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: new Date(r.createdAt).toISOString(),
      readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
    })),
    unreadCount: Number(unread?.n ?? 0),
  };
}

/** Marks one of the actor's notifications read (someone else's is 404, as if absent). */
export async function markRead(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: notifications.id, readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId)))
      .for('update');
    if (!row) throw notFound('Không tìm thấy thông báo.');
    if (row.readAt) return;
    await tx.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, id));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'notification.read',
      entity: 'notification',
      entityId: id,
    });
  });
}

export async function markAllRead(db: Db, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (updated.length) {
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'notification.read_all',
        entity: 'notification',
        entityId: actor.userId,
        after: { count: updated.length },
      });
    }
    return updated.length;
  });
}
