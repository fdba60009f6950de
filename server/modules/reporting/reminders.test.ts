import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../org/index.ts';
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

type Mail = { to: string[]; data: string };

/**
 * Reminders go only to units whose report is late or due within N days: in the app to the
 * unit's editors and admins, and by email to the unit's address through a real SMTP server
 * started here; one per unit, report and day.
 */
describe('report reminders', () => {
  let t: TestApp;
  let f: ReportingFixture;
  let smtp: SMTPServer;
  const mails: Mail[] = [];
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    t = await buildTestApp({
      today: '2023-04-10',
      config: { smtpUrl: `smtp://127.0.0.1:${port}`, reminderWithinDays: 7 },
    });
    f = await buildReportingFixture(t);
    await t.deps.db
      .update(units)
      .set({ email: 'doanxaan@example.vn' })
      .where(eq(units.id, f.n.a1.id));
  }, 180_000);
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const remind = (cookie: string, body: object = {}) =>
    call(t, 'POST', `/reporting/report-types/${f.typeId}/reminders`, cookie, body);

  it('reminds nobody while the due date is further away than N days', async () => {
    t.setToday('2023-04-10');
    expect(ok(await remind(f.users.provinceAdmin.cookie)).items).toEqual([]);
  });

  it('reminds the units due within N days, in the app and by email, once a day', async () => {
    t.setToday('2023-04-20');
    const submitted = await createReport(t, f.users.a2Editor.cookie, f, f.n.a2.id);
    ok(
      await call(
        t,
        'POST',
        `/reporting/reports/${submitted.report.id}/submit`,
        f.users.a2Editor.cookie,
      ),
    );

    const first = ok(await remind(f.users.provinceAdmin.cookie)).items;
    expect(first.map((i: any) => [i.unitId, i.reason]).sort()).toEqual(
      [
        [f.n.a1.id, 'due_soon'],
        [f.n.provinceA.id, 'due_soon'],
      ].sort(),
    );
    const a1 = first.find((i: any) => i.unitId === f.n.a1.id);
    expect(a1).toMatchObject({
      dueDate: '2023-04-25',
      notified: 1,
      emailTo: 'doanxaan@example.vn',
      emailed: true,
    });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['doanxaan@example.vn']);
    expect(mails[0]!.data).toMatch(/^To: doanxaan@example\.vn/m);
    expect(mails[0]!.data).toMatch(/^Subject: =\?UTF-8\?/m);

    const inbox = ok(await call(t, 'GET', '/notifications', f.users.a1Editor.cookie));
    expect(inbox.unreadCount).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: 'report_due', title: 'Sắp đến hạn nộp báo cáo' });
    expect(inbox.items[0].body).toContain('hạn nộp 25/04/2023, còn 5 ngày');
    // Viewers do not write reports and get nothing; the submitted unit gets nothing.
    expect(ok(await call(t, 'GET', '/notifications', f.users.a1Viewer.cookie)).items).toEqual([]);
    expect(ok(await call(t, 'GET', '/notifications', f.users.a2Editor.cookie)).items).toEqual([]);

    // Idempotent for the day: a second run (the admin again, or the daily tick) sends nothing.
    expect(ok(await remind(f.users.provinceAdmin.cookie)).items).toEqual([]);
    expect(mails).toHaveLength(1);
    expect(ok(await call(t, 'GET', '/notifications', f.users.a1Editor.cookie)).unreadCount).toBe(1);

    // Marked read, one at a time or all at once.
    ok(
      await call(t, 'POST', `/notifications/${inbox.items[0].id}/read`, f.users.a1Editor.cookie),
      204,
    );
    expect(
      ok(await call(t, 'GET', '/notifications?unreadOnly=true', f.users.a1Editor.cookie)),
    ).toEqual({
      items: [],
      unreadCount: 0,
    });
  });

  it('reminds the late ones again the next days, and stops once they have submitted', async () => {
    t.setToday('2023-04-27');
    const late = ok(await remind(f.users.provinceAdmin.cookie)).items;
    expect(late.map((i: any) => [i.unitId, i.reason]).sort()).toEqual(
      [
        [f.n.a1.id, 'late'],
        [f.n.provinceA.id, 'late'],
      ].sort(),
    );
    expect(mails).toHaveLength(2);
    const inbox = ok(await call(t, 'GET', '/notifications', f.users.a1Editor.cookie));
    expect(inbox.items[0].body).toContain('đã quá hạn 2 ngày');
    ok(await call(t, 'POST', '/notifications/read-all', f.users.a1Editor.cookie), 204);
    expect(ok(await call(t, 'GET', '/notifications', f.users.a1Editor.cookie)).unreadCount).toBe(0);

    const report = await createReport(t, f.users.a1Editor.cookie, f, f.n.a1.id);
    ok(
      await call(
        t,
        'POST',
        `/reporting/reports/${report.report.id}/submit`,
        f.users.a1Editor.cookie,
      ),
    );
    t.setToday('2023-04-28');
    const next = ok(await remind(f.users.provinceAdmin.cookie)).items;
    expect(next.map((i: any) => i.unitId)).toEqual([f.n.provinceA.id]);
    expect(mails).toHaveLength(2);
  });

  it('is an admin action on the plan’s unit, and refuses bad input', async () => {
    await expectRejectedUnchanged(t, () => remind(f.users.provinceEditor.cookie), 403, 'forbidden');
    await expectRejectedUnchanged(t, () => remind(f.users.outsider.cookie), 404, 'not_found');
    await expectRejectedUnchanged(
      t,
      () => call(t, 'POST', `/reporting/report-types/${f.typeId}/reminders`, null, {}),
      401,
      'unauthenticated',
    );
    await expectRejectedUnchanged(
      t,
      () => remind(f.users.provinceAdmin.cookie, { withinDays: -1 }),
      400,
      'validation_failed',
    );
    await expectRejectedUnchanged(
      t,
      () => remind(f.users.provinceAdmin.cookie, { period: '2024-H1' }),
      400,
      'validation_failed',
    );
    await expectRejectedUnchanged(
      t,
      () =>
        call(
          t,
          'POST',
          '/notifications/00000000-0000-4000-8000-000000000000/read',
          f.users.a1Editor.cookie,
        ),
      404,
      'not_found',
    );
    const someone = ok(await call(t, 'GET', '/notifications', f.users.a1Editor.cookie)).items[0];
    await expectRejectedUnchanged(
      t,
      () => call(t, 'POST', `/notifications/${someone.id}/read`, f.users.provinceAdmin.cookie),
      404,
      'not_found',
    );
    await expectRejectedUnchanged(
      t,
      () => call(t, 'GET', '/notifications', null),
      401,
      'unauthenticated',
    );
    await expectRejectedUnchanged(
      t,
      () => call(t, 'GET', '/notifications?limit=1000', f.users.a1Editor.cookie),
      400,
      'validation_failed',
    );
  });
});
