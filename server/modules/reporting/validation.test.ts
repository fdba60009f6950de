import { afterAll, beforeAll, describe, it } from 'vitest';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import type { ReportingFixture } from './reporting.test-helpers.ts';
import {
  buildReportingFixture,
  call,
  createReport,
  expectRejectedUnchanged,
  ok,
} from './reporting.test-helpers.ts';

/** Bad input to report types, reports and progress: a 4xx with a stable code, nothing written. */
describe('reporting input validation', () => {
  let t: TestApp;
  let f: ReportingFixture;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2023-04-20' });
    f = await buildReportingFixture(t);
    await createReport(t, f.users.a1Editor.cookie, f, f.n.a1.id);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses bad input and impossible reports, leaving the database unchanged', async () => {
    const body = (extra: object) => ({
      reportTypeId: f.typeId,
      unitId: f.n.a1.id,
      period: '2023-H1',
      ...extra,
    });
    const post = (payload: unknown, cookie = f.users.a1Editor.cookie) =>
      call(t, 'POST', '/reporting/reports', cookie, payload);
    await expectRejectedUnchanged(t, () => post(body({})), 409, 'conflict');
    await expectRejectedUnchanged(
      t,
      () => post(body({ period: '2023-H2' })),
      400,
      'validation_failed',
    );
    await expectRejectedUnchanged(
      t,
      () => post(body({ period: 'nửa năm' })),
      400,
      'validation_failed',
    );
    await expectRejectedUnchanged(
      t,
      () => post(body({ unitId: f.n.chapter.id })),
      400,
      'validation_failed',
    );
    await expectRejectedUnchanged(t, () => post(body({ extra: 1 })), 400, 'validation_failed');
    await expectRejectedUnchanged(t, () => post('{"reportTypeId":'), 400, 'bad_json');
    await expectRejectedUnchanged(
      t,
      () => post(body({ reportTypeId: '00000000-0000-4000-8000-000000000000' })),
      404,
      'not_found',
    );
    const [mine] = ok(
      await call(t, 'GET', `/reporting/reports?unitId=${f.n.a1.id}`, f.users.a1Viewer.cookie),
    ).items;
    const patch = (payload: unknown) =>
      call(t, 'PATCH', `/reporting/reports/${mine.id}`, f.users.a1Editor.cookie, payload);
    await expectRejectedUnchanged(t, () => patch({}), 400, 'validation_failed');
    await expectRejectedUnchanged(t, () => patch({ status: 'accepted' }), 400, 'validation_failed');
    await expectRejectedUnchanged(
      t,
      () => patch({ document: { number: '1-BC' } }),
      400,
      'validation_failed',
    );
    await expectRejectedUnchanged(
      t,
      () => patch({ body: { results: [{ type: 'html', runs: [{ text: '<b>x</b>' }] }] } }),
      400,
      'validation_failed',
    );
    await expectRejectedUnchanged(
      t,
      () =>
        call(
          t,
          'GET',
          `/reporting/report-types/${f.typeId}/progress?period=2024-H1`,
          f.users.provinceViewer.cookie,
        ),
      400,
      'validation_failed',
    );
    await expectRejectedUnchanged(
      t,
      () =>
        call(
          t,
          'GET',
          `/reporting/report-types/${f.typeId}/progress`,
          f.users.provinceViewer.cookie,
        ),
      400,
      'validation_failed',
    );
    await expectRejectedUnchanged(
      t,
      () => call(t, 'GET', '/reporting/reports/123', f.users.a1Viewer.cookie),
      400,
      'validation_failed',
    );
    await expectRejectedUnchanged(
      t,
      () =>
        call(
          t,
          'GET',
          '/reporting/reports/00000000-0000-4000-8000-000000000000',
          f.users.a1Viewer.cookie,
        ),
      404,
      'not_found',
    );
    const types = (payload: unknown) =>
      call(
        t,
        'POST',
        `/reporting/plans/${f.planId}/report-types`,
        f.users.provinceAdmin.cookie,
        payload,
      );
    await expectRejectedUnchanged(
      t,
      () => types({ kind: 'six_month', dueMonth: 2, dueDay: 30 }),
      400,
      'validation_failed',
    );
    await expectRejectedUnchanged(
      t,
      () => types({ kind: 'annual', dueMonth: 13, dueDay: 1 }),
      400,
      'validation_failed',
    );
    await expectRejectedUnchanged(
      t,
      () => types({ kind: 'thematic', dueDate: '2023-06-30' }),
      400,
      'validation_failed',
    );
    await expectRejectedUnchanged(
      t,
      () => types({ kind: 'thematic', period: '2025', dueDate: '2025-11-30' }),
      400,
      'validation_failed',
    );
    await expectRejectedUnchanged(
      t,
      () =>
        types({
          kind: 'annual',
          dueMonth: 9,
          dueDay: 20,
          reporterKinds: ['grassroots', 'grassroots'],
        }),
      400,
      'validation_failed',
    );
  });
});
