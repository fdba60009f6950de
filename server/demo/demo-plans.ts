import { eq } from 'drizzle-orm';
import type { AppDeps } from '../kernel/deps.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { loadActor, users } from '../modules/identity/index.ts';
import { findUnitsByCodesAsOf } from '../modules/org/index.ts';
import type { PlanningContext } from '../modules/planning/index.ts';
import {
  buildPlanningCatalogue,
  changePlanStatus,
  createActivity,
  CreateActivityBody,
  createPlan,
  CreatePlanBody,
  createTarget,
  CreateTargetBody,
  createTask,
  CreateTaskBody,
  putValues,
  PutValuesBody,
} from '../modules/planning/index.ts';
import { createReportType, CreateReportTypeBody } from '../modules/reporting/index.ts';
import { COURSE_INDICATORS } from '../modules/courses/index.ts';

/**
 * The demo's programme, modelled on the seeds: the central plan implementing Decision 311 (seed
 * 001) with its 2025 targets and the 2026 trend target, issued by Trung ương Đoàn; Tây Ninh's 2026
 * plan implementing it (seed 000), with its own targets and tasks; a few activities and values;
 * and the report types with the seeds' due dates (30/11 yearly; 25/4 and 20/9). Written through
 * the modules' own services as the demo accounts, so it is what the API would have recorded.
 */

const p = (text: string) => ({ type: 'paragraph' as const, runs: [{ text }] });
const b = (text: string) => ({ type: 'bullet' as const, runs: [{ text }] });

async function actorOf(deps: AppDeps, username: string): Promise<Actor> {
  const [user] = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username));
  const actor = user ? await loadActor(deps, user.id) : null;
  if (!actor) throw new Error(`Demo account ${username} is missing`);
  return actor;
}

export async function seedDemoPlans(deps: AppDeps): Promise<void> {
  const ctx: PlanningContext = { deps, catalogue: buildPlanningCatalogue(COURSE_INDICATORS) };
  const today = deps.today();
  const codes = ['TWD', 'TNI-2025', 'TNI-GD', 'TNI-HT', 'TNI-GD-PD'];
  const found = await findUnitsByCodesAsOf(deps.db, codes, today);
  const unit = (code: string) => found.find((u) => u.code === code)!.id;
  const central = await actorOf(deps, 'admin');
  const tayNinh = await actorOf(deps, 'tayninh');

  // ---- Trung ương Đoàn: Kế hoạch triển khai Quyết định 311/QĐ-TTg (seed 001) ----
  const centralPlan = await createPlan(
    ctx,
    central,
    CreatePlanBody.parse({
      unitId: unit('TWD'),
      number: '68-KH/TWĐTN-BTG',
      title:
        'Kế hoạch triển khai thực hiện Quyết định số 311/QĐ-TTg ngày 05/3/2022 của Thủ tướng Chính phủ phê duyệt Chương trình “Giáo dục lý tưởng cách mạng, đạo đức, lối sống văn hoá cho thanh niên, thiếu niên, nhi đồng trên không gian mạng giai đoạn 2023 - 2030”',
      issueDate: '2023-05-10',
      periodStart: 2023,
      periodEnd: 2030,
      body: {
        purpose: [
          p(
            'Tổ chức quán triệt, tuyên truyền, phổ biến để các cấp bộ đoàn, đoàn viên, thanh thiếu nhi cả nước nắm chắc mục đích, ý nghĩa, các nội dung, giải pháp quan trọng trong Quyết định 311.',
          ),
          p(
            'Kế hoạch xác định rõ lộ trình, tiến độ công việc cụ thể, có đánh giá, kiểm tra từng năm, từng giai đoạn.',
          ),
        ],
        content: [
          b(
            'Tuyên truyền, nâng cao nhận thức, kỹ năng cho cán bộ, đoàn viên, thanh niên, thiếu niên, nhi đồng khi tham gia các hoạt động trên không gian mạng an toàn, hiệu quả.',
          ),
          b(
            'Triển khai hiệu quả Cuộc vận động “Mỗi ngày một tin tốt, mỗi tuần một câu chuyện đẹp” trên không gian mạng.',
          ),
        ],
        organisation: [
          p(
            'Các tỉnh, thành đoàn, đoàn trực thuộc định kỳ báo cáo kết quả thực hiện Kế hoạch về Ban Bí thư Trung ương Đoàn (qua Ban Tuyên giáo) trước ngày 30/11 hằng năm.',
          ),
        ],
      },
    }),
  );
  const centralId = centralPlan.plan.id;
  const eachProvince = { appliesTo: 'each_of_kind', appliesKind: 'province' } as const;
  const centralTargets = [
    {
      indicatorCode: 'conduct_code_informed_pct',
      comparator: 'gte',
      value: 90,
      category: 'cadre',
      deadline: '2025-12-31',
      appliesTo: 'each_child',
      label:
        'Trên 90% cán bộ đoàn được tuyên truyền và tích cực thực hiện Quy tắc ứng xử trên mạng xã hội',
    },
    {
      indicatorCode: 'conduct_code_informed_pct',
      comparator: 'gte',
      value: 80,
      category: 'youth',
      deadline: '2025-12-31',
      appliesTo: 'each_child',
      label:
        '80% thanh niên được tuyên truyền và tích cực thực hiện Quy tắc ứng xử trên mạng xã hội',
    },
    {
      indicatorCode: 'counter_articles_weekly',
      comparator: 'gte',
      value: 2,
      period: '2025',
      ...eachProvince,
      label:
        '100% Đoàn cấp tỉnh mỗi tuần có ít nhất 02 bài viết đấu tranh bảo vệ nền tảng tư tưởng của Đảng',
    },
    {
      indicatorCode: 'districts_volunteer_team_pct',
      comparator: 'gte',
      value: 80,
      deadline: '2025-12-31',
      label:
        'Trên 80% Đoàn cấp huyện thiết lập đội hình thanh niên tình nguyện trên không gian mạng',
    },
    {
      indicatorCode: 'online_trends',
      comparator: 'gte',
      value: 2,
      period: '2025',
      ...eachProvince,
      label: 'Đoàn cấp tỉnh mỗi năm tổ chức ít nhất 02 trào lưu trên không gian mạng',
    },
    {
      indicatorCode: 'online_trends',
      comparator: 'gte',
      value: 5,
      period: '2026',
      ...eachProvince,
      label:
        'Đoàn cấp tỉnh mỗi năm tổ chức ít nhất 05 trào lưu trên không gian mạng (giai đoạn 2025 – 2030)',
    },
    // Fed by the online course's final test (server/demo/demo-courses.ts); last, so the province
    // plan's references to the targets above keep their index.
    {
      indicatorCode: 'course_new_members_completed_pct',
      comparator: 'gte',
      value: 100,
      period: '2026',
      appliesTo: 'each_child',
      label:
        '100% đoàn viên kết nạp mới được học lý luận chính trị trên nền tảng trực tuyến của Đoàn',
    },
  ];
  const created = [];
  for (const target of centralTargets) {
    created.push(await createTarget(ctx, central, centralId, CreateTargetBody.parse(target)));
  }
  await changePlanStatus(ctx, central, centralId, 'issued');
  await createReportType(
    { deps, catalogue: ctx.catalogue },
    central,
    centralId,
    CreateReportTypeBody.parse({
      kind: 'annual',
      dueMonth: 11,
      dueDay: 30,
      reporterKinds: ['province', 'affiliated'],
    }),
  );

  // ---- Tỉnh đoàn Tây Ninh: Kế hoạch năm 2026 thực hiện Chương trình (seed 000) ----
  const provincePlan = await createPlan(
    ctx,
    tayNinh,
    CreatePlanBody.parse({
      unitId: unit('TNI-2025'),
      number: '20-KH/TĐTN-BTG',
      title:
        'Kế hoạch thực hiện Chương trình “Tuổi trẻ Tây Ninh tham gia xây dựng, bảo vệ biên cương văn hóa tư tưởng trên không gian mạng” năm 2026',
      issueDate: '2026-02-03',
      periodStart: 2026,
      periodEnd: 2026,
      implements: [centralId],
      body: {
        purpose: [
          p(
            'Cụ thể hóa các nhóm nhiệm vụ, giải pháp của Chương trình sát hợp với thực tiễn công tác Đoàn và phong trào thanh thiếu nhi năm 2026.',
          ),
          p(
            'Các nhiệm vụ, giải pháp phải được triển khai đồng bộ từ tỉnh đến cơ sở; tránh phô trương, hình thức.',
          ),
        ],
        content: [
          b(
            'Tổ chức ít nhất 02 lớp tập huấn kỹ năng về sử dụng mạng xã hội an toàn, tích cực; nghiệp vụ đấu tranh, phản bác trên không gian mạng.',
          ),
          b('Tổ chức hoạt động chiến dịch truyền thông cho kênh Youtube đạt 2.500 lượt đăng ký.'),
        ],
        organisation: [
          p(
            'Các huyện, thị, thành Đoàn và Đoàn trực thuộc định kỳ báo cáo chuyên đề cho Ban Thường vụ Tỉnh đoàn (qua Ban Tuyên giáo Tỉnh đoàn) 6 tháng trước ngày 25/4, năm trước ngày 20/9.',
          ),
        ],
      },
    }),
  );
  const provinceId = provincePlan.plan.id;
  const trend2026 = created.find((t) => t.period.key === '2026')!;
  const provinceTargets = [
    {
      indicatorCode: 'online_trends',
      comparator: 'gte',
      value: 5,
      period: '2026',
      parentTargetId: trend2026.id,
      label:
        'Tổ chức ít nhất 05 hoạt động trào lưu văn hóa, xu hướng tích cực trên không gian mạng',
    },
    {
      indicatorCode: 'cyber_trainings_held',
      comparator: 'gte',
      value: 2,
      period: '2026',
      label: 'Tổ chức ít nhất 02 lớp tập huấn kỹ năng về sử dụng mạng xã hội an toàn, tích cực',
    },
    {
      indicatorCode: 'youtube_subscribers',
      comparator: 'gte',
      value: 2500,
      period: '2026',
      label: 'Kênh Youtube Tuổi trẻ Tây Ninh đạt 2.500 lượt đăng ký',
    },
    {
      indicatorCode: 'marxism_activities',
      comparator: 'gte',
      value: 1,
      period: '2026',
      appliesTo: 'each_of_kind',
      appliesKind: 'district',
      label:
        'Đoàn cấp huyện có ít nhất 01 hoạt động tìm hiểu, tuyên truyền về Chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh',
    },
  ];
  for (const target of provinceTargets) {
    await createTarget(ctx, tayNinh, provinceId, CreateTargetBody.parse(target));
  }
  for (const task of [
    {
      description: 'Nâng cấp, đổi mới giao diện Trang thông tin điện tử Tỉnh đoàn',
      deadline: 'Quý II/2026',
    },
    {
      description:
        'Phát động trào lưu “Hạnh phúc của tôi, hạnh phúc của bạn” nhân Ngày Quốc tế hạnh phúc 20/3',
      deadline: 'tháng 3/2026',
    },
    {
      description:
        'Duy trì và phát triển Tani – Location (số hóa các địa chỉ đỏ) cho thanh thiếu nhi',
      deadline: 'Quý III/2026',
    },
    {
      description: 'Lan tỏa cuộc vận động “Mỗi ngày 01 tin tốt, mỗi tuần 01 câu chuyện đẹp”',
      deadline: 'thường xuyên',
    },
  ]) {
    await createTask(ctx, tayNinh, provinceId, CreateTaskBody.parse(task));
  }
  await changePlanStatus(ctx, tayNinh, provinceId, 'issued');
  for (const type of [
    { kind: 'six_month', dueMonth: 4, dueDay: 25, reporterKinds: ['district', 'affiliated'] },
    { kind: 'annual', dueMonth: 9, dueDay: 20, reporterKinds: ['district', 'affiliated'] },
  ]) {
    await createReportType(
      { deps, catalogue: ctx.catalogue },
      tayNinh,
      provinceId,
      CreateReportTypeBody.parse(type),
    );
  }

  // ---- What units did in 2026, feeding the indicators ----
  for (const activity of [
    {
      unitId: unit('TNI-2025'),
      kind: 'training',
      title: 'Tập huấn kỹ năng sử dụng mạng xã hội an toàn, tích cực cho cán bộ Đoàn',
      occurredOn: '2026-03-14',
      participants: [
        { category: 'cadre', sex: 'female', count: 64 },
        { category: 'cadre', sex: 'male', count: 56 },
      ],
    },
    {
      unitId: unit('TNI-2025'),
      kind: 'trend_campaign',
      title: 'Trào lưu “Hạnh phúc của tôi, hạnh phúc của bạn”',
      occurredOn: '2026-03-20',
    },
    {
      unitId: unit('TNI-HT'),
      kind: 'trend_campaign',
      title: 'Trào lưu “Tự hào quê hương Hòa Thành”',
      occurredOn: '2026-05-01',
    },
    {
      unitId: unit('TNI-GD'),
      kind: 'forum',
      title: 'Tọa đàm “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”',
      occurredOn: '2026-05-19',
      indicatorCodes: ['marxism_activities'],
      participants: [{ category: 'member', count: 85 }],
    },
  ]) {
    await createActivity(ctx, tayNinh, CreateActivityBody.parse(activity));
  }
  await putValues(
    ctx,
    tayNinh,
    PutValuesBody.parse({
      unitId: unit('TNI-2025'),
      indicatorCode: 'youtube_subscribers',
      period: '2026-Q2',
      entries: [{ value: 1850 }],
    }),
  );
}
