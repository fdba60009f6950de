import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNation, buildUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import { mergeUnits, SYSTEM } from '../org/index.ts';
import { call, issuePlan, ok } from './reporting.test-helpers.ts';

/**
 * A report aggregates over the tree as it stood in its period: the 2023 annual report of a
 * central plan, written after the 2025 merger of two provinces, still has both provinces as its
 * reporters and children; the 2025 report has the merged one.
 */
describe('reports on the tree as of their period', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2023-12-01' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps merged provinces apart in the 2023 report, and together in 2025', async () => {
    const n = await buildNation(t.deps.db);
    const central = await buildUser(t.deps.db, [{ unit: n.central, role: 'admin' }]);
    const plan = await issuePlan(t, central.cookie, n.central, {
      periodEnd: 2025,
      targets: [
        {
          indicatorCode: 'online_trends',
          comparator: 'gte',
          value: 2,
          period: '2023',
          appliesTo: 'each_child',
        },
        {
          indicatorCode: 'online_trends',
          comparator: 'gte',
          value: 2,
          period: '2025',
          appliesTo: 'each_child',
        },
      ],
    });
    const type = ok(
      await call(t, 'POST', `/reporting/plans/${plan.plan.id}/report-types`, central.cookie, {
        kind: 'annual',
        dueMonth: 11,
        dueDay: 30,
        reporterKinds: ['province'],
      }),
      201,
    ).reportType;
    expect(type.periods.map((p: any) => [p.key, p.dueDate])).toEqual([
      ['2023', '2023-11-30'],
      ['2024', '2024-11-30'],
      ['2025', '2025-11-30'],
    ]);
    for (const [unit, day] of [
      [n.provinceA, '2023-03-20'],
      [n.a1, '2023-09-02'],
      [n.b1, '2023-05-19'],
    ] as const) {
      ok(
        await call(t, 'POST', '/planning/activities', central.cookie, {
          unitId: unit.id,
          kind: 'trend_campaign',
          title: 'Trào lưu “Hạnh phúc của tôi”',
          occurredOn: day,
        }),
        201,
      );
    }
    const merged = await mergeUnits(t.deps.db, SYSTEM, {
      effectiveDate: '2025-07-01',
      reason: 'Hợp nhất tỉnh theo Nghị quyết 202/2025/QH15',
      sourceIds: [n.provinceA.id, n.provinceB.id],
      target: {
        code: `AB-${n.suffix}`,
        name: `Tỉnh đoàn Hợp Nhất ${n.suffix}`,
        shortName: 'TĐ HN',
        kind: 'province',
        wing: 'doan',
      },
    });
    t.setToday('2026-01-10');

    const progress2023 = ok(
      await call(
        t,
        'GET',
        `/reporting/report-types/${type.id}/progress?period=2023`,
        central.cookie,
      ),
    );
    expect(progress2023.treeDate).toBe('2023-12-31');
    expect(progress2023.children.map((c: any) => c.unit.id)).toEqual([
      n.provinceA.id,
      n.provinceB.id,
    ]);
    expect(progress2023.totals).toMatchObject({ total: 2, missing: 2 });

    const report = ok(
      await call(t, 'POST', '/reporting/reports', central.cookie, {
        reportTypeId: type.id,
        unitId: n.central.id,
        period: '2023',
      }),
      201,
    );
    expect(report.indicatorsAsOf).toBe('2023-12-31');
    expect(report.indicators).toHaveLength(1);
    expect(report.indicators[0]).toMatchObject({
      period: { key: '2023' },
      treeDate: '2023-12-31',
      unitsMeeting: { met: 1, total: 2 },
    });
    expect(report.indicators[0].children.map((c: any) => [c.id, c.value, c.status])).toEqual([
      [n.provinceA.id, 2, 'met'],
      // Judged on the period's last day, which decision 0003 still counts as inside the window.
      [n.provinceB.id, 1, 'at_risk'],
    ]);

    const progress2025 = ok(
      await call(
        t,
        'GET',
        `/reporting/report-types/${type.id}/progress?period=2025`,
        central.cookie,
      ),
    );
    expect(progress2025.children.map((c: any) => c.unit.id)).toEqual([merged.createdIds[0]]);
    // The old province cannot open a report for 2025: it no longer reports then.
    const closed = await call(t, 'POST', '/reporting/reports', central.cookie, {
      reportTypeId: type.id,
      unitId: n.provinceA.id,
      period: '2025',
    });
    expect(closed.body.error.code).toBe('validation_failed');
  });
});
