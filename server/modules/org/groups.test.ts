import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.ts';
import { buildSubtree, buildUser, uniqueSuffix } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import type { Detail, GroupBody, GroupList } from './org.test-helpers.ts';
import { call, expectRejectedUnchanged, ok, snapshot } from './org.test-helpers.ts';

describe('unit groups', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a group, adds members (idempotently) and counts only members in the actor’s scope', async () => {
    const mine = await buildSubtree(t.deps.db);
    const theirs = await buildSubtree(t.deps.db, 'Tỉnh đoàn Bên Kia');
    const admin = await buildUser(t.deps.db, [{ unit: mine.root, role: 'admin' }]);
    const other = await buildUser(t.deps.db, [{ unit: theirs.root, role: 'editor' }]);
    const code = `G-${uniqueSuffix()}`;
    const { group } = ok(
      await call<GroupBody>(t, 'POST', '/unit-groups', admin.cookie, {
        code,
        name: 'Khối trường THPT',
        kind: 'school',
      }),
      201,
    );
    expect(group).toEqual({
      id: group.id,
      code,
      name: 'Khối trường THPT',
      kind: 'school',
      memberCount: 0,
    });

    const add = (cookie: string, unitId: string) =>
      call(t, 'POST', `/unit-groups/${group.id}/members`, cookie, { unitId });
    expect((await add(admin.cookie, mine.a.id)).status).toBe(204);
    expect((await add(admin.cookie, mine.b.id)).status).toBe(204);
    expect((await add(other.cookie, theirs.a.id)).status).toBe(204);
    // Adding the same unit again answers 204 and changes nothing (no second audit entry either).
    const before = await snapshot(t.deps.db);
    expect((await add(admin.cookie, mine.a.id)).status).toBe(204);
    expect(await snapshot(t.deps.db)).toEqual(before);

    const listed = ok(await call<GroupList>(t, 'GET', '/unit-groups', admin.cookie));
    expect(listed.items.find((g) => g.id === group.id)!.memberCount).toBe(2);
    const seenByOther = ok(await call<GroupList>(t, 'GET', '/unit-groups', other.cookie));
    expect(seenByOther.items.find((g) => g.id === group.id)!.memberCount).toBe(1);

    const detail = ok(await call<Detail>(t, 'GET', `/units/${mine.a.id}`, admin.cookie));
    expect(detail.unit.groups).toEqual([
      { id: group.id, code, name: 'Khối trường THPT', kind: 'school' },
    ]);
    const audits = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, group.id));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'unit_group.add_member',
      'unit_group.add_member',
      'unit_group.add_member',
      'unit_group.create',
    ]);
  });

  it('refuses a duplicate code (409), an unknown group or unit (404) and bad input (400)', async () => {
    const tree = await buildSubtree(t.deps.db);
    const admin = await buildUser(t.deps.db, [{ unit: tree.root, role: 'admin' }]);
    const code = `G-${uniqueSuffix()}`;
    const { group } = ok(
      await call<GroupBody>(t, 'POST', '/unit-groups', admin.cookie, {
        code,
        name: 'Khối cơ quan',
        kind: 'agency',
      }),
      201,
    );
    const create = (body: unknown) => call(t, 'POST', '/unit-groups', admin.cookie, body);
    await expectRejectedUnchanged(
      t,
      () => create({ code, name: 'Trùng mã', kind: 'agency' }),
      409,
      'conflict',
    );
    await expectRejectedUnchanged(
      t,
      () => create({ code: 'X-1', name: 'Sai loại', kind: 'club' }),
      400,
      'validation_failed',
    );
    await expectRejectedUnchanged(t, () => create('{"code":'), 400, 'bad_json');
    const unknown = '00000000-0000-4000-8000-000000000007';
    await expectRejectedUnchanged(
      t,
      () => call(t, 'POST', `/unit-groups/${unknown}/members`, admin.cookie, { unitId: tree.a.id }),
      404,
      'not_found',
    );
    await expectRejectedUnchanged(
      t,
      () => call(t, 'POST', `/unit-groups/${group.id}/members`, admin.cookie, { unitId: unknown }),
      404,
      'not_found',
    );
    await expectRejectedUnchanged(
      t,
      () => call(t, 'POST', `/unit-groups/${group.id}/members`, admin.cookie, { unitId: 'a' }),
      400,
      'validation_failed',
    );
  });
});
