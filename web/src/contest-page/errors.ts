import { ApiError } from './api.ts';
import type { T } from './i18n.ts';

/**
 * The message to show for a failed request: the server's own Vietnamese message (duplicate
 * phone, attempts used, proof of work expired, …) when it sent one, else the network line.
 */
export function errorText(t: T, error: unknown): string {
  if (error instanceof ApiError && error.status !== 0 && error.message) return error.message;
  return t('loadFailed');
}
