import { z } from 'zod';
import { AppError } from '../../kernel/http/errors.ts';

export const CONTEST_LIMITS = {
  title: 300,
  rules: 20_000,
  categoryName: 200,
  questionText: 2_000,
  optionText: 500,
  explanation: 4_000,
  tag: 60,
  tags: 20,
  quotas: 50,
  prizeTiers: 20,
  rounds: 520,
  topic: 300,
  answerOptions: 6,
} as const;

export const MESSAGES = {
  categoryMissing: 'Không tìm thấy chủ đề câu hỏi.',
  categoryParent: 'Chủ đề cha phải thuộc cùng ngân hàng câu hỏi.',
  questionMissing: 'Không tìm thấy câu hỏi.',
  options: 'Mỗi câu hỏi có từ 2 đến 6 phương án.',
  singleKey: 'Câu hỏi một lựa chọn phải có đúng một đáp án đúng.',
  multipleKey: 'Câu hỏi nhiều lựa chọn phải có ít nhất một đáp án đúng.',
  contestMissing: 'Không tìm thấy cuộc thi.',
  roundMissing: 'Không tìm thấy vòng thi.',
  roundWindow: 'Thời điểm đóng vòng thi phải sau thời điểm mở.',
  roundsOverlap: 'Các vòng thi không được chồng lấn thời gian.',
  notDraft: 'Cuộc thi đã công bố; không thể thay đổi cơ cấu đề, thời gian hay vòng thi.',
  timeLimit: 'Hãy nhập thời gian làm bài (giây) khi có giới hạn thời gian.',
  quotaCategory: 'Cơ cấu đề chỉ dùng chủ đề thuộc ngân hàng câu hỏi của đơn vị tổ chức.',
  notReady: 'Cuộc thi chưa đủ điều kiện công bố.',
  audienceUnit: 'Đơn vị đối tượng dự thi phải thuộc phạm vi đơn vị tổ chức.',
  roundNotOver: 'Vòng thi chưa kết thúc; chỉ tổng kết sau thời điểm đóng.',
  roundClosed: 'Vòng thi đã được tổng kết.',
  roundNotClosed: 'Vòng thi chưa được tổng kết.',
  duplicatePhone:
    'Số điện thoại này đã đăng ký tham gia cuộc thi. Mỗi người chỉ đăng ký một lần; hãy dùng thiết bị đã đăng ký hoặc liên hệ ban tổ chức.',
  powFailed: 'Xác minh chống tự động không hợp lệ hoặc đã hết hạn; vui lòng thử lại.',
  notRegistered: 'Bạn chưa đăng ký tham gia cuộc thi này.',
  noOpenRound: 'Hiện không có vòng thi nào đang mở.',
  attemptsUsed: 'Bạn đã dùng hết số lượt thi của vòng này.',
  activeAttempt: 'Bạn đang có một lượt thi chưa nộp.',
  attemptMissing: 'Không tìm thấy lượt thi.',
  attemptOver: 'Lượt thi đã kết thúc.',
  notMember:
    'Cuộc thi chỉ dành cho đoàn viên của đơn vị tổ chức; không tìm thấy thông tin đoàn viên khớp với số điện thoại hoặc số CCCD.',
  unitUnknown: 'Đơn vị đã chọn không thuộc phạm vi cuộc thi.',
  phone: 'Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0.',
  idNumber: 'Số CCCD phải gồm 12 chữ số (hoặc CMND cũ 9 chữ số).',
  birthYear: 'Năm sinh không hợp lệ.',
  noHolders: 'Vòng thi không có người nào thuộc diện được cấp giấy chứng nhận.',
  phoneRateLimited: 'Số điện thoại này thao tác quá nhiều lần; vui lòng thử lại sau ít phút.',
} as const;

const text = (max: number) =>
  z
    .string()
    .transform((v) => v.normalize('NFC').trim())
    .pipe(z.string().min(1).max(max));

export const IdParams = z.strictObject({ id: z.uuid() });
export const RoundParams = z.strictObject({ id: z.uuid(), roundId: z.uuid() });
export const UnitQuery = z.strictObject({ unitId: z.uuid() });

// --- Question bank -----------------------------------------------------------------------

export const CreateCategoryBody = z.strictObject({
  unitId: z.uuid(),
  parentId: z.uuid().nullable().optional(),
  name: text(CONTEST_LIMITS.categoryName),
});
export const UpdateCategoryBody = z.strictObject({ name: text(CONTEST_LIMITS.categoryName) });

export const Category = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
});
export const CategoryResponse = z.object({ category: Category });
export const CategoryListResponse = z.object({ items: z.array(Category) });

const questionContent = {
  kind: z.enum(['single', 'multiple']),
  text: text(CONTEST_LIMITS.questionText),
  /** Options in authored order; `correct` marks the key. */
  options: z
    .array(z.strictObject({ text: text(CONTEST_LIMITS.optionText), correct: z.boolean() }))
    .min(2, MESSAGES.options)
    .max(CONTEST_LIMITS.answerOptions, MESSAGES.options),
  explanation: z
    .string()
    .max(CONTEST_LIMITS.explanation)
    .transform((v) => v.normalize('NFC').trim() || null)
    .nullable()
    .optional(),
  difficulty: z.number().int().min(1).max(5).optional(),
  tags: z.array(text(CONTEST_LIMITS.tag)).max(CONTEST_LIMITS.tags).optional(),
  keepOptionOrder: z.boolean().optional(),
};

function checkKey(
  value: { kind: 'single' | 'multiple'; options: { correct: boolean }[] },
  ctx: z.RefinementCtx,
) {
  const correct = value.options.filter((o) => o.correct).length;
  if (value.kind === 'single' && correct !== 1) {
    ctx.addIssue({ code: 'custom', message: MESSAGES.singleKey, path: ['options'] });
  }
  if (value.kind === 'multiple' && correct < 1) {
    ctx.addIssue({ code: 'custom', message: MESSAGES.multipleKey, path: ['options'] });
  }
}

export const CreateQuestionBody = z
  .strictObject({ categoryId: z.uuid(), ...questionContent })
  .superRefine(checkKey);
export type CreateQuestionBody = z.infer<typeof CreateQuestionBody>;
export const UpdateQuestionBody = CreateQuestionBody;
export type QuestionContent = Omit<CreateQuestionBody, 'categoryId'>;

export const QuestionListQuery = z.strictObject({
  unitId: z.uuid(),
  categoryId: z.uuid().optional(),
});

export const QuestionView = z.object({
  id: z.uuid(),
  categoryId: z.uuid(),
  archived: z.boolean(),
  versionId: z.uuid(),
  version: z.number(),
  locked: z.boolean(),
  kind: z.enum(['single', 'multiple']),
  text: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string(), correct: z.boolean() })),
  explanation: z.string().nullable(),
  difficulty: z.number(),
  tags: z.array(z.string()),
  keepOptionOrder: z.boolean(),
});
export const QuestionResponse = z.object({ question: QuestionView });
export const QuestionListResponse = z.object({ items: z.array(QuestionView) });

// --- Contests -----------------------------------------------------------------------------

const Quota = z.strictObject({ categoryId: z.uuid(), count: z.number().int().min(1).max(200) });
const PrizeTier = z.strictObject({
  prize: text(80),
  count: z.number().int().min(1).max(100_000),
});

const contestFields = {
  kind: z.enum(['contest', 'course_test']).optional(),
  title: text(CONTEST_LIMITS.title),
  rules: z.string().max(CONTEST_LIMITS.rules).optional(),
  audience: z.enum(['public', 'members']).optional(),
  audienceUnitId: z.uuid().nullable().optional(),
  reviewPolicy: z.enum(['after_round', 'score_after_submit', 'full_after_submit']).optional(),
  timeLimitKind: z.enum(['none', 'per_attempt', 'per_question']).optional(),
  timeLimitSeconds: z.number().int().min(5).max(86_400).nullable().optional(),
  graceMs: z.number().int().min(0).max(60_000).optional(),
  attemptsPerRound: z.number().int().min(1).max(1000).nullable().optional(),
  timeMode: z.enum(['since_round_start', 'duration']).optional(),
  partialCredit: z.enum(['none', 'proportional']).optional(),
  quotas: z.array(Quota).max(CONTEST_LIMITS.quotas).optional(),
  prizeLadder: z.array(PrizeTier).max(CONTEST_LIMITS.prizeTiers).optional(),
  hasPrediction: z.boolean().optional(),
};

export const CreateContestBody = z.strictObject({ unitId: z.uuid(), ...contestFields });
export type CreateContestBody = z.infer<typeof CreateContestBody>;
export const UpdateContestBody = z.strictObject(contestFields).partial();
export type UpdateContestBody = z.infer<typeof UpdateContestBody>;

export const RoundBody = z.strictObject({
  number: z.number().int().min(1).max(CONTEST_LIMITS.rounds),
  topic: z.string().max(CONTEST_LIMITS.topic).optional(),
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
});
export type RoundBody = z.infer<typeof RoundBody>;
export const UpdateRoundBody = RoundBody.partial();

export const RoundView = z.object({
  id: z.uuid(),
  number: z.number(),
  topic: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  trueCount: z.number().nullable(),
  participantCount: z.number().nullable(),
});

export const ContestView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  kind: z.enum(['contest', 'course_test']),
  title: z.string(),
  rules: z.string(),
  audience: z.enum(['public', 'members']),
  audienceUnitId: z.uuid().nullable(),
  reviewPolicy: z.enum(['after_round', 'score_after_submit', 'full_after_submit']),
  timeLimitKind: z.enum(['none', 'per_attempt', 'per_question']),
  timeLimitSeconds: z.number().nullable(),
  graceMs: z.number(),
  attemptsPerRound: z.number().nullable(),
  timeMode: z.enum(['since_round_start', 'duration']),
  partialCredit: z.enum(['none', 'proportional']),
  quotas: z.array(z.object({ categoryId: z.string(), count: z.number() })),
  prizeLadder: z.array(z.object({ prize: z.string(), count: z.number() })),
  hasPrediction: z.boolean(),
  status: z.enum(['draft', 'published']),
  publishedAt: z.string().nullable(),
  rounds: z.array(RoundView),
});
export const ContestResponse = z.object({ contest: ContestView });
export const ContestListResponse = z.object({
  items: z.array(
    ContestView.omit({ rounds: true, rules: true }).extend({
      roundCount: z.number(),
      participantCount: z.number(),
    }),
  ),
});

export const Readiness = z.object({
  ready: z.boolean(),
  problems: z.array(
    z.object({
      code: z.enum(['no_quota', 'no_rounds', 'quota_not_met', 'no_time_limit']),
      message: z.string(),
      categoryId: z.string().optional(),
      required: z.number().optional(),
      available: z.number().optional(),
    }),
  ),
});
export const ReadinessResponse = z.object({ readiness: Readiness });

export const CloseRoundResponse = z.object({ jobId: z.uuid() });

export const RoundCertificatesBody = z.strictObject({
  scope: z.enum(['prize_winners', 'all']),
  issuedOn: z.iso.date(),
  place: text(80),
  signer: z
    .strictObject({ title: text(160), name: text(120) })
    .nullable()
    .optional(),
});
export type RoundCertificatesBody = z.infer<typeof RoundCertificatesBody>;
export const RoundCertificatesResponse = z.object({ jobId: z.uuid(), holders: z.number() });
export const MyCertificatesResponse = z.object({
  items: z.array(z.object({ roundId: z.uuid(), code: z.string(), downloadPath: z.string() })),
});

export const AdminResultsResponse = z.object({
  round: RoundView,
  items: z.array(
    z.object({
      rank: z.number(),
      participantId: z.uuid(),
      fullName: z.string(),
      phone: z.string(),
      unitId: z.uuid().nullable(),
      unitText: z.string().nullable(),
      score: z.number(),
      predictionDistance: z.number().nullable(),
      timeMs: z.number(),
      tiedWithPrevious: z.boolean(),
      prize: z.string().nullable(),
    }),
  ),
});

export const QuestionStatsResponse = z.object({
  attempts: z.number(),
  items: z.array(
    z.object({
      versionId: z.uuid(),
      questionId: z.uuid().nullable(),
      text: z.string(),
      attempts: z.number(),
      facility: z.number(),
      discrimination: z.number().nullable(),
    }),
  ),
});

/** The unit prizes' rules (domain/unit-prizes.ts): places of each prize, the rate's floor. */
export const ParticipationQuery = z.strictObject({
  mostParticipantsPlaces: z.coerce.number().int().min(0).max(50).default(3),
  highestRatePlaces: z.coerce.number().int().min(0).max(50).default(3),
  minMembers: z.coerce.number().int().min(1).max(10_000_000).default(10),
});

export const ParticipationResponse = z.object({
  items: z.array(
    z.object({
      unitId: z.uuid(),
      name: z.string(),
      participants: z.number(),
      members: z.number(),
      rate: z.number().nullable(),
      /** The unit's place in each unit prize (1 = first), or null when it wins none. */
      prizes: z.object({
        mostParticipants: z.number().int().nullable(),
        highestRate: z.number().int().nullable(),
      }),
    }),
  ),
  rules: ParticipationQuery,
});

// --- Public -------------------------------------------------------------------------------

export const PublicContestParams = z.strictObject({ contestId: z.uuid() });
export const PublicAttemptParams = z.strictObject({ contestId: z.uuid(), attemptId: z.uuid() });
export const PublicRoundParams = z.strictObject({ contestId: z.uuid(), roundId: z.uuid() });

export const PublicContestResponse = z.object({
  contest: z.object({
    id: z.uuid(),
    kind: z.enum(['contest', 'course_test']),
    title: z.string(),
    rules: z.string(),
    audience: z.enum(['public', 'members']),
    /** What the page may show after a submission (decision 0008, "No key on the wire"). */
    reviewPolicy: z.enum(['after_round', 'score_after_submit', 'full_after_submit']),
    organiser: z.string(),
    timeLimitKind: z.enum(['none', 'per_attempt', 'per_question']),
    timeLimitSeconds: z.number().nullable(),
    attemptsPerRound: z.number().nullable(),
    questionCount: z.number(),
    hasPrediction: z.boolean(),
    rounds: z.array(
      z.object({
        id: z.uuid(),
        number: z.number(),
        topic: z.string(),
        opensAt: z.string(),
        closesAt: z.string(),
        status: z.enum(['upcoming', 'open', 'over', 'closed']),
      }),
    ),
  }),
  serverTime: z.string(),
});

/** The registered participant's standing, so a page can resume after a reload. */
export const StandingResponse = z.object({
  participant: z.object({ fullName: z.string(), phone: z.string(), isMember: z.boolean() }),
  /** The attempt still running (before its deadline), if any. */
  activeAttemptId: z.uuid().nullable(),
  rounds: z.array(
    z.object({
      roundId: z.uuid(),
      attemptsUsed: z.number(),
      attemptsLeft: z.number().nullable(),
      /** Only when the review policy shows scores: the best finished attempt. */
      best: z
        .object({ score: z.number(), maxScore: z.number(), durationMs: z.number() })
        .nullable(),
    }),
  ),
});

export const PublicUnitsQuery = z.strictObject({ q: z.string().trim().min(2).max(100) });
export const PublicUnitsResponse = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), context: z.string() })),
});

export const ChallengeResponse = z.object({ challenge: z.string(), difficulty: z.number() });

const phoneField = z
  .string()
  .max(40)
  .transform((v) => {
    let digits = v.replace(/[\s.\-()]/g, '');
    if (/^\+84\d{9}$/.test(digits)) digits = '0' + digits.slice(3);
    else if (/^84\d{9}$/.test(digits)) digits = '0' + digits.slice(2);
    return digits;
  })
  .refine((v) => /^0\d{9}$/.test(v), { message: MESSAGES.phone });

export const RegisterBody = z
  .strictObject({
    fullName: text(120),
    phone: phoneField,
    birthYear: z.number().int().min(1900).max(2100),
    unitId: z.uuid().nullable().optional(),
    unitText: z.string().max(200).nullable().optional(),
    idNumber: z
      .string()
      .max(40)
      .transform((v) => v.replace(/\s/g, ''))
      .refine((v) => v === '' || /^(\d{12}|\d{9})$/.test(v), { message: MESSAGES.idNumber })
      .transform((v) => v || null)
      .nullable()
      .optional(),
    challenge: z.string().min(1).max(400),
    solution: z.string().min(1).max(100),
  })
  .transform((v) => ({ ...v, unitText: v.unitText?.normalize('NFC').trim() || null }));
export type RegisterBody = z.infer<typeof RegisterBody>;

export const ParticipantResponse = z.object({
  participant: z.object({
    id: z.uuid(),
    fullName: z.string(),
    phone: z.string(),
    isMember: z.boolean(),
  }),
});

const AnswerInput = z.strictObject({
  questionId: z.uuid(),
  optionIds: z.array(z.string().max(40)).max(CONTEST_LIMITS.answerOptions),
});
export const SaveAnswersBody = z.strictObject({ answers: z.array(AnswerInput).max(200) });
export const SubmitBody = z.strictObject({
  answers: z.array(AnswerInput).max(200).optional(),
  prediction: z.number().int().min(0).max(100_000_000).nullable().optional(),
});
export type SubmitBody = z.infer<typeof SubmitBody>;

export const AttemptView = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  status: z.enum(['active', 'on_time', 'late', 'expired']),
  startedAt: z.string(),
  /** When the countdown reaches zero (the grace is not shown). */
  endsAt: z.string().nullable(),
  serverTime: z.string(),
  hasPrediction: z.boolean(),
  questions: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['single', 'multiple']),
      text: z.string(),
      options: z.array(z.object({ id: z.string(), text: z.string() })),
    }),
  ),
  answers: z.array(z.object({ questionId: z.string(), optionIds: z.array(z.string()) })),
});
export const AttemptResponse = z.object({ attempt: AttemptView });

export const SubmitResponse = z.object({
  attempt: z.object({
    id: z.uuid(),
    status: z.enum(['on_time', 'late', 'expired']),
    submittedAt: z.string(),
    durationMs: z.number(),
    prediction: z.number().nullable(),
    /** Only when the contest's review policy shows scores after submission. */
    result: z
      .object({
        score: z.number(),
        maxScore: z.number(),
        correctCount: z.number(),
        questionCount: z.number(),
      })
      .optional(),
    /** Only under 'full_after_submit': the key and explanations. */
    review: z
      .array(
        z.object({
          questionId: z.string(),
          correctOptionIds: z.array(z.string()),
          explanation: z.string().nullable(),
        }),
      )
      .optional(),
  }),
});

export const PublicResultsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
export const PublicResultsResponse = z.object({
  round: z.object({
    id: z.uuid(),
    number: z.number(),
    trueCount: z.number(),
    participantCount: z.number(),
  }),
  items: z.array(
    z.object({
      rank: z.number(),
      name: z.string(),
      phone: z.string(),
      unit: z.string().nullable(),
      score: z.number(),
      prize: z.string().nullable(),
      tiedWithPrevious: z.boolean(),
    }),
  ),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});

/**
 * Parses a body whose rules carry their own Vietnamese messages (the key of a question, a
 * phone number): the first such message becomes the error's message, every issue its details.
 */
export function parseWithMessages<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const custom = issues.find((i) => i.code === 'custom' || i.message in REVERSE_MESSAGES);
  throw new AppError(
    'validation_failed',
    custom?.message,
    issues.map((issue) => ({
      field: issue.path.join('.') || null,
      message:
        issue.code === 'custom' || issue.message in REVERSE_MESSAGES
          ? issue.message
          : 'Giá trị không hợp lệ.',
    })),
  );
}

const REVERSE_MESSAGES: Record<string, true> = Object.fromEntries(
  Object.values(MESSAGES).map((m) => [m, true]),
);
