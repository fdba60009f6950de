import { sql } from 'drizzle-orm';
import type { Role } from '../../../common/enums.ts';
import type { Db } from '../../kernel/db/client.ts';
import { buildNation, buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { call, ok } from '../../test/api.ts';
import type { BuiltUnit } from '../../test/factories.ts';
import { uniqueSuffix } from '../../test/factories.ts';

/** Test helpers for the reporting module's tests (not a test file itself). */

export { call, ok } from '../../test/api.ts';

type TargetInput = Record<string, unknown>;

/** A plan written and issued through the planning API by an admin of `unit`. */
export async function issuePlan(
  t: TestApp,
  cookie: string,
  unit: BuiltUnit,
  options: {
    targets?: TargetInput[];
    tasks?: { description: string; deadline: string }[];
    periodEnd?: number;
  } = {},
) {
  const created = ok(
    await call(t, 'POST', '/planning/plans', cookie, {
      unitId: unit.id,
      number: `${uniqueSuffix()}-KH/TĐTN-BTG`,
      title: 'Kế hoạch thực hiện Chương trình năm 2023',
      issueDate: '2023-02-03',
      periodStart: 2023,
      periodEnd: options.periodEnd ?? 2023,
    }),
    201,
  );
  for (const target of options.targets ?? []) {
    ok(await call(t, 'POST', `/planning/plans/${created.plan.id}/targets`, cookie, target), 201);
  }
  for (const task of options.tasks ?? []) {
    ok(await call(t, 'POST', `/planning/plans/${created.plan.id}/tasks`, cookie, task), 201);
  }
  return ok(await call(t, 'POST', `/planning/plans/${created.plan.id}/issue`, cookie));
}

/** Planning's tables, the audit log and everything reporting and notifications write. */
export async function fingerprint(db: Db) {
  const digest = (table: string, columns: string) =>
    sql.raw(
      `(select md5(coalesce(string_agg(concat_ws('|', ${columns}), ',' order by ${columns.split(',')[0]}), '')) from ${table})`,
    );
  const [row] = await db
    .select({
      plans: sql<string>`${digest('plans', 'id, status, body::text, updated_at')}`,
      targets: sql<string>`${digest('targets', 'id, plan_id, value')}`,
      tasks: sql<string>`${digest('tasks', 'id, plan_id, status')}`,
      activities: sql<string>`${digest('activities', 'id, unit_id, updated_at')}`,
      values: sql<string>`${digest('indicator_values', 'id, unit_id, value')}`,
      audit: sql<number>`(select count(*) from audit_log)::int`,
      types: sql<string>`${digest('report_types', 'id, plan_id, kind, name, period_slot, due_month, due_day, period_key, due_date, reporter_kinds::text')}`,
      reports: sql<string>`${digest('reports', 'id, status, title, document::text, body::text, snapshot::text, submitted_at, return_comment, waiver_reason, updated_at')}`,
      reminders: sql<string>`${digest('report_reminders', 'id, unit_id, period_key, day, emailed_at')}`,
      notifications: sql<string>`${digest('notifications', 'id, user_id, title, read_at')}`,
      attachments: sql<string>`${digest('plan_attachments', 'id, plan_id, file_name, sha256')}`,
    })
    .from(sql`(select 1) as one`);
  return row!;
}

/** Asserts the reply's status and code, a Vietnamese message, and an unchanged database. */
export async function expectRejectedUnchanged(
  t: TestApp,
  run: () => Promise<{ status: number; body: any }>,
  status: number,
  code: string,
) {
  const before = await fingerprint(t.deps.db);
  const res = await run();
  if (res.status !== status || res.body?.error?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  if (!/\p{L}/u.test(res.body.error.message)) throw new Error('message is not text');
  const after = await fingerprint(t.deps.db);
  if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error('database changed');
  return res;
}

/**
 * Province A (of a small nation) with an issued 2023 plan modelled on seed 000: a target for the
 * province itself (02 trainings) and one for each grassroots unit (01 Marxism activity); a
 * six-month report type due 25/4 that every grassroots unit reports on; and users.
 */
export async function buildReportingFixture(t: TestApp) {
  const n = await buildNation(t.deps.db);
  const user = (role: Role, unit = n.provinceA) => buildUser(t.deps.db, [{ unit, role }]);
  const provinceAdmin = await user('admin');
  const plan = await issuePlan(t, provinceAdmin.cookie, n.provinceA, {
    targets: [
      { indicatorCode: 'cyber_trainings_held', comparator: 'gte', value: 2, period: '2023' },
      {
        indicatorCode: 'marxism_activities',
        comparator: 'gte',
        value: 1,
        period: '2023',
        appliesTo: 'each_of_kind',
        appliesKind: 'grassroots',
      },
    ],
    tasks: [{ description: 'Tổ chức tập huấn kỹ năng số', deadline: 'Quý II/2023' }],
  });
  const type = ok(
    await call(t, 'POST', `/reporting/plans/${plan.plan.id}/report-types`, provinceAdmin.cookie, {
      kind: 'six_month',
      dueMonth: 4,
      dueDay: 25,
      reporterKinds: ['grassroots'],
    }),
    201,
  ).reportType;
  return {
    n,
    plan,
    planId: plan.plan.id as string,
    typeId: type.id as string,
    users: {
      provinceAdmin,
      provinceEditor: await user('editor'),
      provinceViewer: await user('viewer'),
      a1Editor: await user('editor', n.a1),
      a1Viewer: await user('viewer', n.a1),
      a2Editor: await user('editor', n.a2),
      outsider: await user('admin', n.provinceB),
    },
  };
}
export type ReportingFixture = Awaited<ReturnType<typeof buildReportingFixture>>;

export async function createReport(
  t: TestApp,
  cookie: string,
  f: ReportingFixture,
  unitId: string,
  period = '2023-H1',
) {
  return ok(
    await call(t, 'POST', '/reporting/reports', cookie, {
      reportTypeId: f.typeId,
      unitId,
      period,
    }),
    201,
  );
}

export async function marxismActivity(
  t: TestApp,
  cookie: string,
  unitId: string,
  occurredOn: string,
) {
  return ok(
    await call(t, 'POST', '/planning/activities', cookie, {
      unitId,
      kind: 'forum',
      title: 'Tọa đàm “Tư tưởng Hồ Chí Minh với thanh niên”',
      occurredOn,
      indicatorCodes: ['marxism_activities'],
    }),
    201,
  );
}
