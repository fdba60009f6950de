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

/** A reply that also carries the raw body and the first cookie the server set ("name=value"). */
export type CookieReply = Reply & { raw: string; setCookie: string | null };

/** A request as a browser without an account sends it: one cookie (or none), JSON body. */
export async function callWithCookie(
  t: TestApp,
  method: Method,
  url: string,
  cookie: string | null,
  body?: unknown,
): Promise<CookieReply> {
  const res = await t.app.inject({
    method,
    url: `/api${url}`,
    headers: cookie ? { cookie } : {},
    ...(body === undefined ? {} : { payload: body as object }),
  });
  const header = res.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  return {
    status: res.statusCode,
    body: res.body ? (JSON.parse(res.body) as unknown) : {},
    raw: res.body,
    setCookie: first ? first.split(';')[0]! : null,
  };
}

/** The body of a successful reply (fails the test when the status is not `status`). */
export function ok(res: Reply, status = 200) {
  expect(res.body?.error, JSON.stringify(res.body?.error)).toBeUndefined();
  expect(res.status).toBe(status);
  return res.body;
}

/** A multipart/form-data payload with one file, for app.inject. */
export function multipart(
  file: Buffer,
  options: { field?: string; filename?: string; contentType?: string } = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----phuxanh' + Math.random().toString(16).slice(2);
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="${options.field ?? 'file'}"; filename="${options.filename ?? 'tep.pdf'}"\r\n` +
    `Content-Type: ${options.contentType ?? 'application/octet-stream'}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A small but real PDF (one empty page). */
export const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
