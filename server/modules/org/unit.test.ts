import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.ts';
import { buildSubtree, buildUser, uniqueSuffix } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { restructureEvents } from './org.table.ts';
import type { Detail, UnitList } from './org.test-helpers.ts';
import { call, expectRejectedUnchanged, ok } from './org.test-helpers.ts';

describe('POST /units and PATCH /units/:id', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const newUnit = (parentId: string, extra: Record<string, unknown> = {}) => ({
    parentId,
    code: `C-${uniqueSuffix()}`,
    name: 'Đoàn trường THPT Lê Quý Đôn',
    shortName: 'Đoàn trường LQĐ',
    kind: 'grassroots',
    wing: 'doan',
    address: '12 Lê Lợi, phường Bến Thành',
    phone: '028 3822 1234',
    email: 'doantruong@example.vn',
    effectiveDate: '2025-09-05',
    ...extra,
  });

  describe('create', () => {
    it('creates a unit from its effective date, with a create event and an audit entry', async () => {
      const tree = await buildSubtree(t.deps.db);
      const admin = await buildUser(t.deps.db, [{ unit: tree.root, role: 'admin' }]);
      const body = newUnit(tree.root.id);
      const { unit } = ok(
        await call<{ unit: Detail['unit'] }>(t, 'POST', '/units', admin.cookie, body),
        201,
      );
      expect(unit).toMatchObject({
        code: body.code,
        name: body.name,
        shortName: body.shortName,
        kind: 'grassroots',
        wing: 'doan',
        parentId: tree.root.id,
        childCount: 0,
        closedOn: null,
        address: body.address,
        phone: body.phone,
        email: body.email,
        establishedOn: '2025-09-05',
        ancestors: [{ id: tree.root.id, name: tree.root.name, kind: 'province' }],
      });
      expect(unit.path).toMatch(new RegExp(`^${tree.root.path}\\.u\\d+$`));

      const on = ok(
        await call<UnitList>(
          t,
          'GET',
          `/units/${tree.root.id}/children?asOf=2025-09-05`,
          admin.cookie,
        ),
      );
      const before = ok(
        await call<UnitList>(
          t,
          'GET',
          `/units/${tree.root.id}/children?asOf=2025-09-04`,
          admin.cookie,
        ),
      );
      expect(on.items.map((u) => u.id)).toContain(unit.id);
      expect(before.items.map((u) => u.id)).not.toContain(unit.id);

      const [audit] = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, unit.id));
      expect(audit).toMatchObject({ action: 'unit.create', actorId: admin.id, unitId: unit.id });
      const events = await t.deps.db
        .select()
        .from(restructureEvents)
        .where(eq(restructureEvents.createdBy, admin.id));
      expect(events.map((e) => [e.kind, e.effectiveDate])).toEqual([['create', '2025-09-05']]);
    });

    it('refuses a duplicate code (409), an unknown or not-yet-existing parent (404), bad input (400)', async () => {
      const tree = await buildSubtree(t.deps.db);
      const admin = await buildUser(t.deps.db, [{ unit: tree.root, role: 'admin' }]);
      const create = (body: unknown) => call(t, 'POST', '/units', admin.cookie, body);
      await expectRejectedUnchanged(
        t,
        () => create(newUnit(tree.root.id, { code: tree.a.code })),
        409,
        'conflict',
      );
      await expectRejectedUnchanged(
        t,
        () => create(newUnit('00000000-0000-4000-8000-000000000005')),
        404,
        'not_found',
      );
      await expectRejectedUnchanged(
        t,
        () => create(newUnit(tree.root.id, { effectiveDate: '2019-12-31' })),
        404,
        'not_found',
      );
      await expectRejectedUnchanged(t, () => create('{"parentId": nope}'), 400, 'bad_json');
      for (const extra of [
        { kind: 'galaxy' },
        { wing: 'left' },
        { email: 'not-an-email' },
        { phone: 'call me' },
        { code: 'có dấu cách' },
        { effectiveDate: '2025-02-29' },
        { parentId: 7 },
        { name: '' },
        { hack: true },
      ]) {
        await expectRejectedUnchanged(
          t,
          () => create(newUnit(tree.root.id, extra)),
          400,
          'validation_failed',
        );
      }
    });

    it('refuses a date before a later change of the parent (422)', async () => {
      const tree = await buildSubtree(t.deps.db);
      const admin = await buildUser(t.deps.db, [{ unit: tree.root, role: 'admin' }]);
      ok(
        await call(t, 'POST', '/restructure/rename', admin.cookie, {
          effectiveDate: '2025-10-01',
          reason: 'Đổi tên',
          unitId: tree.a.id,
          name: 'Đoàn phường An Bình',
          shortName: 'P. An Bình',
        }),
        201,
      );
      await expectRejectedUnchanged(
        t,
        () =>
          call(
            t,
            'POST',
            '/units',
            admin.cookie,
            newUnit(tree.a.id, { effectiveDate: '2025-09-05' }),
          ),
        422,
        'date_out_of_order',
      );
    });

    it('needs admin on the parent: an editor gets 403', async () => {
      const tree = await buildSubtree(t.deps.db);
      const editor = await buildUser(t.deps.db, [{ unit: tree.root, role: 'editor' }]);
      await expectRejectedUnchanged(
        t,
        () => call(t, 'POST', '/units', editor.cookie, newUnit(tree.a.id)),
        403,
        'forbidden',
      );
    });
  });

  describe('patch', () => {
    it('updates contact attributes (editor), clears with null, and audits before/after', async () => {
      const tree = await buildSubtree(t.deps.db);
      const editor = await buildUser(t.deps.db, [{ unit: tree.a, role: 'editor' }]);
      const url = `/units/${tree.a.id}`;
      const first = ok(
        await call<Detail>(t, 'PATCH', url, editor.cookie, {
          phone: '0912345678',
          email: 'xa@example.vn',
        }),
      );
      expect(first.unit).toMatchObject({
        phone: '0912345678',
        email: 'xa@example.vn',
        address: null,
      });
      expect(first.abilities).toEqual({ update: true, restructure: false, managePeople: true });
      const second = ok(
        await call<Detail>(t, 'PATCH', url, editor.cookie, { phone: null, address: 'Thôn 3' }),
      );
      expect(second.unit).toMatchObject({ phone: null, email: 'xa@example.vn', address: 'Thôn 3' });
      const audits = await t.deps.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.entityId, tree.a.id));
      expect(audits.map((a) => [a.action, a.before, a.after])).toEqual([
        [
          'unit.update',
          { address: null, phone: null, email: null },
          { address: null, phone: '0912345678', email: 'xa@example.vn' },
        ],
        [
          'unit.update',
          { address: null, phone: '0912345678', email: 'xa@example.vn' },
          { address: 'Thôn 3', phone: null, email: 'xa@example.vn' },
        ],
      ]);
    });

    it('refuses bad input (400), unknown ids (404) and units closed today (404)', async () => {
      const tree = await buildSubtree(t.deps.db);
      const admin = await buildUser(t.deps.db, [{ unit: tree.root, role: 'admin' }]);
      const patch = (id: string, body: unknown) =>
        call(t, 'PATCH', `/units/${id}`, admin.cookie, body);
      for (const body of [{}, { email: 'sai' }, { phone: 12 }, { name: 'Đổi tên ở đây' }]) {
        await expectRejectedUnchanged(t, () => patch(tree.a.id, body), 400, 'validation_failed');
      }
      await expectRejectedUnchanged(t, () => patch(tree.a.id, '{'), 400, 'bad_json');
      await expectRejectedUnchanged(
        t,
        () => patch('00000000-0000-4000-8000-000000000006', { phone: '0912345678' }),
        404,
        'not_found',
      );
      ok(
        await call(t, 'POST', '/restructure/close', admin.cookie, {
          effectiveDate: '2025-01-01',
          reason: 'Giải thể',
          unitId: tree.b.id,
        }),
        201,
      );
      await expectRejectedUnchanged(
        t,
        () => patch(tree.b.id, { phone: '0912345678' }),
        404,
        'not_found',
      );
    });
  });
});
