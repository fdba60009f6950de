import { expect } from 'vitest';
import type { TestApp } from './test-app.ts';

/** JSON requests through app.inject, for module tests. */

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type ApiError = { error?: { code: string; message: string; details?: unknown } };
// Responses are read as loosely typed JSON; assertions check their shape.
export type Reply = { status: number; body: any };

/** One request through app.inject; `cookie` null sends none; a string body is sent raw. */
export async function call(
  t: TestApp,
  method: Method,
  url: string,
  cookie: string | null,
  body?: unknown,
): Promise<Reply> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (typeof body === 'string') headers['content-type'] = 'application/json';
  const res = await t.app.inject({
    method,
    url: `/api${url}`,
    headers,
    ...(body === undefined ? {} : { payload: body as string }),
  });
  return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as unknown) : {} };
}

/** The body of a successful reply (fails the test when the status is not `status`). */
export function ok(res: Reply, status = 200) {
  expect(res.body?.error, JSON.stringify(res.body?.error)).toBeUndefined();
  expect(res.status).toBe(status);
  return res.body;
}
