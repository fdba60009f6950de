import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.ts';
import { buildSubtree, buildUser, uniqueSuffix } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { createAccount } from './identity.service.ts';
import { sessions, users } from './identity.table.ts';

describe('identity', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function accountWithPassword(password = 'mat-khau-rat-manh') {
    const tree = await buildSubtree(t.deps.db);
    const username = `canbo_${uniqueSuffix().toLowerCase()}`;
    await createAccount(
      t.deps.db,
      {
        username,
        displayName: 'Cán bộ Thử',
        password,
        grants: [{ unitId: tree.root.id, role: 'editor' }],
      },
      null,
    );
    return { tree, username, password };
  }

  async function login(username: string, password: string) {
    return t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    });
  }

  function sessionCookie(res: { cookies: { name: string; value: string }[] }): string {
    const cookie = res.cookies.find((c) => c.name === 'px_session');
    return `px_session=${cookie!.value}`;
  }

  it('logs in with an httpOnly cookie, shows the grants, and logs out', async () => {
    const { tree, username, password } = await accountWithPassword();
    const res = await login(username.toUpperCase(), password);
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(res.json().user.grants).toEqual([
      { unitId: tree.root.id, unitCode: tree.root.code, unitName: tree.root.name, role: 'editor' },
    ]);
    expect(JSON.stringify(res.json())).not.toContain('argon2');

    const cookie = sessionCookie(res);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json().user.username).toBe(username);

    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie },
    });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthenticated');
  });

  it('stores an argon2id hash, never the password', async () => {
    const { username, password } = await accountWithPassword();
    const [row] = await t.deps.db.select().from(users).where(eq(users.username, username));
    expect(row!.passwordHash.startsWith('$argon2id$')).toBe(true);
    expect(row!.passwordHash).not.toContain(password);
  });

  it('rejects a wrong password and an unknown user with the same error', async () => {
    const { username } = await accountWithPassword();
    const wrong = await login(username, 'sai-mat-khau-roi');
    const unknown = await login('khong_ton_tai', 'sai-mat-khau-roi');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('invalid_credentials');
  });

  it('rejects malformed login bodies with stable codes', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('bad_json');
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 12, password: true },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.code).toBe('validation_failed');
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'x'.repeat(t.deps.config.bodyLimit + 1) },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
  });

  it('changes the password, ends other sessions, and keeps the current one', async () => {
    const { username, password } = await accountWithPassword();
    const first = sessionCookie(await login(username, password));
    const second = sessionCookie(await login(username, password));
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: first },
      payload: { currentPassword: 'khong-dung-dau', newPassword: 'mat-khau-moi-123' },
    });
    expect(wrong.statusCode).toBe(400);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: first },
      payload: { currentPassword: password, newPassword: 'mat-khau-moi-123' },
    });
    expect(ok.statusCode).toBe(204);
    expect(
      (await t.app.inject({ url: '/api/auth/me', headers: { cookie: first } })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ url: '/api/auth/me', headers: { cookie: second } })).statusCode,
    ).toBe(401);
    expect((await login(username, password)).statusCode).toBe(401);
    expect((await login(username, 'mat-khau-moi-123')).statusCode).toBe(200);
  });

  it('requires a session to change the password', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'abcdefghijk', newPassword: 'mat-khau-moi-123' },
    });
    expect(res.statusCode).toBe(401);
  });

  // Each refused login still verifies an argon2id hash on purpose, which is slow on a loaded
  // machine: these tests get a longer timeout.
  it('rate-limits login attempts per IP', async () => {
    const limited = await buildTestApp({ config: { loginRateLimit: 3 } });
    try {
      const app = limited.app;
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'ai_do', password: 'doan-mo-mat-khau' },
          remoteAddress: '10.1.2.3',
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  }, 30_000);

  it('does not let a client escape the login limit by sending its own X-Forwarded-For', async () => {
    const limited = await buildTestApp({ config: { loginRateLimit: 2 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'ai_do', password: 'doan-mo-mat-khau' },
          remoteAddress: '10.1.2.4',
          headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  }, 30_000);

  it('trusts X-Forwarded-For only from the configured proxy', async () => {
    const proxied = await buildTestApp({ config: { loginRateLimit: 2, trustProxy: '10.9.9.9' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await proxied.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'ai_do', password: 'doan-mo-mat-khau' },
          remoteAddress: '10.9.9.9',
          // Two clients behind the proxy: each gets its own allowance.
          headers: { 'x-forwarded-for': i % 2 === 0 ? '198.51.100.1' : '198.51.100.2' },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 401]);
    } finally {
      await proxied.close();
    }
  }, 30_000);

  describe('accounts', () => {
    it('lets an admin create an account in their subtree and lists it', async () => {
      const tree = await buildSubtree(t.deps.db);
      const admin = await buildUser(t.deps.db, [{ unit: tree.root, role: 'admin' }]);
      const username = `moi_${uniqueSuffix().toLowerCase()}`;
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: { cookie: admin.cookie },
        payload: {
          username,
          displayName: 'Bí thư xã An Bình',
          password: 'mat-khau-rat-manh',
          grants: [{ unitId: tree.a.id, role: 'viewer' }],
        },
      });
      expect(res.statusCode).toBe(201);
      expect(JSON.stringify(res.json())).not.toContain('password');
      const list = await t.app.inject({
        url: `/api/users?unitId=${tree.root.id}`,
        headers: { cookie: admin.cookie },
      });
      expect(list.json().items.map((u: { username: string }) => u.username)).toContain(username);
      expect((await login(username, 'mat-khau-rat-manh')).statusCode).toBe(200);
      const [audit] = await t.deps.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.entityId, res.json().user.id));
      expect(audit!.action).toBe('user.create');
    });

    it('answers 404 to an outsider, 403 to a viewer, 401 without a session, and changes nothing', async () => {
      const tree = await buildSubtree(t.deps.db);
      const other = await buildSubtree(t.deps.db, 'Tỉnh đoàn Khác');
      const outsider = await buildUser(t.deps.db, [{ unit: other.root, role: 'admin' }]);
      const viewer = await buildUser(t.deps.db, [{ unit: tree.root, role: 'viewer' }]);
      const payload = {
        username: `x_${uniqueSuffix().toLowerCase()}`,
        displayName: 'X',
        password: 'mat-khau-rat-manh',
        grants: [{ unitId: tree.a.id, role: 'admin' }],
      };
      const usersBefore = await t.deps.db.select({ n: count() }).from(users);
      const cases: [string | undefined, number][] = [
        [outsider.cookie, 404],
        [viewer.cookie, 403],
        [undefined, 401],
      ];
      for (const [cookie, status] of cases) {
        const headers = cookie ? { cookie } : {};
        const create = await t.app.inject({ method: 'POST', url: '/api/users', headers, payload });
        expect(create.statusCode).toBe(status);
        const list = await t.app.inject({ url: `/api/users?unitId=${tree.root.id}`, headers });
        expect(list.statusCode).toBe(status);
      }
      const usersAfter = await t.deps.db.select({ n: count() }).from(users);
      expect(usersAfter).toEqual(usersBefore);
    });

    it('answers 404 for an unknown unit id and 400 for a malformed one', async () => {
      const tree = await buildSubtree(t.deps.db);
      const admin = await buildUser(t.deps.db, [{ unit: tree.root, role: 'admin' }]);
      const unknown = await t.app.inject({
        url: '/api/users?unitId=00000000-0000-4000-8000-000000000000',
        headers: { cookie: admin.cookie },
      });
      expect(unknown.statusCode).toBe(404);
      const malformed = await t.app.inject({
        url: '/api/users?unitId=abc',
        headers: { cookie: admin.cookie },
      });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.code).toBe('validation_failed');
    });

    it('expired sessions do not authenticate', async () => {
      const tree = await buildSubtree(t.deps.db);
      const user = await buildUser(t.deps.db, [{ unit: tree.root, role: 'viewer' }]);
      await t.deps.db
        .update(sessions)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(sessions.userId, user.id));
      const res = await t.app.inject({ url: '/api/auth/me', headers: { cookie: user.cookie } });
      expect(res.statusCode).toBe(401);
    });
  });
});
