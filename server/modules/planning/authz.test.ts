import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/enums.ts';
import { buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import {
  buildFixture,
  call,
  expectRejectedUnchanged,
  fingerprint,
  ok,
} from './planning.test-helpers.ts';

/**
 * Every planning endpoint, four ways: no session (401), a user whose grants lie in another
 * province (404, as if nothing existed), a role one step too weak (403), each leaving the
 * database unchanged — then the same request succeeds for the least role that may make it,
 * which proves the refusals came from authorisation and not from the input.
 */
describe('planning authorisation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2023-08-15' });
  });
  afterAll(async () => {
    await t.close();
  });

  const fixture = () => buildFixture(t);
  type Fixture = Awaited<ReturnType<typeof buildFixture>>;

  type Case = {
    name: string;
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
    url: (f: Fixture) => string;
    body?: (f: Fixture) => unknown;
    /** The least role that may make the request. */
    role: Role;
    success: number;
  };

  const cases: Case[] = [
    {
      name: 'GET /planning/plans',
      method: 'GET',
      url: (f) => `/planning/plans?unitId=${f.n.provinceA.id}`,
      role: 'viewer',
      success: 200,
    },
    {
      name: 'GET /planning/plans/to-implement',
      method: 'GET',
      url: (f) => `/planning/plans/to-implement?unitId=${f.n.a1.id}`,
      role: 'viewer',
      success: 200,
    },
    {
      name: 'GET /planning/plans/:id',
      method: 'GET',
      url: (f) => `/planning/plans/${f.draftId}`,
      role: 'viewer',
      success: 200,
    },
    {
      name: 'POST /planning/plans',
      method: 'POST',
      url: () => '/planning/plans',
      body: (f) => ({
        unitId: f.n.provinceA.id,
        title: 'Kế hoạch mới',
        periodStart: 2023,
        periodEnd: 2023,
      }),
      role: 'admin',
      success: 201,
    },
    {
      name: 'PATCH /planning/plans/:id',
      method: 'PATCH',
      url: (f) => `/planning/plans/${f.draftId}`,
      body: () => ({ title: 'Kế hoạch đã sửa' }),
      role: 'admin',
      success: 200,
    },
    {
      name: 'POST /planning/plans/:id/issue',
      method: 'POST',
      url: (f) => `/planning/plans/${f.draftId}/issue`,
      role: 'admin',
      success: 200,
    },
    {
      name: 'POST /planning/plans/:id/close',
      method: 'POST',
      url: (f) => `/planning/plans/${f.issuedId}/close`,
      role: 'admin',
      success: 200,
    },
    {
      name: 'POST /planning/plans/:id/targets',
      method: 'POST',
      url: (f) => `/planning/plans/${f.draftId}/targets`,
      body: () => ({
        indicatorCode: 'marxism_activities',
        comparator: 'gte',
        value: 1,
        period: '2023',
      }),
      role: 'admin',
      success: 201,
    },
    {
      name: 'PATCH /planning/targets/:id',
      method: 'PATCH',
      url: (f) => `/planning/targets/${f.targetId}`,
      body: () => ({ value: 3 }),
      role: 'admin',
      success: 200,
    },
    {
      name: 'DELETE /planning/targets/:id',
      method: 'DELETE',
      url: (f) => `/planning/targets/${f.targetId}`,
      role: 'admin',
      success: 204,
    },
    {
      name: 'POST /planning/plans/:id/tasks',
      method: 'POST',
      url: (f) => `/planning/plans/${f.draftId}/tasks`,
      body: () => ({ description: 'Biên tập cẩm nang', deadline: 'Quý II/2023' }),
      role: 'editor',
      success: 201,
    },
    {
      name: 'PATCH /planning/tasks/:id',
      method: 'PATCH',
      url: (f) => `/planning/tasks/${f.issuedTaskId}`,
      body: () => ({ status: 'in_progress', evidence: 'Đã mời báo cáo viên' }),
      role: 'editor',
      success: 200,
    },
    {
      name: 'DELETE /planning/tasks/:id',
      method: 'DELETE',
      url: (f) => `/planning/tasks/${f.taskId}`,
      role: 'editor',
      success: 204,
    },
    {
      name: 'GET /planning/activities',
      method: 'GET',
      url: (f) => `/planning/activities?unitId=${f.n.provinceA.id}`,
      role: 'viewer',
      success: 200,
    },
    {
      name: 'POST /planning/activities',
      method: 'POST',
      url: () => '/planning/activities',
      body: (f) => ({
        unitId: f.n.a2.id,
        kind: 'forum',
        title: 'Diễn đàn',
        occurredOn: '2023-06-01',
      }),
      role: 'editor',
      success: 201,
    },
    {
      name: 'PATCH /planning/activities/:id',
      method: 'PATCH',
      url: (f) => `/planning/activities/${f.activityId}`,
      body: () => ({ participants: [{ category: 'cadre', count: 45 }] }),
      role: 'editor',
      success: 200,
    },
    {
      name: 'DELETE /planning/activities/:id',
      method: 'DELETE',
      url: (f) => `/planning/activities/${f.activityId}`,
      role: 'editor',
      success: 204,
    },
    {
      name: 'GET /planning/values',
      method: 'GET',
      url: (f) => `/planning/values?unitId=${f.n.a1.id}`,
      role: 'viewer',
      success: 200,
    },
    {
      name: 'PUT /planning/values',
      method: 'PUT',
      url: () => '/planning/values',
      body: (f) => ({
        unitId: f.n.a1.id,
        indicatorCode: 'youtube_subscribers',
        period: '2023-Q2',
        entries: [{ value: 1200 }],
      }),
      role: 'editor',
      success: 200,
    },
    {
      name: 'GET /planning/rollup',
      method: 'GET',
      url: (f) =>
        `/planning/rollup?unitId=${f.n.provinceA.id}&indicatorCode=people_trained&period=2023`,
      role: 'viewer',
      success: 200,
    },
    {
      name: 'GET /planning/dashboard',
      method: 'GET',
      url: (f) => `/planning/dashboard?unitId=${f.n.provinceA.id}`,
      role: 'viewer',
      success: 200,
    },
  ];

  const weaker: Record<Role, Role | null> = { viewer: null, editor: 'viewer', admin: 'editor' };

  for (const c of cases) {
    const weakText = weaker[c.role] ? `403 for a ${weaker[c.role]}, ` : '';
    it(`${c.name}: 401 without a session, 404 for an outsider, ${weakText}${c.success} for a ${c.role}`, async () => {
      const f = await fixture();
      const url = c.url(f);
      const body = c.body?.(f);
      await expectRejectedUnchanged(
        t,
        () => call(t, c.method, url, null, body),
        401,
        'unauthenticated',
      );
      await expectRejectedUnchanged(
        t,
        () => call(t, c.method, url, f.users.outsider.cookie, body),
        404,
        'not_found',
      );
      const weak = weaker[c.role];
      if (weak) {
        await expectRejectedUnchanged(
          t,
          () => call(t, c.method, url, f.users[weak].cookie, body),
          403,
          'forbidden',
        );
      }
      const before = await fingerprint(t.deps.db);
      const res = await call(t, c.method, url, f.users[c.role].cookie, body);
      expect(res.body?.error, JSON.stringify(res.body?.error)).toBeUndefined();
      expect(res.status).toBe(c.success);
      const after = await fingerprint(t.deps.db);
      if (c.method === 'GET') expect(after).toEqual(before);
      else expect(after.audit).toBe(before.audit + 1);
    });
  }

  it('GET /planning/indicators: 401 without a session; the catalogue is the same for every signed-in user', async () => {
    const f = await fixture();
    await expectRejectedUnchanged(
      t,
      () => call(t, 'GET', '/planning/indicators', null),
      401,
      'unauthenticated',
    );
    const forOutsider = ok(await call(t, 'GET', '/planning/indicators', f.users.outsider.cookie));
    const forAdmin = ok(await call(t, 'GET', '/planning/indicators', f.users.admin.cookie));
    expect(forOutsider).toEqual(forAdmin);
  });

  it('an editor of the lead unit reports progress on a task of the province plan, but cannot restructure it', async () => {
    const f = await fixture();
    const leadEditor = await buildUser(t.deps.db, [{ unit: f.n.a1, role: 'editor' }]);
    const url = `/planning/tasks/${f.issuedTaskId}`;
    await expectRejectedUnchanged(
      t,
      () => call(t, 'PATCH', url, leadEditor.cookie, { description: 'Đổi nội dung' }),
      403,
      'forbidden',
    );
    const { task } = ok(
      await call(t, 'PATCH', url, leadEditor.cookie, {
        status: 'done',
        evidenceLinks: ['https://tinhdoan.example.vn/tap-huan'],
      }),
    );
    expect(task).toMatchObject({ status: 'done', completedOn: '2023-08-15', isOverdue: false });
    // The lead unit's editor reads the issued province plan, but not the province's draft.
    ok(await call(t, 'GET', `/planning/plans/${f.issuedId}`, leadEditor.cookie));
    await expectRejectedUnchanged(
      t,
      () => call(t, 'GET', `/planning/plans/${f.draftId}`, leadEditor.cookie),
      404,
      'not_found',
    );
  });

  it('an outsider cannot implement, nor see, a draft of another province', async () => {
    const f = await fixture();
    await expectRejectedUnchanged(
      t,
      () =>
        call(t, 'POST', '/planning/plans', f.users.outsider.cookie, {
          unitId: f.n.provinceB.id,
          title: 'Kế hoạch thực hiện',
          periodStart: 2023,
          periodEnd: 2023,
          implements: [f.draftId],
        }),
      404,
      'not_found',
    );
  });
});
