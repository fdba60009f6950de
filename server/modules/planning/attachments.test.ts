import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_PDF, multipart } from '../../test/api.ts';
import { buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import {
  buildNation,
  call,
  expectRejectedUnchanged,
  issuePlan,
  ok,
} from './planning.test-helpers.ts';

/** Plan attachments: the signed PDF or DOCX, sniffed by its bytes, stored, listed, deleted. */
describe('plan attachments', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2023-08-15', config: { attachmentLimit: 65_536 } });
  });
  afterAll(async () => {
    await t.close();
  });

  async function setup() {
    const n = await buildNation(t.deps.db);
    const admin = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'admin' }]);
    const editor = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'editor' }]);
    const issued = await issuePlan(t, admin.cookie, n.provinceA);
    const draft = ok(
      await call(t, 'POST', '/planning/plans', admin.cookie, {
        unitId: n.provinceA.id,
        title: 'Kế hoạch dự thảo',
        periodStart: 2023,
        periodEnd: 2023,
      }),
      201,
    );
    return {
      n,
      admin,
      editor,
      issuedId: issued.plan.id as string,
      draftId: draft.plan.id as string,
    };
  }

  const upload = async (
    planId: string,
    cookie: string,
    file: Buffer,
    filename: string,
    contentType?: string,
  ) => {
    const { payload, headers } = multipart(file, {
      filename,
      ...(contentType ? { contentType } : {}),
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/planning/plans/${planId}/attachments`,
      headers: { ...headers, cookie },
      payload,
    });
    return { status: res.statusCode, body: res.json() };
  };

  it('stores a signed PDF and a DOCX, sniffing their type, and gives back the same bytes', async () => {
    const s = await setup();
    const pdf = ok(
      await upload(
        s.issuedId,
        s.editor.cookie,
        MINIMAL_PDF,
        'Kế hoạch 20-KH đã ký.pdf',
        'text/plain',
      ),
      201,
    );
    expect(pdf.attachment).toMatchObject({
      fileName: 'Kế hoạch 20-KH đã ký.pdf',
      contentType: 'application/pdf',
      sizeBytes: MINIMAL_PDF.length,
      abilities: { delete: false },
    });
    const docx = await t.app.inject({
      url: `/api/reporting/plans/${s.issuedId}/export.docx`,
      headers: { cookie: s.editor.cookie },
    });
    const word = ok(
      await upload(s.issuedId, s.editor.cookie, docx.rawPayload, '../../ke-hoach.docx'),
      201,
    );
    expect(word.attachment).toMatchObject({
      fileName: 'ke-hoach.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const list = ok(
      await call(t, 'GET', `/planning/plans/${s.issuedId}/attachments`, s.admin.cookie),
    );
    expect(list.items[0]).toMatchObject({ id: pdf.attachment.id, abilities: { delete: true } });
    const back = await t.app.inject({
      url: `/api/planning/attachments/${pdf.attachment.id}`,
      headers: { cookie: s.editor.cookie },
    });
    expect(back.headers['content-type']).toBe('application/pdf');
    expect(back.headers['content-disposition']).toContain("filename*=UTF-8''K%E1%BA%BF");
    expect(back.rawPayload.equals(MINIMAL_PDF)).toBe(true);
  });

  it('refuses what is not a PDF or a DOCX, and what is too big, changing nothing', async () => {
    const s = await setup();
    await expectRejectedUnchanged(
      t,
      () =>
        upload(
          s.issuedId,
          s.editor.cookie,
          Buffer.from('MZ\x90\x00 not a document'),
          'ke-hoach.pdf',
          'application/pdf',
        ),
      415,
      'unsupported_media_type',
    );
    await expectRejectedUnchanged(
      t,
      () =>
        upload(
          s.issuedId,
          s.editor.cookie,
          Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
          'bang-tinh.xlsx',
        ),
      415,
      'unsupported_media_type',
    );
    await expectRejectedUnchanged(
      t,
      () =>
        upload(
          s.issuedId,
          s.editor.cookie,
          Buffer.concat([MINIMAL_PDF, Buffer.alloc(70_000, 32)]),
          'lon.pdf',
        ),
      413,
      'payload_too_large',
    );
    await expectRejectedUnchanged(
      t,
      () =>
        call(t, 'POST', `/planning/plans/${s.issuedId}/attachments`, s.editor.cookie, {
          file: 'x',
        }),
      415,
      'unsupported_media_type',
    );
  });

  it('lets editors delete while the plan is a draft, and only admins once it is issued', async () => {
    const s = await setup();
    const onDraft = ok(
      await upload(s.draftId, s.editor.cookie, MINIMAL_PDF, 'du-thao.pdf'),
      201,
    ).attachment;
    expect(onDraft.abilities.delete).toBe(true);
    ok(await call(t, 'DELETE', `/planning/attachments/${onDraft.id}`, s.editor.cookie), 204);
    const onIssued = ok(
      await upload(s.issuedId, s.editor.cookie, MINIMAL_PDF, 'ban-hanh.pdf'),
      201,
    ).attachment;
    await expectRejectedUnchanged(
      t,
      () => call(t, 'DELETE', `/planning/attachments/${onIssued.id}`, s.editor.cookie),
      403,
      'forbidden',
    );
    ok(await call(t, 'DELETE', `/planning/attachments/${onIssued.id}`, s.admin.cookie), 204);
    expect(
      ok(await call(t, 'GET', `/planning/plans/${s.issuedId}/attachments`, s.admin.cookie)).items,
    ).toEqual([]);
    await expectRejectedUnchanged(
      t,
      () => call(t, 'DELETE', `/planning/attachments/${onIssued.id}`, s.admin.cookie),
      404,
      'not_found',
    );
  });
});
