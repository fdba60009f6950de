import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Role } from '../../../common/enums.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { BuiltUnit } from '../../test/factories.ts';
import { buildNation, buildUser, uniqueSuffix } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';

/** Test helpers for the planning module's tests (not a test file itself). */

export type { ApiError, Reply } from '../../test/api.ts';
export { call, ok } from '../../test/api.ts';
import type { Reply } from '../../test/api.ts';
import { call, ok } from '../../test/api.ts';

/**
 * A fingerprint of everything planning writes (and the audit log). Two equal fingerprints mean
 * a request changed nothing.
 */
export async function fingerprint(db: Db) {
  const digest = (table: string, columns: string) =>
    sql.raw(
      `(select md5(coalesce(string_agg(concat_ws('|', ${columns}), ',' order by ${columns.split(',')[0]}), '')) from ${table})`,
    );
  const [row] = await db
    .select({
      plans: sql<string>`${digest('plans', 'id, unit_id, number, title, status, issue_date, period_start, period_end, body::text, updated_at')}`,
      parents: sql<string>`${digest('plan_parents', "plan_id || '>' || parent_plan_id")}`,
      targets: sql<string>`${digest('targets', 'id, plan_id, indicator_code, comparator, value, category, period_key, deadline, applies_to, applies_kind, parent_target_id, label')}`,
      tasks: sql<string>`${digest('tasks', 'id, plan_id, description, lead_unit_id, deadline_key, status, evidence, evidence_links::text, completed_on')}`,
      cooperators: sql<string>`${digest('task_cooperators', "task_id || '>' || unit_id")}`,
      activities: sql<string>`${digest('activities', 'id, unit_id, kind, title, occurred_on, participants::text, indicator_codes::text, updated_at')}`,
      values: sql<string>`${digest('indicator_values', 'id, indicator_code, unit_id, period_key, category, sex, value, denominator, activity_id')}`,
      audit: sql<number>`(select count(*) from audit_log)::int`,
    })
    .from(sql`(select 1) as one`);
  return row!;
}

/** Asserts that `run` answers with `status`/`code` and leaves the database exactly as it was. */
export async function expectRejectedUnchanged(
  t: TestApp,
  run: () => Promise<Reply>,
  status: number,
  code: string,
): Promise<Reply> {
  const before = await fingerprint(t.deps.db);
  const res = await run();
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(res.body.error.message).toMatch(/\p{L}/u);
  expect(await fingerprint(t.deps.db)).toEqual(before);
  return res;
}

export type TargetInput = {
  indicatorCode: string;
  comparator: 'gte' | 'lte' | 'eq';
  value: number;
  period?: string;
  deadline?: string;
  category?: string;
  appliesTo?: string;
  appliesKind?: string;
  parentTargetId?: string;
};

/** A plan written and issued through the API by an admin of `unit`; returns the plan detail. */
export async function issuePlan(
  t: TestApp,
  cookie: string,
  unit: BuiltUnit,
  options: {
    periodStart?: number;
    periodEnd?: number;
    issueDate?: string;
    implements?: string[];
    prefill?: boolean;
    targets?: TargetInput[];
    tasks?: { description: string; deadline: string; leadUnitId?: string }[];
  } = {},
) {
  const created = ok(
    await call(t, 'POST', '/planning/plans', cookie, {
      unitId: unit.id,
      number: `${uniqueSuffix()}-KH/TĐTN-BTG`,
      title: `Kế hoạch thực hiện Chương trình năm ${options.periodStart ?? 2023}`,
      issueDate: options.issueDate ?? '2023-02-03',
      periodStart: options.periodStart ?? 2023,
      periodEnd: options.periodEnd ?? options.periodStart ?? 2023,
      implements: options.implements ?? [],
      prefill: options.prefill ?? false,
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

/** Direct entries for one unit, indicator and period. */
export async function putValues(
  t: TestApp,
  cookie: string,
  unit: BuiltUnit,
  indicatorCode: string,
  period: string,
  entries: { category?: string; sex?: string; value: number; denominator?: number }[],
) {
  return ok(
    await call(t, 'PUT', '/planning/values', cookie, {
      unitId: unit.id,
      indicatorCode,
      period,
      entries,
    }),
  );
}

export async function getRollup(
  t: TestApp,
  cookie: string,
  unit: BuiltUnit,
  indicatorCode: string,
  period: string,
  extra = '',
) {
  return ok(
    await call(
      t,
      'GET',
      `/planning/rollup?unitId=${unit.id}&indicatorCode=${indicatorCode}&period=${period}${extra}`,
      cookie,
    ),
  );
}

/**
 * Province A of a small nation with: an issued plan (a target, a task led by grassroots unit a1),
 * a draft plan (a target, a task), an activity of a1, and users — an outsider (admin of province
 * B), a viewer, an editor and an admin of province A.
 */
export async function buildFixture(t: TestApp) {
  const n = await buildNation(t.deps.db);
  const user = (role: Role, unit = n.provinceA) => buildUser(t.deps.db, [{ unit, role }]);
  const admin = await user('admin');
  const issued = await issuePlan(t, admin.cookie, n.provinceA, {
    targets: [
      { indicatorCode: 'cyber_trainings_held', comparator: 'gte', value: 2, period: '2023' },
    ],
    tasks: [{ description: 'Tổ chức tập huấn', deadline: 'Quý II/2023', leadUnitId: n.a1.id }],
  });
  const draft = ok(
    await call(t, 'POST', '/planning/plans', admin.cookie, {
      unitId: n.provinceA.id,
      number: `D${n.suffix}-KH/TĐTN`,
      title: 'Kế hoạch dự thảo',
      issueDate: '2023-03-01',
      periodStart: 2023,
      periodEnd: 2023,
    }),
    201,
  );
  const planId: string = draft.plan.id;
  const target = ok(
    await call(t, 'POST', `/planning/plans/${planId}/targets`, admin.cookie, {
      indicatorCode: 'online_trends',
      comparator: 'gte',
      value: 1,
      period: '2023',
    }),
    201,
  ).target;
  const task = ok(
    await call(t, 'POST', `/planning/plans/${planId}/tasks`, admin.cookie, {
      description: 'Phát động trào lưu',
      deadline: 'tháng 3/2023',
    }),
    201,
  ).task;
  const activity = ok(
    await call(t, 'POST', '/planning/activities', admin.cookie, {
      unitId: n.a1.id,
      kind: 'training',
      title: 'Tập huấn kỹ năng số',
      occurredOn: '2023-05-10',
      participants: [{ category: 'cadre', count: 30 }],
    }),
    201,
  ).activity;
  return {
    n,
    admin,
    issuedId: issued.plan.id as string,
    issuedTaskId: issued.tasks[0].id as string,
    draftId: planId,
    targetId: target.id as string,
    taskId: task.id as string,
    activityId: activity.id as string,
    users: {
      outsider: await user('admin', n.provinceB),
      viewer: await user('viewer'),
      editor: await user('editor'),
      admin,
    },
  };
}

export { buildNation };
export type { Nation } from '../../test/factories.ts';
