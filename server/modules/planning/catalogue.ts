import type { IndicatorDefinition } from './indicator.types.ts';

/**
 * The reported indicators the seed plans need. Codes are stable (targets and values reference
 * them); names follow the plans' own wording. Computed indicators come from the registry
 * (people.indicators.ts and, later, other modules').
 *
 *   KH311    Kế hoạch của BBT TW Đoàn triển khai Quyết định 311/QĐ-TTg, §II chỉ tiêu đến 2025, 2030
 *   KH20     Kế hoạch 20-KH/TĐTN-BTG của Tỉnh đoàn Tây Ninh năm 2023, §II chỉ tiêu cấp tỉnh, huyện
 *   KHLB     Kế hoạch của Quận đoàn Long Biên về cuộc vận động ứng xử văn minh trên không gian mạng
 */

const ratio = {
  measure: 'percent',
  aggregation: 'ratio',
  source: 'reported',
  unitLabel: '%',
} as const;

/** Coverage of people (cadres, members, youth, children): denominators are the people counts. */
const coverage = {
  ...ratio,
  periodType: 'year',
  accumulation: 'stock',
  byCategory: true,
  bySex: false,
  denominatorIndicator: 'people_count',
  denominatorLabel: 'Tổng số (theo dữ liệu trên hệ thống)',
} as const;

const yearlyCount = {
  measure: 'count',
  periodType: 'year',
  aggregation: 'sum',
  accumulation: 'flow',
  source: 'reported',
  byCategory: false,
  bySex: false,
} as const;

const weeklyRate = {
  ...yearlyCount,
  measure: 'count_per_period',
  periodType: 'week',
} as const;

export const REPORTED_INDICATORS: IndicatorDefinition[] = [
  // ---- KH311 §II: the ten targets for 2025 and 2030 ----
  {
    ...coverage,
    code: 'conduct_code_informed_pct',
    name: 'Tỷ lệ cán bộ, đoàn viên, hội viên, thanh niên, thiếu niên được tuyên truyền và tích cực thực hiện Quy tắc ứng xử trên mạng xã hội',
    numeratorLabel: 'Số người được tuyên truyền, thực hiện Quy tắc ứng xử',
    reference: 'KH311 chỉ tiêu (1); KH20 §II.2',
  },
  {
    ...coverage,
    code: 'resolutions_studied_online_pct',
    name: 'Tỷ lệ cán bộ đoàn, đoàn viên học tập các chỉ thị, nghị quyết, chủ trương mới của Đảng, của Đoàn thông qua các nền tảng số của Đoàn',
    numeratorLabel: 'Số người học tập qua nền tảng số',
    reference: 'KH311 chỉ tiêu (2)',
  },
  {
    ...ratio,
    code: 'new_members_theory_online_pct',
    name: 'Tỷ lệ đoàn viên kết nạp mới được học lý luận chính trị trên nền tảng trực tuyến',
    periodType: 'year',
    accumulation: 'flow',
    byCategory: false,
    bySex: false,
    denominatorIndicator: 'new_members_admitted',
    numeratorLabel: 'Số đoàn viên mới đã học lý luận chính trị trực tuyến',
    denominatorLabel: 'Số đoàn viên kết nạp mới trong kỳ',
    reference: 'KH311 chỉ tiêu (3)',
  },
  {
    ...coverage,
    code: 'youth_app_users_pct',
    name: 'Tỷ lệ thanh niên sử dụng và tương tác thường xuyên với ứng dụng “Thanh niên Việt Nam”',
    numeratorLabel: 'Số thanh niên sử dụng ứng dụng thường xuyên',
    reference: 'KH311 chỉ tiêu (4)',
  },
  {
    ...coverage,
    code: 'youth_workers_cyber_trained_pct',
    name: 'Tỷ lệ cán bộ làm công tác thanh niên, thiếu niên và nhi đồng được bồi dưỡng kiến thức, kỹ năng, nghiệp vụ tuyên truyền, giáo dục, đấu tranh trên không gian mạng',
    numeratorLabel: 'Số cán bộ được bồi dưỡng',
    reference: 'KH311 chỉ tiêu (5)',
  },
  {
    ...coverage,
    code: 'digital_skills_trained_pct',
    name: 'Tỷ lệ cán bộ, đoàn viên, thanh niên, thiếu niên, nhi đồng được tập huấn, trang bị kiến thức, kỹ năng về chuyển đổi số, an toàn thông tin mạng',
    numeratorLabel: 'Số người được tập huấn',
    reference: 'KH311 chỉ tiêu (6)',
  },
  {
    ...ratio,
    code: 'pages_connected_pct',
    name: 'Tỷ lệ trang mạng xã hội của tổ chức Đoàn thực hiện kết nối và chia sẻ thông tin thống nhất',
    periodType: 'year',
    accumulation: 'stock',
    byCategory: false,
    bySex: false,
    numeratorLabel: 'Số trang thực hiện kết nối, chia sẻ thông tin',
    denominatorLabel: 'Tổng số trang mạng xã hội của tổ chức Đoàn',
    reference: 'KH311 chỉ tiêu (7)',
  },
  {
    ...weeklyRate,
    code: 'counter_articles_weekly',
    name: 'Số bài viết đấu tranh bảo vệ nền tảng tư tưởng của Đảng, phản bác các quan điểm sai trái, thù địch trên không gian mạng mỗi tuần',
    unitLabel: 'bài/tuần',
    feed: [{ kinds: ['publication'], count: 'activities', when: 'tagged' }],
    reference: 'KH311 chỉ tiêu (8)',
  },
  {
    ...yearlyCount,
    code: 'volunteer_team_established',
    name: 'Đội hình thanh niên tình nguyện tuyên truyền, lan tỏa tin tốt và đấu tranh phản bác thông tin xấu, độc trên không gian mạng',
    unitLabel: 'đội hình',
    accumulation: 'stock',
    reference: 'KH311 chỉ tiêu (9)',
  },
  {
    code: 'districts_volunteer_team_pct',
    name: 'Tỷ lệ Đoàn cấp huyện thiết lập đội hình thanh niên tình nguyện tuyên truyền, lan tỏa tin tốt và đấu tranh phản bác thông tin xấu, độc trên không gian mạng',
    unitLabel: '%',
    measure: 'percent',
    periodType: 'year',
    aggregation: 'share_of_units',
    accumulation: 'stock',
    source: 'reported',
    byCategory: false,
    bySex: false,
    condition: {
      indicator: 'volunteer_team_established',
      comparator: 'gte',
      value: 1,
      unitKinds: ['district'],
    },
    reference: 'KH311 chỉ tiêu (9)',
  },
  {
    ...yearlyCount,
    code: 'online_trends',
    name: 'Số trào lưu, xu hướng tích cực trên không gian mạng được tổ chức nhằm thu hút đoàn viên, thanh niên hưởng ứng, làm theo',
    unitLabel: 'trào lưu',
    feed: [{ kinds: ['trend_campaign'], count: 'activities', when: 'always' }],
    reference: 'KH311 chỉ tiêu (10); KH20 §II.1',
  },

  // ---- KH20 §II.1: provincial level ----
  {
    ...ratio,
    code: 'fanpages_identified_pct',
    name: 'Tỷ lệ Trang Fanpage của Đoàn – Hội – Đội được định danh, hoạt động nề nếp',
    periodType: 'year',
    accumulation: 'stock',
    byCategory: false,
    bySex: false,
    numeratorLabel: 'Số trang được định danh',
    denominatorLabel: 'Tổng số trang Fanpage',
    reference: 'KH20 §II.1, §II.2',
  },
  {
    ...yearlyCount,
    code: 'youtube_subscribers',
    name: 'Số lượt đăng ký kênh YouTube của tổ chức Đoàn',
    unitLabel: 'lượt đăng ký',
    accumulation: 'stock',
    reference: 'KH20 §II.1',
  },
  {
    ...yearlyCount,
    code: 'cyber_trainings_held',
    name: 'Số lớp tập huấn kỹ năng sử dụng mạng xã hội an toàn, tích cực; nghiệp vụ đấu tranh, phản bác trên không gian mạng',
    unitLabel: 'lớp',
    feed: [{ kinds: ['training'], count: 'activities', when: 'always' }],
    reference: 'KH20 §II.1',
  },
  {
    ...yearlyCount,
    code: 'people_trained',
    name: 'Số lượt cán bộ, đoàn viên, thanh thiếu nhi được tập huấn',
    unitLabel: 'lượt người',
    byCategory: true,
    bySex: true,
    feed: [{ kinds: ['training'], count: 'participants', when: 'always' }],
    reference: 'KH20 §II.1; KH311 chỉ tiêu (5), (6)',
  },
  {
    ...yearlyCount,
    code: 'marxism_activities',
    name: 'Số hoạt động tìm hiểu, giới thiệu, tuyên truyền về Chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh',
    unitLabel: 'hoạt động',
    feed: [{ kinds: 'any', count: 'activities', when: 'tagged' }],
    reference: 'KH20 §II.1, §II.2',
  },
  {
    ...yearlyCount,
    code: 'red_addresses_digitised',
    name: 'Số địa chỉ đỏ, di tích lịch sử được số hóa trên không gian mạng',
    unitLabel: 'địa chỉ',
    accumulation: 'stock',
    reference: 'KH20 §II.1',
  },
  {
    ...yearlyCount,
    code: 'culture_publications',
    name: 'Số ấn phẩm, sản phẩm truyền thông về giá trị văn hóa dân tộc, giáo dục đạo đức, lối sống, văn hóa cho thanh thiếu nhi trên không gian mạng',
    unitLabel: 'ấn phẩm',
    feed: [{ kinds: ['publication', 'broadcast', 'other'], count: 'activities', when: 'tagged' }],
    reference: 'KH20 §II.1, §II.2',
  },
  {
    ...ratio,
    code: 'fulltime_cadres_propagating_pct',
    name: 'Tỷ lệ cán bộ Đoàn chuyên trách tham gia tuyên truyền các quy định về sử dụng mạng xã hội an toàn, hiệu quả, lành mạnh và Bộ Quy tắc ứng xử trên mạng xã hội',
    periodType: 'year',
    accumulation: 'stock',
    byCategory: false,
    bySex: false,
    numeratorLabel: 'Số cán bộ chuyên trách tham gia tuyên truyền',
    denominatorLabel: 'Tổng số cán bộ Đoàn chuyên trách',
    reference: 'KH20 §II.1',
  },

  // ---- KH20 §II.2: district and grassroots levels ----
  {
    ...yearlyCount,
    code: 'core_team_maintained',
    name: 'Đội hình nòng cốt tham gia đấu tranh, phản bác trên không gian mạng được xây dựng, duy trì',
    unitLabel: 'đội hình',
    accumulation: 'stock',
    reference: 'KH20 §II.2',
  },
  {
    code: 'districts_culture_products_pct',
    name: 'Tỷ lệ Đoàn cấp huyện có sản phẩm truyền thông giáo dục đạo đức, lối sống, văn hóa cho thanh thiếu nhi trên không gian mạng',
    unitLabel: '%',
    measure: 'percent',
    periodType: 'year',
    aggregation: 'share_of_units',
    accumulation: 'stock',
    source: 'reported',
    byCategory: false,
    bySex: false,
    condition: {
      indicator: 'culture_publications',
      comparator: 'gte',
      value: 1,
      unitKinds: ['district'],
    },
    reference: 'KH20 §II.2',
  },
  {
    ...yearlyCount,
    code: 'industry40_activities',
    name: 'Số hoạt động tuyên truyền về cuộc cách mạng công nghiệp lần thứ tư',
    unitLabel: 'hoạt động',
    feed: [{ kinds: 'any', count: 'activities', when: 'tagged' }],
    reference: 'KH20 §II.2',
  },
  {
    ...yearlyCount,
    code: 'youth_radio_monthly',
    name: 'Số chương trình, bản tin Phát thanh Thanh niên mỗi tháng',
    unitLabel: 'số/tháng',
    measure: 'count_per_period',
    periodType: 'month',
    feed: [{ kinds: ['broadcast'], count: 'activities', when: 'always' }],
    reference: 'KH20 §II.2, §III.2',
  },
  {
    code: 'districts_youth_radio_pct',
    name: 'Tỷ lệ Huyện, thị, thành Đoàn phối hợp Đài truyền thanh cùng cấp thực hiện “Chương trình Phát thanh Thanh niên” định kỳ',
    unitLabel: '%',
    measure: 'percent',
    periodType: 'year',
    aggregation: 'share_of_units',
    accumulation: 'stock',
    source: 'reported',
    byCategory: false,
    bySex: false,
    condition: {
      indicator: 'youth_radio_monthly',
      comparator: 'gte',
      value: 1,
      unitKinds: ['district'],
    },
    reference: 'KH20 §II.2 ("9/9 Huyện, thị, thành Đoàn")',
  },

  // ---- KHLB: urban district ----
  {
    ...weeklyRate,
    code: 'civil_conduct_articles_weekly',
    name: 'Số tin, bài viết về ứng xử văn minh trên không gian mạng mỗi tuần',
    unitLabel: 'bài/tuần',
    feed: [{ kinds: ['publication'], count: 'activities', when: 'tagged' }],
    reference: 'KHLB ("ít nhất có 02 bài viết/tuần")',
  },
  {
    ...yearlyCount,
    code: 'activities_held',
    name: 'Số hoạt động thu hút đoàn viên, thanh niên hưởng ứng, làm theo',
    unitLabel: 'hoạt động',
    feed: [{ kinds: 'any', count: 'activities', when: 'always' }],
    reference: 'KHLB ("ít nhất 01 hoạt động/năm")',
  },
];
