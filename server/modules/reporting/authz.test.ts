import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_PDF, multipart } from '../../test/api.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import type { ReportingFixture } from './reporting.test-helpers.ts';
import {
  buildReportingFixture,
  call,
  createReport,
  expectRejectedUnchanged,
  fingerprint,
  ok,
} from './reporting.test-helpers.ts';

type User = keyof ReportingFixture['users'];
type Fixture = ReportingFixture & { draftId: string; submittedId: string; attachmentId: string };
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Reply = { status: number; body: any };

/**
 * Every reporting endpoint (and the plan attachments), four ways: no session 401, a user of
 * another province 404, a role one step too weak 403 — each leaving the database unchanged —
 * then the least user that may make the request succeeds.
 */
describe('reporting authorisation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2023-04-20' });
  });
  afterAll(async () => {
    await t.close();
  });

  async function fixture(): Promise<Fixture> {
    const f = await buildReportingFixture(t);
    const draft = await createReport(t, f.users.a1Editor.cookie, f, f.n.a1.id);
    const sent = await createReport(t, f.users.a2Editor.cookie, f, f.n.a2.id);
    ok(
      await call(t, 'POST', `/reporting/reports/${sent.report.id}/submit`, f.users.a2Editor.cookie),
    );
    const { payload, headers } = multipart(MINIMAL_PDF, { filename: 'ke-hoach-da-ky.pdf' });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/planning/plans/${f.planId}/attachments`,
      headers: { ...headers, cookie: f.users.provinceAdmin.cookie },
      payload,
    });
    return {
      ...f,
      draftId: draft.report.id,
      submittedId: sent.report.id,
      attachmentId: uploaded.json().attachment.id,
    };
  }

  type Case = {
    name: string;
    method: Method;
    url: (f: Fixture) => string;
    body?: (f: Fixture) => unknown;
    upload?: boolean;
    least: User;
    weaker?: User;
    success: number;
  };

  const cases: Case[] = [
    {
      name: 'GET /reporting/plans/:planId/report-types',
      method: 'GET',
      url: (f) => `/reporting/plans/${f.planId}/report-types`,
      least: 'a1Viewer',
      success: 200,
    },
    {
      name: 'POST /reporting/plans/:planId/report-types',
      method: 'POST',
      url: (f) => `/reporting/plans/${f.planId}/report-types`,
      body: () => ({ kind: 'annual', dueMonth: 9, dueDay: 20 }),
      least: 'provinceAdmin',
      weaker: 'provinceEditor',
      success: 201,
    },
    {
      name: 'GET /reporting/report-types/:id',
      method: 'GET',
      url: (f) => `/reporting/report-types/${f.typeId}`,
      least: 'a1Viewer',
      success: 200,
    },
    {
      name: 'GET /reporting/report-types/:id/progress',
      method: 'GET',
      url: (f) => `/reporting/report-types/${f.typeId}/progress?period=2023-H1`,
      least: 'provinceViewer',
      success: 200,
    },
    {
      name: 'POST /reporting/report-types/:id/reminders',
      method: 'POST',
      url: (f) => `/reporting/report-types/${f.typeId}/reminders`,
      body: () => ({}),
      least: 'provinceAdmin',
      weaker: 'provinceEditor',
      success: 200,
    },
    {
      name: 'GET /reporting/reports',
      method: 'GET',
      url: (f) => `/reporting/reports?unitId=${f.n.a1.id}`,
      least: 'a1Viewer',
      success: 200,
    },
    {
      name: 'POST /reporting/reports',
      method: 'POST',
      url: () => '/reporting/reports',
      body: (f) => ({ reportTypeId: f.typeId, unitId: f.n.provinceA.id, period: '2023-H1' }),
      least: 'provinceEditor',
      weaker: 'provinceViewer',
      success: 201,
    },
    {
      name: 'GET /reporting/reports/:id',
      method: 'GET',
      url: (f) => `/reporting/reports/${f.draftId}`,
      least: 'a1Viewer',
      success: 200,
    },
    {
      name: 'PATCH /reporting/reports/:id',
      method: 'PATCH',
      url: (f) => `/reporting/reports/${f.draftId}`,
      body: () => ({ title: 'Báo cáo kết quả 6 tháng đầu năm 2023' }),
      least: 'a1Editor',
      weaker: 'a1Viewer',
      success: 200,
    },
    {
      name: 'POST /reporting/reports/:id/submit',
      method: 'POST',
      url: (f) => `/reporting/reports/${f.draftId}/submit`,
      least: 'a1Editor',
      weaker: 'a1Viewer',
      success: 200,
    },
    {
      name: 'POST /reporting/reports/:id/accept',
      method: 'POST',
      url: (f) => `/reporting/reports/${f.submittedId}/accept`,
      least: 'provinceEditor',
      weaker: 'provinceViewer',
      success: 200,
    },
    {
      name: 'POST /reporting/reports/:id/return',
      method: 'POST',
      url: (f) => `/reporting/reports/${f.submittedId}/return`,
      body: () => ({ comment: 'Bổ sung số liệu.' }),
      least: 'provinceEditor',
      weaker: 'provinceViewer',
      success: 200,
    },
    {
      name: 'POST /reporting/waivers',
      method: 'POST',
      url: () => '/reporting/waivers',
      body: (f) => ({
        reportTypeId: f.typeId,
        unitId: f.n.a1.id,
        period: '2023-H1',
        reason: 'Đang kiện toàn.',
      }),
      least: 'provinceEditor',
      weaker: 'provinceViewer',
      success: 201,
    },
    {
      name: 'GET /reporting/reports/:id/export.docx',
      method: 'GET',
      url: (f) => `/reporting/reports/${f.draftId}/export.docx`,
      least: 'a1Viewer',
      success: 200,
    },
    {
      name: 'GET /reporting/reports/:id/export.xlsx',
      method: 'GET',
      url: (f) => `/reporting/reports/${f.draftId}/export.xlsx`,
      least: 'a1Viewer',
      success: 200,
    },
    {
      name: 'GET /reporting/plans/:planId/export.docx',
      method: 'GET',
      url: (f) => `/reporting/plans/${f.planId}/export.docx`,
      least: 'a1Viewer',
      success: 200,
    },
    {
      name: 'POST /planning/plans/:id/attachments',
      method: 'POST',
      url: (f) => `/planning/plans/${f.planId}/attachments`,
      upload: true,
      least: 'provinceEditor',
      weaker: 'provinceViewer',
      success: 201,
    },
    {
      name: 'GET /planning/plans/:id/attachments',
      method: 'GET',
      url: (f) => `/planning/plans/${f.planId}/attachments`,
      least: 'a1Viewer',
      success: 200,
    },
    {
      name: 'GET /planning/attachments/:id',
      method: 'GET',
      url: (f) => `/planning/attachments/${f.attachmentId}`,
      least: 'a1Viewer',
      success: 200,
    },
    {
      name: 'DELETE /planning/attachments/:id',
      method: 'DELETE',
      url: (f) => `/planning/attachments/${f.attachmentId}`,
      least: 'provinceAdmin',
      weaker: 'provinceEditor',
      success: 204,
    },
  ];

  /** JSON through `call`; uploads as multipart; files (exports, downloads) read as bytes. */
  async function send(c: Case, f: Fixture, cookie: string | null): Promise<Reply> {
    const isFile = c.method === 'GET' && /export\.|\/planning\/attachments\//.test(c.url(f));
    if (isFile) {
      const res = await t.app.inject({ url: `/api${c.url(f)}`, headers: cookie ? { cookie } : {} });
      const json = res.headers['content-type']?.toString().includes('json');
      return { status: res.statusCode, body: json ? res.json() : { bytes: res.rawPayload.length } };
    }
    if (!c.upload) return call(t, c.method, c.url(f), cookie, c.body?.(f));
    const { payload, headers } = multipart(MINIMAL_PDF, { filename: 'ban-ky.pdf' });
    const res = await t.app.inject({
      method: c.method,
      url: `/api${c.url(f)}`,
      headers: { ...headers, ...(cookie ? { cookie } : {}) },
      payload,
    });
    return { status: res.statusCode, body: res.json() };
  }

  for (const c of cases) {
    const weak = c.weaker ? `403 for ${c.weaker}, ` : '';
    it(`${c.name}: 401 without a session, 404 for an outsider, ${weak}${c.success} for ${c.least}`, async () => {
      const f = await fixture();
      await expectRejectedUnchanged(t, () => send(c, f, null), 401, 'unauthenticated');
      await expectRejectedUnchanged(t, () => send(c, f, f.users.outsider.cookie), 404, 'not_found');
      if (c.weaker) {
        await expectRejectedUnchanged(
          t,
          () => send(c, f, f.users[c.weaker!].cookie),
          403,
          'forbidden',
        );
      }
      const before = await fingerprint(t.deps.db);
      const res = await send(c, f, f.users[c.least].cookie);
      expect(res.body?.error, JSON.stringify(res.body?.error)).toBeUndefined();
      expect(res.status).toBe(c.success);
      const after = await fingerprint(t.deps.db);
      if (c.method === 'GET') expect(after).toEqual(before);
      else expect(after.audit).toBe(before.audit + 1);
    });
  }
});
