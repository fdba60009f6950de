/**
 * Vocabularies of plans, targets, indicators, tasks and activities, shared by server and web.
 * Labels are Vietnamese; English lives in web i18n.
 */

export const PLAN_KINDS = ['plan', 'programme'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  plan: 'Kế hoạch',
  programme: 'Chương trình',
};

export const PLAN_STATUSES = ['draft', 'issued', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: 'Dự thảo',
  issued: 'Đã ban hành',
  closed: 'Đã kết thúc',
};

/** The three sections of a plan's text, in the order the Union's plans always use. */
export const PLAN_SECTIONS = ['purpose', 'content', 'organisation'] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];
export const PLAN_SECTION_LABELS: Record<PlanSection, string> = {
  purpose: 'Mục đích, yêu cầu',
  content: 'Nội dung',
  organisation: 'Tổ chức thực hiện',
};
export const PLAN_BLOCK_TYPES = ['heading', 'paragraph', 'bullet'] as const;
export type PlanBlockType = (typeof PLAN_BLOCK_TYPES)[number];

export const MEASURES = ['percent', 'count', 'count_per_period'] as const;
export type Measure = (typeof MEASURES)[number];
export const MEASURE_LABELS: Record<Measure, string> = {
  percent: 'Tỷ lệ (%)',
  count: 'Số lượng',
  count_per_period: 'Số lượng mỗi kỳ',
};

export const AGGREGATIONS = ['sum', 'ratio', 'share_of_units'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const AGGREGATION_LABELS: Record<Aggregation, string> = {
  sum: 'Cộng dồn',
  ratio: 'Tỷ lệ tổng tử số / tổng mẫu số',
  share_of_units: 'Tỷ lệ đơn vị đạt điều kiện',
};

/**
 * How values of one unit combine over time inside a period: a flow adds up (trainings held in
 * each quarter make the year's), a stock is read at its latest entry (subscribers, coverage).
 */
export const ACCUMULATIONS = ['flow', 'stock'] as const;
export type Accumulation = (typeof ACCUMULATIONS)[number];

export const INDICATOR_SOURCES = ['computed', 'reported'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];
export const INDICATOR_SOURCE_LABELS: Record<IndicatorSource, string> = {
  computed: 'Tính từ dữ liệu hệ thống',
  reported: 'Đơn vị báo cáo',
};

export const COMPARATORS = ['gte', 'lte', 'eq'] as const;
export type Comparator = (typeof COMPARATORS)[number];
export const COMPARATOR_LABELS: Record<Comparator, string> = {
  gte: 'Ít nhất',
  lte: 'Không quá',
  eq: 'Đúng bằng',
};

/** Whom a target applies to: the issuing unit (its whole subtree), each child, each unit of a kind. */
export const TARGET_SCOPES = ['issuer', 'each_child', 'each_of_kind'] as const;
export type TargetScope = (typeof TARGET_SCOPES)[number];
export const TARGET_SCOPE_LABELS: Record<TargetScope, string> = {
  issuer: 'Đơn vị ban hành',
  each_child: 'Từng đơn vị trực thuộc',
  each_of_kind: 'Từng đơn vị cấp dưới theo loại',
};

export const TARGET_STATUSES = ['met', 'on_track', 'at_risk', 'missed'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = {
  met: 'Đạt',
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ không đạt',
  missed: 'Không đạt',
};

export const TASK_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
};

export const ACTIVITY_KINDS = [
  'training',
  'contest',
  'forum',
  'trend_campaign',
  'broadcast',
  'publication',
  'inspection',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  training: 'Tập huấn, bồi dưỡng',
  contest: 'Cuộc thi',
  forum: 'Diễn đàn, tọa đàm',
  trend_campaign: 'Trào lưu, chiến dịch truyền thông',
  broadcast: 'Chương trình phát thanh, truyền hình',
  publication: 'Ấn phẩm, bài viết',
  inspection: 'Kiểm tra, giám sát',
  other: 'Hoạt động khác',
};

/** Limits enforced by the server and shown by the web forms. */
export const PLANNING_LIMITS = {
  planNumber: 60,
  planTitle: 500,
  planBlocksPerSection: 400,
  planRunsPerBlock: 50,
  planRunText: 5000,
  parentPlans: 10,
  targetLabel: 1000,
  targetValueMax: 1e12,
  taskDescription: 2000,
  taskCooperators: 50,
  deadlineText: 80,
  evidenceText: 5000,
  evidenceLinks: 20,
  linkLength: 2000,
  activityTitle: 300,
  activityNote: 2000,
  participantGroups: 20,
  participantCountMax: 10_000_000,
  activityIndicators: 20,
  valueEntries: 50,
  lateTasksShown: 100,
} as const;
