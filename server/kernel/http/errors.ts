/** Stable error codes. Clients and tests rely on the code; the message is for people. */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  cycle: 422,
  date_out_of_order: 422,
  import_failed: 422,
  target_looser_than_parent: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  validation_failed: 'Dữ liệu gửi lên không hợp lệ.',
  bad_json: 'Nội dung gửi lên không phải JSON hợp lệ.',
  unauthenticated: 'Vui lòng đăng nhập.',
  invalid_credentials: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  forbidden: 'Bạn không có quyền thực hiện thao tác này.',
  not_found: 'Không tìm thấy.',
  conflict: 'Dữ liệu bị trùng.',
  invalid_state: 'Thao tác không phù hợp với trạng thái hiện tại.',
  cycle: 'Không thể chuyển một đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.',
  date_out_of_order: 'Ngày hiệu lực phải sau lần thay đổi gần nhất của đơn vị.',
  import_failed: 'Tệp nhập có lỗi; không có dòng nào được nhập.',
  target_looser_than_parent: 'Chỉ tiêu cấp dưới không được thấp hơn chỉ tiêu cấp trên.',
  payload_too_large: 'Dữ liệu gửi lên quá lớn.',
  unsupported_media_type: 'Định dạng dữ liệu không được hỗ trợ.',
  rate_limited: 'Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.',
  internal: 'Hệ thống gặp sự cố, vui lòng thử lại sau.',
};

export type ErrorBody = {
  error: { code: ErrorCode; message: string; details?: unknown };
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = details;
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export const notFound = (message?: string) => new AppError('not_found', message);
export const forbidden = (message?: string) => new AppError('forbidden', message);
