import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './errors.ts';

/** Vietnamese text for the zod issue codes users can trigger through forms and the API. */
function describeIssue(code: string, expected: unknown): string {
  switch (code) {
    case 'invalid_type':
      return typeof expected === 'string'
        ? `Sai kiểu dữ liệu (cần ${expected}).`
        : 'Sai kiểu dữ liệu.';
    case 'too_small':
      return 'Giá trị quá ngắn hoặc quá nhỏ.';
    case 'too_big':
      return 'Giá trị quá dài hoặc quá lớn.';
    case 'invalid_format':
      return 'Sai định dạng.';
    case 'invalid_value':
      return 'Giá trị không nằm trong danh sách cho phép.';
    case 'unrecognized_keys':
      return 'Có trường không được hỗ trợ.';
    default:
      return 'Giá trị không hợp lệ.';
  }
}

/** One error handler: every failure leaves as { error: { code, message, details? } }. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(error.toBody());
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || null,
        message: describeIssue(v.keyword, v.params.expected),
      }));
      return reply.status(400).send(new AppError('validation_failed', undefined, details).toBody());
    }
    if (
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
    ) {
      return reply.status(400).send(new AppError('bad_json').toBody());
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return reply.status(413).send(new AppError('payload_too_large').toBody());
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) {
      return reply.status(415).send(new AppError('unsupported_media_type').toBody());
    }
    if (error.statusCode === 429) {
      return reply.status(429).send(new AppError('rate_limited').toBody());
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(400).send(new AppError('validation_failed').toBody());
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(new AppError('internal').toBody());
  });
}
