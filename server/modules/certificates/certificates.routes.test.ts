import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Nation } from '../../test/factories.ts';
import { buildNation, buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { oneLine, pdfText } from './certificates.test-helpers.ts';
import { MESSAGES } from './certificates.contracts.ts';
import { certificates } from './certificates.table.ts';
import type { IssuedCertificate } from './issue.service.ts';
import { issueCertificates } from './issue.service.ts';

type User = Awaited<ReturnType<typeof buildUser>>;

describe('certificate routes', () => {
  let t: TestApp;
  let nation: Nation;
  let editorAbove: User;
  let viewer: User;
  let outsider: User;
  let issued: IssuedCertificate;

  beforeAll(async () => {
    t = await buildTestApp({
      config: { certificateRateLimit: 1000, publicUrl: 'https://phuxanh.tayninh.vn' },
    });
    nation = await buildNation(t.deps.db);
    editorAbove = await buildUser(t.deps.db, [{ unit: nation.provinceA, role: 'editor' }]);
    viewer = await buildUser(t.deps.db, [{ unit: nation.districtA, role: 'viewer' }]);
    outsider = await buildUser(t.deps.db, [{ unit: nation.provinceB, role: 'admin' }]);
    const all = await t.deps.db.transaction((tx) =>
      issueCertificates(
        tx,
        {
          source: { kind: 'course', id: 'ly-luan-chinh-tri-2026' },
          unitId: nation.districtA.id,
          title: 'Khóa học lý luận chính trị dành cho đoàn viên mới',
          issuedOn: '2026-11-20',
          place: 'Tây Ninh',
          holders: [{ ref: 'person-1', name: 'Nguyễn Văn An', result: 'Đã hoàn thành' }],
        },
        { userId: editorAbove.id },
      ),
    );
    issued = all[0]!;
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (url: string, cookie?: string) =>
    t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  describe('GET /api/public/certificates/:code', () => {
    it('shows the masked name, the title and the date, and nothing else', async () => {
      const res = await get(`/api/public/certificates/${issued.code}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        certificate: {
          code: issued.code,
          holderName: 'Nguyễn V. A.',
          title: 'Khóa học lý luận chính trị dành cho đoàn viên mới',
          issuedOn: '2026-11-20',
        },
      });
      expect(res.body).not.toContain('Văn An');
      expect(res.headers['cache-control']).toBe('public, max-age=300');
    });

    it('accepts the code as printed or typed: lower case, with dashes', async () => {
      const typed = issued.code.toLowerCase().replace(/(.{4})(.{4})/, '$1-$2-');
      const res = await get(`/api/public/certificates/${typed}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().certificate.code).toBe(issued.code);
    });

    it('answers 404 with a Vietnamese message for an unknown code', async () => {
      const res = await get('/api/public/certificates/0000-0000-0000');
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toEqual({ code: 'not_found', message: MESSAGES.notFound });
      expect(res.headers['cache-control']).toBeUndefined();
    });

    it('answers 400 for what cannot be a code', async () => {
      for (const bad of ['abc', 'UUUUUUUUUUUU', 'x'.repeat(41), '%3Cscript%3E']) {
        const res = await get(`/api/public/certificates/${bad}`);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('validation_failed');
      }
    });
  });

  describe('GET /api/certificates/:code/pdf', () => {
    const pdfUrl = () => issued.downloadPath;
    const noToken = () => `/api/certificates/${issued.code}/pdf`;

    it('gives the holder their PDF through the link’s token, without an account', async () => {
      const res = await get(pdfUrl());
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="giay-chung-nhan-${issued.code}.pdf"`,
      );
      const text = oneLine(await pdfText(res.rawPayload));
      expect(text).toContain('Nguyễn Văn An');
      expect(text).toContain('Khóa học lý luận chính trị dành cho đoàn viên mới');
      expect(text).toContain(`https://phuxanh.tayninh.vn/xac-thuc/${issued.code}`);
    });

    it('gives it to an editor of the issuing unit or above, without a token', async () => {
      const res = await get(noToken(), editorAbove.cookie);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('refuses a wrong token with 403, even to someone logged in', async () => {
      const wrong = `${noToken()}?token=${'A'.repeat(22)}`;
      for (const cookie of [undefined, editorAbove.cookie]) {
        const res = await get(wrong, cookie);
        expect(res.statusCode).toBe(403);
        expect(res.json().error).toEqual({ code: 'forbidden', message: MESSAGES.badToken });
      }
    });

    it('answers 401 without a session or token, 403 to a viewer, 404 to an outsider', async () => {
      const anonymous = await get(noToken());
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().error.code).toBe('unauthenticated');
      const weak = await get(noToken(), viewer.cookie);
      expect(weak.statusCode).toBe(403);
      expect(weak.json().error.code).toBe('forbidden');
      const outside = await get(noToken(), outsider.cookie);
      expect(outside.statusCode).toBe(404);
      expect(outside.json().error.code).toBe('not_found');
    });

    it('answers 404 for an unknown code and 400 for a malformed code or token', async () => {
      const unknown = await get('/api/certificates/000000000000/pdf', editorAbove.cookie);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.message).toBe(MESSAGES.notFound);
      for (const url of [
        `/api/certificates/abc/pdf`,
        `${noToken()}?token=short`,
        `${noToken()}?token=${'A'.repeat(22)}&extra=1`,
      ]) {
        const res = await get(url, editorAbove.cookie);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('validation_failed');
      }
    });

    it('writes nothing, whoever asks', async () => {
      const before = await t.deps.db.$count(certificates);
      await get(pdfUrl());
      await get(noToken(), outsider.cookie);
      expect(await t.deps.db.$count(certificates)).toBe(before);
    });
  });
});

describe('certificate routes under a rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ config: { certificateRateLimit: 3 } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('turns a fourth request within a minute from one address into 429, on each route', async () => {
    for (const url of [
      (n: number) => `/api/public/certificates/00000000000${n}`,
      (n: number) => `/api/certificates/00000000000${n}/pdf`,
    ]) {
      const statuses = [];
      for (const n of [1, 2, 3, 4]) statuses.push((await t.app.inject({ url: url(n) })).statusCode);
      expect(statuses).toEqual([404, 404, 404, 429]);
    }
    const limited = await t.app.inject({ url: '/api/public/certificates/000000000009' });
    expect(limited.json().error).toEqual({
      code: 'rate_limited',
      message: 'Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.',
    });
  });
});
