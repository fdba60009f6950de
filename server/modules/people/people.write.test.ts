import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.ts';
import { buildSubtree, buildUser, uniqueSuffix } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import type { PersonResponse } from './people.contracts.ts';
import { uniqueViolationField } from './people.service.ts';
import { people } from './people.table.ts';
import { addPerson, countRows } from './people.test-support.ts';

let serial = 0;
/** Phone and ID numbers unique across the test file. */
function freshPhone(): string {
  serial += 1;
  return `09${String((Date.now() % 1_000_000) * 100 + serial)
    .padStart(8, '0')
    .slice(-8)}`;
}
function freshIdNumber(): string {
  serial += 1;
  return `0${String(Date.now()).slice(-8)}${String(serial).padStart(3, '0')}`;
}

describe('people: create and update', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2026-11-22' });
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (cookie: string | undefined, payload: unknown) =>
    t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: cookie ? { cookie } : {},
      payload: payload as object,
    });
  const patch = (cookie: string | undefined, id: string, payload: unknown) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/people/${id}`,
      headers: cookie ? { cookie } : {},
      payload: payload as object,
    });

  it('creates a person, normalising phone and name, with an audit record', async () => {
    const tree = await buildSubtree(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: tree.a, role: 'editor' }]);
    const phone = freshPhone();
    const idNumber = freshIdNumber();
    const res = await post(editor.cookie, {
      unitId: tree.chapter.id,
      fullName: '  Nguyễn   Thị  Lan ',
      category: 'member',
      gender: 'female',
      birthDate: '2001-05-19',
      joinDate: '2017-03-26',
      phone: `${phone.slice(0, 4)} ${phone.slice(4, 7)}.${phone.slice(7)}`,
      idNumber,
      email: 'Lan@Example.com',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json<PersonResponse>();
    expect(body.person).toMatchObject({
      unitId: tree.chapter.id,
      unitName: tree.chapter.name,
      fullName: 'Nguyễn Thị Lan',
      category: 'member',
      isFullTime: null,
      gender: 'female',
      birthDate: '2001-05-19',
      joinDate: '2017-03-26',
      phone,
      idNumber,
      email: 'lan@example.com',
      isMinor: false,
    });
    expect(body.abilities.update).toBe(true);

    const [stored] = await t.deps.db.select().from(people).where(eq(people.id, body.person.id));
    expect(stored!.searchName).toBe('nguyen thi lan');
    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'person'), eq(auditLog.entityId, body.person.id)));
    expect(audit).toMatchObject({
      action: 'person.create',
      actorId: editor.id,
      unitId: tree.chapter.id,
    });
    expect(audit!.after).toMatchObject({ fullName: 'Nguyễn Thị Lan', phone });

    const found = await t.app.inject({
      method: 'GET',
      url: `/api/people?unitId=${tree.a.id}&q=nguyen%20thi%20lan`,
      headers: { cookie: editor.cookie },
    });
    expect(found.json()).toMatchObject({ items: [{ id: body.person.id }] });
  });

  it('accepts a cadre as full-time and stores "not full-time" of others as null', async () => {
    const tree = await buildSubtree(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: tree.root, role: 'editor' }]);
    const cadre = await post(editor.cookie, {
      unitId: tree.a.id,
      fullName: 'Bí Thư',
      category: 'cadre',
      isFullTime: true,
    });
    expect(cadre.json<PersonResponse>().person.isFullTime).toBe(true);
    const member = await post(editor.cookie, {
      unitId: tree.a.id,
      fullName: 'Đoàn Viên',
      category: 'member',
      isFullTime: false,
    });
    expect(member.json<PersonResponse>().person.isFullTime).toBeNull();
    const blankOptional = await post(editor.cookie, {
      unitId: tree.a.id,
      fullName: 'Để Trống',
      category: 'youth',
      phone: '',
      email: ' ',
    });
    expect(blankOptional.statusCode).toBe(201);
    expect(blankOptional.json<PersonResponse>().person).toMatchObject({
      phone: null,
      email: null,
    });
  });

  it('refuses a duplicate phone or ID number with 409 naming the field', async () => {
    const tree = await buildSubtree(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: tree.root, role: 'editor' }]);
    const other = await buildSubtree(t.deps.db);
    const phone = freshPhone();
    const idNumber = freshIdNumber();
    // The existing person lives in another subtree: uniqueness is national.
    await addPerson(t.deps.db, other.a, { fullName: 'Người Đã Có', phone, idNumber });
    const before = await countRows(t.deps.db);

    const byPhone = await post(editor.cookie, {
      unitId: tree.a.id,
      fullName: 'Trùng Số',
      category: 'youth',
      phone,
    });
    expect(byPhone.statusCode).toBe(409);
    expect(byPhone.json()).toMatchObject({
      error: {
        code: 'conflict',
        message: expect.stringContaining('Số điện thoại') as string,
        details: [{ field: 'phone' }],
      },
    });
    const byId = await post(editor.cookie, {
      unitId: tree.a.id,
      fullName: 'Trùng CCCD',
      category: 'youth',
      idNumber,
    });
    expect(byId.statusCode).toBe(409);
    expect(byId.json()).toMatchObject({
      error: {
        code: 'conflict',
        message: expect.stringContaining('CCCD') as string,
        details: [{ field: 'idNumber' }],
      },
    });
    expect(await countRows(t.deps.db)).toEqual(before);
  });

  it("recognises the database's unique violation on phone and ID number", async () => {
    const tree = await buildSubtree(t.deps.db);
    const phone = freshPhone();
    const idNumber = freshIdNumber();
    await addPerson(t.deps.db, tree.a, { fullName: 'Gốc', phone, idNumber });
    const caught = async (fields: { phone?: string; idNumber?: string }) => {
      try {
        await addPerson(t.deps.db, tree.a, { fullName: 'Bản Sao', ...fields });
        return null;
      } catch (error) {
        return error;
      }
    };
    expect(uniqueViolationField(await caught({ phone }))).toBe('phone');
    expect(uniqueViolationField(await caught({ idNumber }))).toBe('idNumber');
    expect(uniqueViolationField(new Error('other'))).toBeNull();
  });

  it('validates fields at the edge (400 validation_failed)', async () => {
    const tree = await buildSubtree(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: tree.root, role: 'editor' }]);
    const valid = { unitId: tree.a.id, fullName: 'Hợp Lệ', category: 'member' };
    const before = await countRows(t.deps.db);
    const cases: [string, Record<string, unknown>][] = [
      ['fullName', { fullName: '' }],
      ['fullName', { fullName: '   ' }],
      ['fullName', { fullName: 'A'.repeat(121) }],
      ['category', { category: 'alien' }],
      ['gender', { gender: 'x' }],
      ['birthDate', { birthDate: '2001-02-30' }],
      ['birthDate', { birthDate: '19/05/2001' }],
      ['birthDate', { birthDate: '2026-11-23' }],
      ['joinDate', { category: 'youth', joinDate: '2020-01-01' }],
      ['joinDate', { joinDate: '2027-01-01' }],
      ['joinDate', { birthDate: '2005-01-01', joinDate: '2004-01-01' }],
      ['isFullTime', { category: 'member', isFullTime: true }],
      ['phone', { phone: '12345' }],
      ['phone', { phone: '1912345678' }],
      ['phone', { phone: '09123456789' }],
      ['idNumber', { idNumber: '1234567890' }],
      ['idNumber', { idNumber: '12345678901A' }],
      ['email', { email: 'not-an-email' }],
      ['unitId', { unitId: 'abc' }],
    ];
    for (const [field, change] of cases) {
      const res = await post(editor.cookie, { ...valid, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      const body = res.json<{
        error: { code: string; details: { field: string; message: string }[] };
      }>();
      expect(body.error.code).toBe('validation_failed');
      expect(
        body.error.details.map((d) => d.field),
        JSON.stringify(change),
      ).toContain(field);
    }
    // Missing required fields, unknown fields, wrong types.
    for (const payload of [
      { unitId: tree.a.id, category: 'member' },
      { ...valid, unknownField: 1 },
      { ...valid, fullName: 42 },
      { ...valid, isFullTime: 'yes' },
      [valid],
    ]) {
      const res = await post(editor.cookie, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'validation_failed' } });
    }
    // Old 9-digit CMND and phones with +84 are accepted.
    const ok = await post(editor.cookie, {
      ...valid,
      idNumber: freshIdNumber().slice(0, 9),
      phone: `+84 ${freshPhone().slice(1)}`,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json<PersonResponse>().person.phone).toMatch(/^09\d{8}$/);
    expect((await countRows(t.deps.db)).people).toBe(before.people + 1);
  });

  it('answers malformed JSON with 400 bad_json', async () => {
    const tree = await buildSubtree(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: tree.root, role: 'editor' }]);
    const person = await addPerson(t.deps.db, tree.a, { fullName: 'Ai Đó' });
    const headers = { cookie: editor.cookie, 'content-type': 'application/json' };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers,
      payload: '{"fullName": ',
    });
    expect(created.statusCode).toBe(400);
    expect(created.json()).toMatchObject({ error: { code: 'bad_json' } });
    const updated = await t.app.inject({
      method: 'PATCH',
      url: `/api/people/${person.id}`,
      headers,
      payload: '{oops}',
    });
    expect(updated.statusCode).toBe(400);
    expect(updated.json()).toMatchObject({ error: { code: 'bad_json' } });
  });

  it('create: outsider 404, viewer 403, no session 401 — and nothing written', async () => {
    const tree = await buildSubtree(t.deps.db);
    const elsewhere = await buildSubtree(t.deps.db);
    const outsider = await buildUser(t.deps.db, [{ unit: elsewhere.root, role: 'admin' }]);
    const viewer = await buildUser(t.deps.db, [{ unit: tree.root, role: 'viewer' }]);
    const editorOfB = await buildUser(t.deps.db, [
      { unit: tree.b, role: 'editor' },
      { unit: tree.root, role: 'viewer' },
    ]);
    const payload = { unitId: tree.a.id, fullName: 'Không Được Tạo', category: 'youth' };
    const before = await countRows(t.deps.db);

    const asOutsider = await post(outsider.cookie, payload);
    expect(asOutsider.statusCode).toBe(404);
    expect(asOutsider.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await post(viewer.cookie, payload)).json()).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect((await post(viewer.cookie, payload)).statusCode).toBe(403);
    expect((await post(editorOfB.cookie, payload)).statusCode).toBe(403);
    const anonymous = await post(undefined, payload);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    // No session is 401 even when the body is malformed.
    const anonymousBadJson = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: { 'content-type': 'application/json' },
      payload: '{',
    });
    expect(anonymousBadJson.statusCode).toBe(401);
    expect(await countRows(t.deps.db)).toEqual(before);
  });

  it('updates fields, the search name and the audit trail (changed fields only)', async () => {
    const tree = await buildSubtree(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: tree.a, role: 'editor' }]);
    const person = await addPerson(t.deps.db, tree.chapter, {
      fullName: 'Tên Cũ',
      category: 'member',
      phone: freshPhone(),
    });
    const res = await patch(editor.cookie, person.id, {
      fullName: 'Trương Thị Mới',
      birthDate: '2000-01-02',
      phone: null,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<PersonResponse>().person).toMatchObject({
      fullName: 'Trương Thị Mới',
      birthDate: '2000-01-02',
      phone: null,
    });
    const [stored] = await t.deps.db.select().from(people).where(eq(people.id, person.id));
    expect(stored!.searchName).toBe('truong thi moi');
    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, person.id), eq(auditLog.action, 'person.update')))
      .orderBy(desc(auditLog.id));
    expect(audit!.before).toEqual({ fullName: 'Tên Cũ', birthDate: null, phone: person.phone });
    expect(audit!.after).toEqual({
      fullName: 'Trương Thị Mới',
      birthDate: '2000-01-02',
      phone: null,
    });

    // Rules apply to the result of the update.
    const wrong = await patch(editor.cookie, person.id, {
      category: 'youth',
      joinDate: '2020-01-01',
    });
    expect(wrong.statusCode).toBe(400);
    // Changing a cadre's category drops "full-time".
    const cadre = await addPerson(t.deps.db, tree.a, {
      fullName: 'Cán Bộ',
      category: 'cadre',
      isFullTime: true,
    });
    const demoted = await patch(editor.cookie, cadre.id, { category: 'youth' });
    expect(demoted.json<PersonResponse>().person).toMatchObject({
      category: 'youth',
      isFullTime: null,
    });
    // A no-op update writes no audit record.
    const auditBefore = (await countRows(t.deps.db)).audit;
    expect((await patch(editor.cookie, person.id, { fullName: 'Trương Thị Mới' })).statusCode).toBe(
      200,
    );
    expect((await countRows(t.deps.db)).audit).toBe(auditBefore);
  });

  it('update: duplicate phone → 409, keeping its own number is fine', async () => {
    const tree = await buildSubtree(t.deps.db);
    const editor = await buildUser(t.deps.db, [{ unit: tree.root, role: 'editor' }]);
    const takenPhone = freshPhone();
    await addPerson(t.deps.db, tree.b, { fullName: 'Chủ Số', phone: takenPhone });
    const ownPhone = freshPhone();
    const person = await addPerson(t.deps.db, tree.a, { fullName: 'Người Sửa', phone: ownPhone });
    const dup = await patch(editor.cookie, person.id, { phone: takenPhone });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({
      error: { code: 'conflict', details: [{ field: 'phone' }] },
    });
    expect(
      (await patch(editor.cookie, person.id, { phone: ownPhone, fullName: 'Người Đã Sửa' }))
        .statusCode,
    ).toBe(200);
  });

  it('moving a person needs editor on both units', async () => {
    const tree = await buildSubtree(t.deps.db);
    const elsewhere = await buildSubtree(t.deps.db);
    const editorOfA = await buildUser(t.deps.db, [
      { unit: tree.a, role: 'editor' },
      { unit: tree.b, role: 'viewer' },
    ]);
    const editorOfRoot = await buildUser(t.deps.db, [{ unit: tree.root, role: 'editor' }]);
    const person = await addPerson(t.deps.db, tree.chapter, { fullName: 'Người Chuyển' });
    const before = await countRows(t.deps.db);

    expect((await patch(editorOfA.cookie, person.id, { unitId: tree.b.id })).statusCode).toBe(403);
    expect((await patch(editorOfA.cookie, person.id, { unitId: elsewhere.a.id })).statusCode).toBe(
      404,
    );
    expect(await countRows(t.deps.db)).toEqual(before);

    const moved = await patch(editorOfRoot.cookie, person.id, { unitId: tree.b.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<PersonResponse>().person).toMatchObject({
      unitId: tree.b.id,
      unitName: tree.b.name,
    });
    // Within one editor's subtree a move is allowed.
    const back = await patch(editorOfRoot.cookie, person.id, { unitId: tree.chapter.id });
    expect(back.json<PersonResponse>().person.unitId).toBe(tree.chapter.id);
  });

  it('update: outsider 404, viewer 403, no session 401 — and nothing changed', async () => {
    const tree = await buildSubtree(t.deps.db);
    const elsewhere = await buildSubtree(t.deps.db);
    const outsider = await buildUser(t.deps.db, [{ unit: elsewhere.root, role: 'admin' }]);
    const viewer = await buildUser(t.deps.db, [{ unit: tree.root, role: 'viewer' }]);
    const person = await addPerson(t.deps.db, tree.a, { fullName: `Bất Biến ${uniqueSuffix()}` });
    const before = await countRows(t.deps.db);
    const change = { fullName: 'Đã Bị Sửa' };

    const asOutsider = await patch(outsider.cookie, person.id, change);
    expect(asOutsider.statusCode).toBe(404);
    expect(asOutsider.json()).toMatchObject({ error: { code: 'not_found' } });
    const asViewer = await patch(viewer.cookie, person.id, change);
    expect(asViewer.statusCode).toBe(403);
    expect(asViewer.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await patch(undefined, person.id, change)).statusCode).toBe(401);
    expect(
      (await patch(viewer.cookie, '00000000-0000-4000-8000-000000000000', change)).statusCode,
    ).toBe(404);

    const [stored] = await t.deps.db.select().from(people).where(eq(people.id, person.id));
    expect(stored!.fullName).toBe(person.fullName);
    expect(await countRows(t.deps.db)).toEqual(before);
  });
});
