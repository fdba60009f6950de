import { eq } from 'drizzle-orm';
import type { AppDeps } from '../kernel/deps.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { createCategory, createQuestion, CreateQuestionBody } from '../modules/contests/index.ts';
import {
  addLesson,
  attachTest,
  AttachTestBody,
  createCourse,
  CreateCourseBody,
  LessonBody,
  publishCourse,
} from '../modules/courses/index.ts';
import { loadActor, users } from '../modules/identity/index.ts';
import { findUnitsByCodesAsOf } from '../modules/org/index.ts';

/**
 * The demo's online course for seed 001's target (3), "100 % of newly admitted members learn
 * political theory online": three lessons and a final test of five questions drawn from
 * Trung ương Đoàn's bank, published for the current year. Written through the modules' commands
 * as the central admin. Lessons carry a video link and no images: a demo must not depend on an
 * outside host staying up.
 */

const p = (text: string) => ({ type: 'paragraph' as const, runs: [{ text }] });
const b = (text: string) => ({ type: 'bullet' as const, runs: [{ text }] });
const h = (text: string) => ({ type: 'heading' as const, runs: [{ text }] });
const video = (q: string) =>
  `https://www.youtube.com/results?search_query=${encodeURIComponent(q)}`;

const LESSONS = [
  {
    title: 'Chủ nghĩa Mác – Lênin, tư tưởng Hồ Chí Minh – nền tảng tư tưởng của Đảng',
    body: [
      p(
        'Đảng Cộng sản Việt Nam lấy chủ nghĩa Mác – Lênin và tư tưởng Hồ Chí Minh làm nền tảng tư tưởng, kim chỉ nam cho hành động.',
      ),
      h('Những nội dung cần nắm'),
      b('Đảng Cộng sản Việt Nam do Chủ tịch Hồ Chí Minh sáng lập ngày 03/02/1930.'),
      b(
        'Tư tưởng Hồ Chí Minh là sự vận dụng và phát triển sáng tạo chủ nghĩa Mác – Lênin vào điều kiện cụ thể của nước ta.',
      ),
      b(
        'Bảo vệ nền tảng tư tưởng của Đảng là nhiệm vụ của mỗi cán bộ, đoàn viên, kể cả trên không gian mạng.',
      ),
    ],
    videoUrl: video('tư tưởng Hồ Chí Minh bài giảng lý luận chính trị đoàn viên'),
  },
  {
    title: 'Đoàn TNCS Hồ Chí Minh – đội dự bị tin cậy của Đảng',
    body: [
      p(
        'Đoàn Thanh niên Cộng sản Hồ Chí Minh được thành lập ngày 26/3/1931, là tổ chức chính trị – xã hội của thanh niên Việt Nam, do Đảng Cộng sản Việt Nam và Chủ tịch Hồ Chí Minh sáng lập, lãnh đạo và rèn luyện.',
      ),
      b('Đoàn tổ chức và hoạt động theo nguyên tắc tập trung dân chủ.'),
      b(
        'Đoàn là đội dự bị tin cậy của Đảng, lực lượng nòng cốt chính trị trong phong trào thanh niên.',
      ),
    ],
    videoUrl: video('lịch sử Đoàn TNCS Hồ Chí Minh 26/3/1931'),
  },
  {
    title: 'Nhiệm vụ và quyền của đoàn viên',
    body: [
      p(
        'Thanh niên Việt Nam từ đủ 16 đến 30 tuổi, tích cực học tập, lao động và bảo vệ Tổ quốc, được xem xét kết nạp vào Đoàn.',
      ),
      b('Đoàn viên luôn phấn đấu vì lý tưởng của Đảng và Bác Hồ; gương mẫu học tập, rèn luyện.'),
      b('Đoàn viên tham gia sinh hoạt Đoàn, đóng đoàn phí và thực hiện các nghị quyết của Đoàn.'),
      {
        type: 'paragraph' as const,
        runs: [
          {
            text: 'Hoàn thành bài kiểm tra cuối khoá (đạt từ 80% số điểm) để được công nhận hoàn thành khoá học.',
            italic: true,
          },
        ],
      },
    ],
    videoUrl: video('nhiệm vụ quyền của đoàn viên điều lệ Đoàn'),
  },
];

type Q = { text: string; right: string; wrong: string[] };
const THEORY: Q[] = [
  {
    text: 'Nền tảng tư tưởng, kim chỉ nam cho hành động của Đảng Cộng sản Việt Nam là gì?',
    right: 'Chủ nghĩa Mác – Lênin và tư tưởng Hồ Chí Minh',
    wrong: ['Chủ nghĩa Mác – Lênin', 'Tư tưởng Hồ Chí Minh', 'Cương lĩnh chính trị của Đảng'],
  },
  {
    text: 'Đảng Cộng sản Việt Nam được thành lập ngày nào?',
    right: '03/02/1930',
    wrong: ['19/5/1930', '02/9/1945', '26/3/1931'],
  },
  {
    text: 'Ai là người sáng lập Đảng Cộng sản Việt Nam?',
    right: 'Chủ tịch Hồ Chí Minh',
    wrong: ['Đồng chí Trần Phú', 'Đồng chí Lê Hồng Phong', 'Đồng chí Hà Huy Tập'],
  },
  {
    text: 'Tư tưởng Hồ Chí Minh là sự vận dụng và phát triển sáng tạo học thuyết nào vào điều kiện nước ta?',
    right: 'Chủ nghĩa Mác – Lênin',
    wrong: ['Chủ nghĩa yêu nước truyền thống', 'Học thuyết Tam dân', 'Chủ nghĩa nhân đạo'],
  },
];
const UNION: Q[] = [
  {
    text: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh được thành lập ngày nào?',
    right: '26/3/1931',
    wrong: ['03/02/1930', '15/10/1956', '19/5/1941'],
  },
  {
    text: 'Thanh niên ở độ tuổi nào được xem xét kết nạp vào Đoàn?',
    right: 'Từ đủ 16 đến 30 tuổi',
    wrong: ['Từ đủ 14 đến 28 tuổi', 'Từ đủ 18 đến 35 tuổi', 'Từ đủ 15 đến 30 tuổi'],
  },
  {
    text: 'Đoàn TNCS Hồ Chí Minh tổ chức và hoạt động theo nguyên tắc nào?',
    right: 'Tập trung dân chủ',
    wrong: ['Tự nguyện, tự quản', 'Hiệp thương dân chủ', 'Đồng thuận'],
  },
];

async function centralAdmin(deps: AppDeps): Promise<Actor> {
  const [user] = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, 'admin'));
  const actor = user ? await loadActor(deps, user.id) : null;
  if (!actor) throw new Error('Demo account admin is missing');
  return actor;
}

export async function seedDemoCourses(deps: AppDeps): Promise<void> {
  const actor = await centralAdmin(deps);
  const today = deps.today();
  const [central] = await findUnitsByCodesAsOf(deps.db, ['TWD'], today);
  const unitId = central!.id;
  const quotas = [];
  for (const [name, questions, count] of [
    ['Lý luận chính trị', THEORY, 3],
    ['Đoàn TNCS Hồ Chí Minh', UNION, 2],
  ] as const) {
    const category = await createCategory(deps, actor, { unitId, name });
    for (const q of questions) {
      const options = [
        { text: q.right, correct: true },
        ...q.wrong.map((text) => ({ text, correct: false })),
      ];
      await createQuestion(
        deps,
        actor,
        unitId,
        CreateQuestionBody.parse({
          categoryId: category.id,
          kind: 'single',
          text: q.text,
          options,
          explanation: `Đáp án đúng: ${q.right}.`,
        }),
      );
    }
    quotas.push({ categoryId: category.id, count });
  }
  const course = await createCourse(
    deps,
    actor,
    CreateCourseBody.parse({
      unitId,
      title: 'Học tập lý luận chính trị cho đoàn viên mới',
      description:
        'Khoá học trực tuyến dành cho đoàn viên mới kết nạp: ba bài học ngắn và bài kiểm tra cuối khoá 5 câu. Đạt từ 80% số điểm là hoàn thành khoá học và được cấp giấy chứng nhận.',
      topic: 'political_theory',
      audience: 'public',
      passMark: 80,
      certificatePlace: 'Hà Nội',
    }),
  );
  for (const lesson of LESSONS) await addLesson(deps, actor, course.id, LessonBody.parse(lesson));
  const year = today.slice(0, 4);
  await attachTest(
    deps,
    actor,
    course.id,
    AttachTestBody.parse({
      quotas,
      timeLimitSeconds: 600,
      attemptsAllowed: 3,
      opensAt: `${year}-01-01T00:00:00+07:00`,
      closesAt: `${year}-12-31T23:59:00+07:00`,
    }),
  );
  await publishCourse(deps, actor, course.id);
}
