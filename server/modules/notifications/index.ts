/** The notifications module's public surface; other modules import only from here. */
export { notifications } from './notifications.table.ts';
export type { NewNotification } from './notifications.service.ts';
export { notifyUsers } from './notifications.service.ts';
export { notificationsRoutes } from './notifications.routes.ts';
