import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { z } from 'zod';
import type { Db } from '../../kernel/db/client.ts';
import type { TestApp } from '../../test/test-app.ts';
import type {
  EventListResponse,
  EventResponse,
  GroupListResponse,
  GroupResponse,
  HistoryResponse,
  SearchResponse,
  UnitDetailResponse,
  UnitListResponse,
} from './org.contracts.ts';

/** Test helpers for the org module's tests (not a test file itself). */

type Method = 'GET' | 'POST' | 'PATCH';

export type ApiError = { error?: { code: string; message: string; details?: unknown } };
export type Reply<T> = { status: number; body: Partial<T> & ApiError };

export type UnitList = z.infer<typeof UnitListResponse>;
export type Search = z.infer<typeof SearchResponse>;
export type Detail = z.infer<typeof UnitDetailResponse>;
export type EventBody = z.infer<typeof EventResponse>;
export type EventList = z.infer<typeof EventListResponse>;
export type History = z.infer<typeof HistoryResponse>;
export type GroupList = z.infer<typeof GroupListResponse>;
export type GroupBody = z.infer<typeof GroupResponse>;

/**
 * One request through app.inject; `cookie` null sends none. A string body is sent as raw text
 * (for malformed JSON); anything else as JSON.
 */
export async function call<T = object>(
  t: TestApp,
  method: Method,
  url: string,
  cookie: string | null,
  body?: unknown,
): Promise<Reply<T>> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (typeof body === 'string') headers['content-type'] = 'application/json';
  const res = await t.app.inject({
    method,
    url: `/api${url}`,
    headers,
    ...(body === undefined ? {} : { payload: body as string }),
  });
  return { status: res.statusCode, body: res.body ? res.json<T & ApiError>() : {} };
}

/** The body of a successful reply (fails the test when the status is not `status`). */
export function ok<T>(res: Reply<T>, status = 200): T {
  expect(res.body.error, JSON.stringify(res.body.error)).toBeUndefined();
  expect(res.status).toBe(status);
  return res.body as T;
}

/**
 * A fingerprint of everything the org writes touch: row counts, open versions, closed units and
 * who belongs where. Two equal snapshots mean a request changed nothing.
 */
export async function snapshot(db: Db) {
  const [row] = await db
    .select({
      units: sql<number>`(select count(*) from units)::int`,
      closedUnits: sql<number>`(select count(*) from units where closed_on is not null)::int`,
      attributes: sql<string>`(select md5(coalesce(string_agg(concat_ws('|', id, address, phone, email), ',' order by id), '')) from units)`,
      versions: sql<number>`(select count(*) from unit_versions)::int`,
      openVersions: sql<number>`(select count(*) from unit_versions where valid_to is null)::int`,
      events: sql<number>`(select count(*) from restructure_events)::int`,
      audit: sql<number>`(select count(*) from audit_log)::int`,
      groups: sql<number>`(select count(*) from unit_groups)::int`,
      members: sql<number>`(select count(*) from unit_group_members)::int`,
      people: sql<string>`(select md5(coalesce(string_agg(id || ':' || unit_id, ',' order by id), '')) from people)`,
    })
    .from(sql`(select 1) as one`);
  return row!;
}

/** Asserts that `run` answers with `status`/`code` and leaves the database exactly as it was. */
export async function expectRejectedUnchanged(
  t: TestApp,
  run: () => Promise<Reply<object>>,
  status: number,
  code: string,
) {
  const before = await snapshot(t.deps.db);
  const res = await run();
  expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
  expect(res.body.error?.message).toMatch(/\p{L}/u);
  expect(await snapshot(t.deps.db)).toEqual(before);
  return res;
}

export type TreeNode = { name: string; children: TreeNode[] };

/** The tree below `unitId` on `asOf`, read through the API (children endpoint, recursively). */
export async function readTree(
  t: TestApp,
  cookie: string,
  unitId: string,
  asOf: string,
): Promise<TreeNode[]> {
  const { items } = ok(
    await call<UnitList>(t, 'GET', `/units/${unitId}/children?asOf=${asOf}`, cookie),
  );
  const nodes: TreeNode[] = [];
  for (const item of items) {
    const children = await readTree(t, cookie, item.id, asOf);
    expect(item.childCount).toBe(children.length);
    nodes.push({ name: item.name, children });
  }
  return nodes;
}

/** Open versions of a unit's subtree whose path does not match its parent's path + own label. */
export async function misPathedOpenVersions(db: Db): Promise<number> {
  const [row] = await db
    .select({
      n: sql<number>`count(*)::int`,
    })
    .from(sql`unit_versions v`)
    .where(
      sql`v.valid_to is null and v.parent_id is not null and not exists (
        select 1 from unit_versions p join units u on u.id = v.unit_id
        where p.unit_id = v.parent_id and p.valid_to is null
          and v.path = p.path || ('u' || u.seq)::ltree)`,
    );
  return Number(row?.n ?? 0);
}

export { buildNation } from '../../test/factories.ts';
export type { Nation } from '../../test/factories.ts';
