import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../kernel/http/authenticate.ts';
import { AppError } from '../../kernel/http/errors.ts';
import {
  deleteAttachment,
  downloadAttachment,
  listAttachments,
  uploadAttachment,
} from './attachment.service.ts';
import { PlanIdParams } from './planning.contracts.ts';
import type { PlanningContext } from './planning.scope.ts';

const AttachmentView = z.object({
  id: z.string(),
  planId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  abilities: z.object({ delete: z.boolean() }),
});
const IdParams = z.object({ id: z.uuid() });
const NOT_MULTIPART = 'Vui lòng gửi tệp PDF hoặc Word trong trường "file" (multipart/form-data).';

function attachmentHeader(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Plan attachments (docs/API.md, "Planning"): upload, list, download, delete. */
export function registerAttachmentRoutes(app: FastifyInstance, ctx: PlanningContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/planning/plans/:id/attachments',
    {
      schema: { params: PlanIdParams, response: { 201: z.object({ attachment: AttachmentView }) } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', NOT_MULTIPART);
      const file = await request.file({
        limits: { fileSize: ctx.deps.config.attachmentLimit, files: 1 },
      });
      if (!file || file.fieldname !== 'file')
        throw new AppError('validation_failed', NOT_MULTIPART);
      const bytes = await file.toBuffer();
      const attachment = await uploadAttachment(ctx, actor, request.params.id, {
        fileName: file.filename,
        bytes,
      });
      return reply.status(201).send({ attachment });
    },
  );
  api.get(
    '/planning/plans/:id/attachments',
    {
      schema: {
        params: PlanIdParams,
        response: { 200: z.object({ items: z.array(AttachmentView) }) },
      },
    },
    async (request) => ({
      items: await listAttachments(ctx, requireActor(request), request.params.id),
    }),
  );
  api.get('/planning/attachments/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const file = await downloadAttachment(ctx, requireActor(request), request.params.id);
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', attachmentHeader(file.fileName))
      .send(file.body);
  });
  api.delete(
    '/planning/attachments/:id',
    { schema: { params: IdParams } },
    async (request, reply) => {
      await deleteAttachment(ctx, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
