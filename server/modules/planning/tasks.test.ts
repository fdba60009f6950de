import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** Tasks: deadlines as the plans write them, the overdue flag, progress and evidence. */
describe('tasks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ today: '2023-05-10' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads deadlines as written in the plans and flags overdue work by the date', async () => {
    t.setToday('2023-05-10');
    const n = await buildNation(t.deps.db);
    const admin = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'admin' }]);
    const plan = await issuePlan(t, admin.cookie, n.provinceA, {
      tasks: [
        {
          description: 'Nâng cấp Trang thông tin điện tử Tỉnh đoàn',
          deadline: 'Hoàn thành trong Quý II/2023',
        },
        {
          description: 'Phát động trào lưu “Hạnh phúc của tôi, hạnh phúc của bạn”',
          deadline: 'Hoàn thành trong tháng 3/2023',
        },
        { description: 'Báo cáo 6 tháng', deadline: '25/4/2023', leadUnitId: n.districtA.id },
        { description: 'Tham gia viết bài đấu tranh phản bác', deadline: 'Thực hiện thường xuyên' },
      ],
    });
    expect(plan.tasks.map((x: { deadline: object }) => x.deadline)).toEqual([
      { key: '2023-Q2', label: 'Quý II/2023', dueDate: '2023-06-30', recurring: false },
      { key: '2023-03', label: 'Tháng 3/2023', dueDate: '2023-03-31', recurring: false },
      { key: '2023-04-25', label: '25/04/2023', dueDate: '2023-04-25', recurring: false },
      { key: 'recurring', label: 'Thường xuyên', dueDate: null, recurring: true },
    ]);
    expect(plan.tasks.map((x: { isOverdue: boolean }) => x.isOverdue)).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(plan.tasks[2].leadUnit).toEqual({
      id: n.districtA.id,
      name: `Huyện đoàn Alpha ${n.suffix}`,
    });

    // The dashboard lists the late ones, most overdue first.
    const board = ok(
      await call(t, 'GET', `/planning/dashboard?unitId=${n.provinceA.id}`, admin.cookie),
    );
    expect(
      board.lateTasks.map((x: { description: string; daysLate: number }) => [
        x.description,
        x.daysLate,
      ]),
    ).toEqual([
      [plan.tasks[1].description, 40],
      [plan.tasks[2].description, 15],
    ]);
    // Seen from the district, only the task it leads.
    const district = ok(
      await call(t, 'GET', `/planning/dashboard?unitId=${n.districtA.id}`, admin.cookie),
    );
    expect(district.lateTasks.map((x: { id: string }) => x.id)).toEqual([plan.tasks[2].id]);

    // Time passes: the quarter's task becomes late too.
    t.setToday('2023-07-01');
    const later = ok(await call(t, 'GET', `/planning/plans/${plan.plan.id}`, admin.cookie));
    expect(later.tasks.map((x: { isOverdue: boolean }) => x.isOverdue)).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('progress: done records the day and clears the flag; evidence is kept; reopening clears the day', async () => {
    t.setToday('2023-07-05');
    const n = await buildNation(t.deps.db);
    const admin = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'admin' }]);
    const plan = await issuePlan(t, admin.cookie, n.provinceA, {
      tasks: [{ description: 'Xây dựng cẩm nang bằng icon', deadline: 'Quý II/2023' }],
    });
    const id = plan.tasks[0].id;
    expect(plan.tasks[0].isOverdue).toBe(true);
    const done = ok(
      await call(t, 'PATCH', `/planning/tasks/${id}`, admin.cookie, {
        status: 'done',
        evidence: 'Đã phát hành cẩm nang ngày 30/6',
        evidenceLinks: ['https://tinhdoan.example.vn/cam-nang'],
      }),
    ).task;
    expect(done).toMatchObject({
      status: 'done',
      completedOn: '2023-07-05',
      isOverdue: false,
      evidence: 'Đã phát hành cẩm nang ngày 30/6',
      evidenceLinks: ['https://tinhdoan.example.vn/cam-nang'],
    });
    const reopened = ok(
      await call(t, 'PATCH', `/planning/tasks/${id}`, admin.cookie, { status: 'in_progress' }),
    ).task;
    expect(reopened).toMatchObject({ status: 'in_progress', completedOn: null, isOverdue: true });
    const moved = ok(
      await call(t, 'PATCH', `/planning/tasks/${id}`, admin.cookie, {
        deadline: 'Quý III/2023',
        cooperatingUnitIds: [n.districtA.id, n.a1.id],
      }),
    ).task;
    expect(moved).toMatchObject({ isOverdue: false, deadline: { key: '2023-Q3' } });
    expect(moved.cooperatingUnits.map((u: { id: string }) => u.id).sort()).toEqual(
      [n.districtA.id, n.a1.id].sort(),
    );
  });

  it('a closed plan takes no more progress', async () => {
    t.setToday('2023-07-05');
    const n = await buildNation(t.deps.db);
    const admin = await buildUser(t.deps.db, [{ unit: n.provinceA, role: 'admin' }]);
    const plan = await issuePlan(t, admin.cookie, n.provinceA, {
      tasks: [{ description: 'Kiện toàn Câu lạc bộ Lý luận trẻ', deadline: 'năm 2023' }],
    });
    ok(await call(t, 'POST', `/planning/plans/${plan.plan.id}/close`, admin.cookie));
    await expectRejectedUnchanged(
      t,
      () =>
        call(t, 'PATCH', `/planning/tasks/${plan.tasks[0].id}`, admin.cookie, { status: 'done' }),
      409,
      'invalid_state',
    );
  });
});
