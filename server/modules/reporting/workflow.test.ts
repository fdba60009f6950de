import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import type { ReportingFixture } from './reporting.test-helpers.ts';
import {
  buildReportingFixture,
  call,
  createReport,
  expectRejectedUnchanged,
  marxismActivity,
  ok,
} from './reporting.test-helpers.ts';

/**
 * The report workflow on a province plan modelled on seed 000 (six-month report due 25/4, every
 * grassroots unit reports to the province): pre-fill, submit, freeze, return, accept, waive, the
 * consolidated report blocked until the children are done, timeliness from the timestamps.
 */
describe('report workflow', () => {
  let t: TestApp;
  let f: ReportingFixture;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2023-04-10' });
    f = await buildReportingFixture(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the report type with its periods and due dates', async () => {
    const list = ok(
      await call(t, 'GET', `/reporting/plans/${f.planId}/report-types`, f.users.a1Viewer.cookie),
    );
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      kind: 'six_month',
      periodSlot: 'H1',
      dueRule: 'trước ngày 25/4 hằng năm',
      reporterKinds: ['grassroots'],
      periods: [{ key: '2023-H1', label: '6 tháng đầu năm 2023', dueDate: '2023-04-25' }],
      abilities: { manage: false, remind: false },
    });
  });

  it('runs a grassroots report from pre-fill to acceptance, frozen once submitted', async () => {
    t.setToday('2023-04-10');
    await marxismActivity(t, f.users.a1Editor.cookie, f.n.a1.id, '2023-03-26');
    const draft = await createReport(t, f.users.a1Editor.cookie, f, f.n.a1.id);
    expect(draft.report).toMatchObject({
      status: 'draft',
      timeliness: 'not_due',
      isLate: false,
      reviewer: { id: f.n.provinceA.id },
      period: { key: '2023-H1', dueDate: '2023-04-25' },
      document: {
        issuingBody: expect.stringContaining('BCH ĐOÀN XÃ AN'),
        place: expect.any(String),
      },
    });
    expect(draft.frozen).toBe(false);
    expect(draft.indicators).toHaveLength(1);
    expect(draft.indicators[0]).toMatchObject({
      indicatorCode: 'marxism_activities',
      inherited: true,
      actual: { value: 1 },
      status: 'met',
    });
    expect(draft.report.body.results[0].runs[0].text).toContain('1 hoạt động');

    // The unit edits its narrative, then submits on time.
    const edited = ok(
      await call(t, 'PATCH', `/reporting/reports/${draft.report.id}`, f.users.a1Editor.cookie, {
        body: {
          results: [
            { type: 'paragraph', runs: [{ text: 'Tổ chức 01 tọa đàm về tư tưởng Hồ Chí Minh.' }] },
          ],
          shortcomings: [
            { type: 'bullet', runs: [{ text: 'Số lượng đoàn viên tham gia còn ít.' }] },
          ],
        },
      }),
    );
    expect(edited.report.body.shortcomings).toHaveLength(1);
    t.setToday('2023-04-20');
    const submitted = ok(
      await call(
        t,
        'POST',
        `/reporting/reports/${draft.report.id}/submit`,
        f.users.a1Editor.cookie,
      ),
    );
    expect(submitted.report).toMatchObject({ status: 'submitted', timeliness: 'on_time' });
    expect(submitted.frozen).toBe(true);
    expect(submitted.indicatorsAsOf).toBe('2023-04-20');

    // Later data do not alter the submitted report…
    await marxismActivity(t, f.users.a1Editor.cookie, f.n.a1.id, '2023-04-19');
    const frozen = ok(
      await call(t, 'GET', `/reporting/reports/${draft.report.id}`, f.users.a1Editor.cookie),
    );
    expect(frozen.indicators[0].actual.value).toBe(1);
    const live = ok(
      await call(t, 'GET', `/planning/dashboard?unitId=${f.n.a1.id}`, f.users.a1Editor.cookie),
    );
    expect(live.targets[0].actual.value).toBe(2);

    // …a submitted report cannot be edited, and only the receiving level reviews it.
    await expectRejectedUnchanged(
      t,
      () =>
        call(t, 'PATCH', `/reporting/reports/${draft.report.id}`, f.users.a1Editor.cookie, {
          title: 'Sửa',
        }),
      409,
      'invalid_state',
    );
    await expectRejectedUnchanged(
      t,
      () =>
        call(t, 'POST', `/reporting/reports/${draft.report.id}/accept`, f.users.a1Editor.cookie),
      403,
      'forbidden',
    );
    await expectRejectedUnchanged(
      t,
      () =>
        call(
          t,
          'POST',
          `/reporting/reports/${draft.report.id}/return`,
          f.users.provinceEditor.cookie,
          { comment: '' },
        ),
      400,
      'validation_failed',
    );

    // Returned with a comment: a draft again, live again; resubmitted, it stays on time.
    const returned = ok(
      await call(
        t,
        'POST',
        `/reporting/reports/${draft.report.id}/return`,
        f.users.provinceEditor.cookie,
        {
          comment: 'Bổ sung số liệu đoàn viên tham gia.',
        },
      ),
    );
    expect(returned.report).toMatchObject({
      status: 'draft',
      returned: { comment: 'Bổ sung số liệu đoàn viên tham gia.' },
      timeliness: 'on_time',
    });
    expect(returned.frozen).toBe(false);
    expect(returned.indicators[0].actual.value).toBe(2);
    const notes = ok(await call(t, 'GET', '/notifications', f.users.a1Editor.cookie));
    expect(notes.items[0]).toMatchObject({ kind: 'report_returned', title: 'Báo cáo bị trả lại' });

    t.setToday('2023-04-27');
    ok(
      await call(
        t,
        'POST',
        `/reporting/reports/${draft.report.id}/submit`,
        f.users.a1Editor.cookie,
      ),
    );
    const accepted = ok(
      await call(
        t,
        'POST',
        `/reporting/reports/${draft.report.id}/accept`,
        f.users.provinceEditor.cookie,
      ),
    );
    expect(accepted.report).toMatchObject({ status: 'accepted', timeliness: 'on_time' });
    expect(accepted.indicators[0].actual.value).toBe(2);
    await expectRejectedUnchanged(
      t,
      () =>
        call(
          t,
          'POST',
          `/reporting/reports/${draft.report.id}/accept`,
          f.users.provinceEditor.cookie,
        ),
      409,
      'invalid_state',
    );
    await expectRejectedUnchanged(
      t,
      () =>
        call(t, 'POST', `/reporting/reports/${draft.report.id}/submit`, f.users.a1Editor.cookie),
      409,
      'invalid_state',
    );
  });

  it('counts a late report and a missing one, and blocks the consolidated report until done', async () => {
    t.setToday('2023-04-28');
    const progress = ok(
      await call(
        t,
        'GET',
        `/reporting/report-types/${f.typeId}/progress?period=2023-H1`,
        f.users.provinceViewer.cookie,
      ),
    );
    expect(progress.own).toMatchObject({
      unit: { id: f.n.provinceA.id },
      status: null,
      timeliness: 'missing',
    });
    expect(progress.children.map((c: any) => [c.unit.id, c.timeliness, c.isLate])).toEqual([
      [f.n.a1.id, 'on_time', false],
      [f.n.a2.id, 'missing', true],
    ]);
    expect(progress.totals).toMatchObject({
      total: 2,
      onTime: 1,
      missing: 1,
      late: 0,
      accepted: 1,
    });
    expect(progress.canSubmitOwn).toBe(false);

    const consolidated = await createReport(t, f.users.provinceEditor.cookie, f, f.n.provinceA.id);
    expect(consolidated.report.reviewer.id).toBe(f.n.provinceA.id);
    expect(consolidated.indicators.map((r: any) => r.indicatorCode)).toEqual([
      'cyber_trainings_held',
      'marxism_activities',
    ]);
    expect(consolidated.indicators[1].unitsMeeting).toEqual({ met: 1, total: 2 });
    const blocked = await expectRejectedUnchanged(
      t,
      () =>
        call(
          t,
          'POST',
          `/reporting/reports/${consolidated.report.id}/submit`,
          f.users.provinceEditor.cookie,
        ),
      409,
      'invalid_state',
    );
    expect(blocked.body.error.details.pending).toEqual([
      { unitId: f.n.a2.id, name: f.n.a2.name, status: null },
    ]);

    // a2 submits after the due date: late. Once accepted, the province may submit.
    const late = await createReport(t, f.users.a2Editor.cookie, f, f.n.a2.id);
    const sent = ok(
      await call(t, 'POST', `/reporting/reports/${late.report.id}/submit`, f.users.a2Editor.cookie),
    );
    expect(sent.report).toMatchObject({ timeliness: 'late', isLate: true });
    await expectRejectedUnchanged(
      t,
      () =>
        call(
          t,
          'POST',
          `/reporting/reports/${consolidated.report.id}/submit`,
          f.users.provinceEditor.cookie,
        ),
      409,
      'invalid_state',
    );
    ok(
      await call(
        t,
        'POST',
        `/reporting/reports/${late.report.id}/accept`,
        f.users.provinceEditor.cookie,
      ),
    );
    const after = ok(
      await call(
        t,
        'GET',
        `/reporting/report-types/${f.typeId}/progress?period=2023-H1`,
        f.users.provinceViewer.cookie,
      ),
    );
    expect(after.totals).toMatchObject({ total: 2, onTime: 1, late: 1, missing: 0, accepted: 2 });
    expect(after.canSubmitOwn).toBe(true);

    const own = ok(
      await call(
        t,
        'POST',
        `/reporting/reports/${consolidated.report.id}/submit`,
        f.users.provinceEditor.cookie,
      ),
    );
    expect(own.report).toMatchObject({ status: 'submitted', timeliness: 'late' });
    // The plan's own unit's report is accepted by its admins, not its editors.
    await expectRejectedUnchanged(
      t,
      () =>
        call(
          t,
          'POST',
          `/reporting/reports/${consolidated.report.id}/accept`,
          f.users.provinceEditor.cookie,
        ),
      403,
      'forbidden',
    );
    ok(
      await call(
        t,
        'POST',
        `/reporting/reports/${consolidated.report.id}/accept`,
        f.users.provinceAdmin.cookie,
      ),
    );
  });

  it('lets the receiving level waive a report with a reason, which unblocks the level', async () => {
    t.setToday('2023-12-01');
    const annual = ok(
      await call(
        t,
        'POST',
        `/reporting/plans/${f.planId}/report-types`,
        f.users.provinceAdmin.cookie,
        {
          kind: 'annual',
          dueMonth: 9,
          dueDay: 20,
          reporterKinds: ['grassroots'],
        },
      ),
      201,
    ).reportType;
    expect(annual.periods).toEqual([{ key: '2023', label: 'Năm 2023', dueDate: '2023-09-20' }]);
    const waive = (
      cookie: string,
      unitId: string,
      reason = 'Đơn vị đang kiện toàn ban chấp hành.',
    ) =>
      call(t, 'POST', '/reporting/waivers', cookie, {
        reportTypeId: annual.id,
        unitId,
        period: '2023',
        reason,
      });
    await expectRejectedUnchanged(
      t,
      () => waive(f.users.a1Editor.cookie, f.n.a2.id),
      404,
      'not_found',
    );
    await expectRejectedUnchanged(
      t,
      () => waive(f.users.provinceViewer.cookie, f.n.a2.id),
      403,
      'forbidden',
    );
    await expectRejectedUnchanged(
      t,
      () => waive(f.users.provinceEditor.cookie, f.n.a2.id, ''),
      400,
      'validation_failed',
    );
    await expectRejectedUnchanged(
      t,
      () => waive(f.users.provinceAdmin.cookie, f.n.provinceA.id),
      400,
      'validation_failed',
    );
    const waived = ok(await waive(f.users.provinceEditor.cookie, f.n.a2.id), 201);
    expect(waived.report).toMatchObject({
      status: 'waived',
      timeliness: 'waived',
      waiverReason: expect.stringContaining('kiện toàn'),
    });
    await expectRejectedUnchanged(
      t,
      () => waive(f.users.provinceEditor.cookie, f.n.a2.id),
      409,
      'invalid_state',
    );

    const a1 = ok(
      await call(t, 'POST', '/reporting/reports', f.users.a1Editor.cookie, {
        reportTypeId: annual.id,
        unitId: f.n.a1.id,
        period: '2023',
      }),
      201,
    );
    ok(await call(t, 'POST', `/reporting/reports/${a1.report.id}/submit`, f.users.a1Editor.cookie));
    ok(
      await call(
        t,
        'POST',
        `/reporting/reports/${a1.report.id}/accept`,
        f.users.provinceEditor.cookie,
      ),
    );
    const progress = ok(
      await call(
        t,
        'GET',
        `/reporting/report-types/${annual.id}/progress?period=2023`,
        f.users.provinceViewer.cookie,
      ),
    );
    expect(progress.totals).toMatchObject({ total: 2, late: 1, waived: 1, accepted: 1 });
    expect(progress.canSubmitOwn).toBe(true);
  });
});
