import { z } from 'zod';
import { AppError } from '../../kernel/http/errors.ts';
import { PlanBlock } from '../planning/index.ts';

export const COURSE_LIMITS = {
  title: 300,
  description: 4_000,
  lessonTitle: 300,
  lessonBlocks: 300,
  images: 10,
  url: 2_000,
  alt: 300,
  place: 80,
  lessons: 100,
} as const;

export const MESSAGES = {
  courseMissing: 'Không tìm thấy khoá học.',
  lessonMissing: 'Không tìm thấy bài học.',
  videoUrl: 'Liên kết video phải là địa chỉ http:// hoặc https:// hợp lệ.',
  imageUrl: 'Ảnh phải là địa chỉ https:// hợp lệ.',
  order: 'Thứ tự mới phải liệt kê đúng một lần mọi bài học của khoá học.',
  tooManyLessons: `Mỗi khoá học có tối đa ${COURSE_LIMITS.lessons} bài học.`,
  notDraft: 'Khoá học đã công bố; không thể đổi điểm đạt, đối tượng hay bài kiểm tra.',
  closed: 'Khoá học đã đóng; không thể chỉnh sửa.',
  testLocked: 'Bài kiểm tra đã công bố; không thể thay đổi.',
  noLessons: 'Khoá học cần ít nhất một bài học trước khi công bố.',
  noTest: 'Khoá học cần bài kiểm tra cuối khoá trước khi công bố.',
  testNotReady: 'Bài kiểm tra chưa đủ điều kiện công bố.',
  notPublished: 'Chỉ đóng được khoá học đang công bố.',
  testWindow: 'Thời điểm đóng bài kiểm tra phải sau thời điểm mở.',
  notCompleted: 'Bạn chưa hoàn thành khoá học (chưa đạt điểm yêu cầu của bài kiểm tra).',
  noCertificate: 'Khoá học này không cấp giấy chứng nhận.',
  notCourseTest: 'Đây không phải bài kiểm tra của một khoá học.',
} as const;

const text = (max: number) =>
  z
    .string()
    .transform((v) => v.normalize('NFC').trim())
    .pipe(z.string().min(1).max(max));

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((v) => v.normalize('NFC').trim());

/** An absolute URL with one of the schemes; the URL parser decides, not a regex. */
function isUrl(value: string, schemes: string[]): boolean {
  try {
    const url = new URL(value);
    return schemes.includes(url.protocol) && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const videoUrl = z
  .string()
  .trim()
  .max(COURSE_LIMITS.url)
  .refine((v) => isUrl(v, ['http:', 'https:']), { message: MESSAGES.videoUrl });

export const LessonImageInput = z.strictObject({
  // https only: the public page is served over https, and an http image would be blocked.
  url: z
    .string()
    .trim()
    .max(COURSE_LIMITS.url)
    .refine((v) => isUrl(v, ['https:']), { message: MESSAGES.imageUrl }),
  alt: optionalText(COURSE_LIMITS.alt).default(''),
});

export const IdParams = z.strictObject({ id: z.uuid() });
export const LessonParams = z.strictObject({ id: z.uuid(), lessonId: z.uuid() });
export const UnitQuery = z.strictObject({ unitId: z.uuid() });
export const PublicCourseParams = z.strictObject({ courseId: z.uuid() });
export const PublicTestParams = z.strictObject({ contestId: z.uuid() });

const courseFields = {
  title: text(COURSE_LIMITS.title),
  description: optionalText(COURSE_LIMITS.description).optional(),
  topic: z.enum(['political_theory', 'other']).optional(),
  audience: z.enum(['public', 'members']).optional(),
  passMark: z.number().min(1).max(100).optional(),
  certificatePlace: optionalText(COURSE_LIMITS.place)
    .transform((v) => v || null)
    .nullable()
    .optional(),
};
export const CreateCourseBody = z.strictObject({ unitId: z.uuid(), ...courseFields });
export type CreateCourseBody = z.infer<typeof CreateCourseBody>;
export const UpdateCourseBody = z.strictObject(courseFields).partial();
export type UpdateCourseBody = z.infer<typeof UpdateCourseBody>;

export const LessonBody = z.strictObject({
  title: text(COURSE_LIMITS.lessonTitle),
  body: z.array(PlanBlock).max(COURSE_LIMITS.lessonBlocks).default([]),
  images: z.array(LessonImageInput).max(COURSE_LIMITS.images).default([]),
  videoUrl: videoUrl.nullable().optional(),
});
export type LessonBody = z.infer<typeof LessonBody>;
export const UpdateLessonBody = z.strictObject({
  title: text(COURSE_LIMITS.lessonTitle).optional(),
  body: z.array(PlanBlock).max(COURSE_LIMITS.lessonBlocks).optional(),
  images: z.array(LessonImageInput).max(COURSE_LIMITS.images).optional(),
  videoUrl: videoUrl.nullable().optional(),
});
export type UpdateLessonBody = z.infer<typeof UpdateLessonBody>;
export const ReorderBody = z.strictObject({
  lessonIds: z.array(z.uuid()).min(1).max(COURSE_LIMITS.lessons),
});

/** The final test: questions drawn from the organiser's bank, one round (the course's window). */
export const AttachTestBody = z.strictObject({
  quotas: z
    .array(z.strictObject({ categoryId: z.uuid(), count: z.number().int().min(1).max(200) }))
    .min(1)
    .max(50),
  timeLimitSeconds: z.number().int().min(60).max(86_400).nullable().optional(),
  attemptsAllowed: z.number().int().min(1).max(1000).nullable().optional(),
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
});
export type AttachTestBody = z.infer<typeof AttachTestBody>;

// --- Views -----------------------------------------------------------------------------------

const BlockView = z.object({
  type: z.enum(['heading', 'paragraph', 'bullet']),
  runs: z.array(
    z.object({ text: z.string(), bold: z.boolean().optional(), italic: z.boolean().optional() }),
  ),
});
export const LessonView = z.object({
  id: z.uuid(),
  position: z.number(),
  title: z.string(),
  body: z.array(BlockView),
  images: z.array(z.object({ url: z.string(), alt: z.string() })),
  videoUrl: z.string().nullable(),
});
export const TestView = z.object({
  contestId: z.uuid(),
  status: z.enum(['draft', 'published']),
  quotas: z.array(z.object({ categoryId: z.uuid(), count: z.number() })),
  questionCount: z.number(),
  timeLimitSeconds: z.number().nullable(),
  attemptsAllowed: z.number().nullable(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
});
const CourseSummary = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  title: z.string(),
  description: z.string(),
  topic: z.enum(['political_theory', 'other']),
  audience: z.enum(['public', 'members']),
  status: z.enum(['draft', 'published', 'closed']),
  passMark: z.number(),
  certificatePlace: z.string().nullable(),
  contestId: z.uuid().nullable(),
  publishedAt: z.string().nullable(),
  lessonCount: z.number(),
});
export const CourseView = CourseSummary.extend({
  lessons: z.array(LessonView),
  test: TestView.nullable(),
  abilities: z.object({ write: z.boolean(), publish: z.boolean() }),
});
export type CourseView = z.infer<typeof CourseView>;
export const CourseResponse = z.object({ course: CourseView });
export const CourseListResponse = z.object({ items: z.array(CourseSummary) });
export const LessonResponse = z.object({ lesson: LessonView });

export const CompletionsResponse = z.object({
  passMark: z.number(),
  total: z.object({ learners: z.number(), completed: z.number() }),
  items: z.array(
    z.object({
      unitId: z.uuid(),
      name: z.string(),
      /** Learners who finished the test at least once, counted under their unit. */
      learners: z.number(),
      completed: z.number(),
      members: z.number(),
      /** completed ÷ members; null without members. */
      rate: z.number().nullable(),
    }),
  ),
});

export const PublicCourseResponse = z.object({
  course: z.object({
    id: z.uuid(),
    title: z.string(),
    description: z.string(),
    organiser: z.string(),
    audience: z.enum(['public', 'members']),
    passMark: z.number(),
    issuesCertificates: z.boolean(),
    lessons: z.array(LessonView),
    test: z
      .object({
        contestId: z.uuid(),
        questionCount: z.number(),
        timeLimitSeconds: z.number().nullable(),
        opensAt: z.string().nullable(),
        closesAt: z.string().nullable(),
      })
      .nullable(),
  }),
});

export const CompletionStatusResponse = z.object({
  courseId: z.uuid(),
  registered: z.boolean(),
  attempts: z.number(),
  /** Best score in percent of the maximum; null before a finished attempt. */
  bestPercent: z.number().nullable(),
  passMark: z.number(),
  completed: z.boolean(),
  completedAt: z.string().nullable(),
  certificate: z.object({ code: z.string(), downloadPath: z.string() }).nullable(),
});
export type CompletionStatus = z.infer<typeof CompletionStatusResponse>;
export const CertificateResponse = z.object({
  certificate: z.object({ code: z.string(), downloadPath: z.string(), isNew: z.boolean() }),
});

/** Parses a body; a rule's own Vietnamese message (a refine) becomes the error's message. */
export function parseWithMessages<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const custom = issues.find((i) => i.code === 'custom');
  throw new AppError(
    'validation_failed',
    custom?.message,
    issues.map((issue) => ({
      field: issue.path.join('.') || null,
      message: issue.code === 'custom' ? issue.message : 'Giá trị không hợp lệ.',
    })),
  );
}
