/**
 * The one error the contest domain throws. Every rule it enforces has a stable code, so the
 * service can map it to an `AppError` (`validation_failed` when an organiser configures something
 * impossible, `invalid_state` when the bank no longer serves a published contest) and tests can
 * assert the code. Messages are Vietnamese because they reach organisers as they are; `details`
 * carries the facts (which category, how many questions) for the UI to show.
 */

export const CONTEST_RULE_ERROR_CODES = [
  'invalid_instant',
  'invalid_window_rule',
  'invalid_round_count',
  'invalid_seed',
  'invalid_quota',
  'invalid_question_bank',
  'quota_not_met',
  'invalid_time_limit',
  'invalid_result',
  'invalid_prize_ladder',
  'invalid_unit_prize_rule',
] as const;
export type ContestRuleErrorCode = (typeof CONTEST_RULE_ERROR_CODES)[number];

const MESSAGES: Record<ContestRuleErrorCode, string> = {
  invalid_instant: 'Thời điểm không hợp lệ.',
  invalid_window_rule: 'Quy tắc mở – đóng vòng thi không hợp lệ.',
  invalid_round_count: 'Số vòng thi phải là số nguyên dương.',
  invalid_seed: 'Mã xáo trộn của lượt thi không hợp lệ.',
  invalid_quota: 'Cơ cấu câu hỏi theo chủ đề không hợp lệ.',
  invalid_question_bank: 'Ngân hàng câu hỏi có câu hỏi trùng mã hoặc thiếu phương án.',
  quota_not_met: 'Ngân hàng câu hỏi không đủ câu hỏi cho cơ cấu đề thi.',
  invalid_time_limit: 'Thời gian làm bài không hợp lệ.',
  invalid_result: 'Kết quả lượt thi không hợp lệ.',
  invalid_prize_ladder: 'Cơ cấu giải thưởng không hợp lệ.',
  invalid_unit_prize_rule: 'Quy định giải thưởng tập thể không hợp lệ.',
};

export class ContestRuleError extends Error {
  readonly code: ContestRuleErrorCode;
  readonly details: unknown;

  constructor(code: ContestRuleErrorCode, details?: unknown, message?: string) {
    super(message ?? MESSAGES[code]);
    this.name = 'ContestRuleError';
    this.code = code;
    this.details = details;
  }
}

/** True when `value` is a whole number of milliseconds since the epoch (an instant we accept). */
export function isInstant(value: number): boolean {
  return Number.isSafeInteger(value);
}

/** Throws `invalid_instant` unless `value` is an instant; `name` says which input was wrong. */
export function assertInstant(value: number, name: string): void {
  if (!isInstant(value)) throw new ContestRuleError('invalid_instant', { name, value });
}
