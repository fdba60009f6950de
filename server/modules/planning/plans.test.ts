import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.ts';
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

/** Plans: the body, the draft → issued → closed life, who sees which plans. */
describe('plans', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2023-02-10' });
  });
  afterAll(async () => {
    await t.close();
  });

  const body = {
    purpose: [
      { type: 'heading', runs: [{ text: '1. Mục đích:', bold: true }] },
      {
        type: 'bullet',
        runs: [
          { text: 'Cụ thể hóa các nhóm nhiệm vụ của Chương trình “' },
          {
            text: 'Tuổi trẻ Tây Ninh tham gia xây dựng, bảo vệ biên cương văn hóa tư tưởng',
            italic: true,
          },
          { text: '”\u0007 sát hợp với thực tiễn.' },
        ],
      },
    ],
    content: [
      { type: 'paragraph', runs: [{ text: 'Tổ chức ít nhất 02 lớp tập huấn.', bold: false }] },
    ],
  };

  it('stores the body as whitelisted blocks of runs, then issues the plan once it has a number and a date', async () => {
    const n = await buildNation(t.deps.db);
    const admin = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'admin' }]);
    const created = ok(
      await call(t, 'POST', '/planning/plans', admin.cookie, {
        unitId: n.provinceA.id,
        kind: 'plan',
        title: 'Kế hoạch thực hiện Chương trình “Tuổi trẻ Tây Ninh…” năm 2023',
        periodStart: 2023,
        periodEnd: 2023,
        body,
      }),
      201,
    );
    expect(created.plan).toMatchObject({
      status: 'draft',
      number: null,
      unitName: `Tỉnh đoàn Alpha ${n.suffix}`,
    });
    expect(created.plan.body.purpose[1].runs[1]).toEqual({
      text: 'Tuổi trẻ Tây Ninh tham gia xây dựng, bảo vệ biên cương văn hóa tư tưởng',
      italic: true,
    });
    // The control character became a space; the "bold: false" flag is dropped.
    expect(created.plan.body.purpose[1].runs[2].text).toBe('”  sát hợp với thực tiễn.');
    expect(created.plan.body.content[0].runs[0]).toEqual({
      text: 'Tổ chức ít nhất 02 lớp tập huấn.',
    });
    expect(created.plan.body.organisation).toEqual([]);
    expect(created.abilities).toEqual({
      update: true,
      issue: true,
      close: false,
      manageTargets: true,
      manageTasks: true,
    });

    const id = created.plan.id;
    const res = await expectRejectedUnchanged(
      t,
      () => call(t, 'POST', `/planning/plans/${id}/issue`, admin.cookie),
      400,
      'validation_failed',
    );
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual([
      'number',
      'issueDate',
    ]);
    ok(
      await call(t, 'PATCH', `/planning/plans/${id}`, admin.cookie, {
        number: '20-KH/TĐTN-BTG',
        issueDate: '2023-03-01',
      }),
    );
    const future = await expectRejectedUnchanged(
      t,
      () => call(t, 'POST', `/planning/plans/${id}/issue`, admin.cookie),
      400,
      'validation_failed',
    );
    expect(future.body.error.details).toEqual([
      { field: 'issueDate', message: 'Ngày ban hành không được sau hôm nay.' },
    ]);
    const fixed = ok(
      await call(t, 'PATCH', `/planning/plans/${id}`, admin.cookie, { issueDate: '2023-02-03' }),
    );
    expect(fixed.plan).toMatchObject({ number: '20-KH/TĐTN-BTG', issueDate: '2023-02-03' });
    const issued = ok(await call(t, 'POST', `/planning/plans/${id}/issue`, admin.cookie));
    expect(issued.plan.status).toBe('issued');
    expect(issued.abilities).toEqual({
      update: false,
      issue: false,
      close: true,
      manageTargets: false,
      manageTasks: true,
    });
    const closed = ok(await call(t, 'POST', `/planning/plans/${id}/close`, admin.cookie));
    expect(closed.plan.status).toBe('closed');
    expect(closed.abilities.manageTasks).toBe(false);

    const trail = await t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'plan'), eq(auditLog.entityId, id)))
      .orderBy(auditLog.id);
    expect(trail.map((a) => a.action)).toEqual([
      'plan.create',
      'plan.update',
      'plan.update',
      'plan.issue',
      'plan.close',
    ]);
  });

  it('lists a unit’s plans: drafts for those who see the unit, issued ones for the units below', async () => {
    const n = await buildNation(t.deps.db);
    const admin = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'admin' }]);
    const below = await buildUser(t.deps.db, [{ unit: n.a1, role: 'editor' }]);
    const issued = await issuePlan(t, admin.cookie, n.provinceA, { periodStart: 2023 });
    const draft = ok(
      await call(t, 'POST', '/planning/plans', admin.cookie, {
        unitId: n.provinceA.id,
        title: 'Kế hoạch năm 2024 (dự thảo)',
        periodStart: 2024,
        periodEnd: 2024,
      }),
      201,
    );
    const all = ok(await call(t, 'GET', `/planning/plans?unitId=${n.provinceA.id}`, admin.cookie));
    expect(all.items.map((p: { id: string }) => p.id)).toEqual([draft.plan.id, issued.plan.id]);
    const drafts = ok(
      await call(t, 'GET', `/planning/plans?unitId=${n.provinceA.id}&status=draft`, admin.cookie),
    );
    expect(drafts.items.map((p: { id: string }) => p.id)).toEqual([draft.plan.id]);
    const seenBelow = ok(
      await call(t, 'GET', `/planning/plans?unitId=${n.provinceA.id}`, below.cookie),
    );
    expect(seenBelow.items.map((p: { id: string }) => p.id)).toEqual([issued.plan.id]);
    const detail = ok(await call(t, 'GET', `/planning/plans/${issued.plan.id}`, below.cookie));
    expect(detail.abilities).toEqual({
      update: false,
      issue: false,
      close: false,
      manageTargets: false,
      manageTasks: false,
    });
  });
});
