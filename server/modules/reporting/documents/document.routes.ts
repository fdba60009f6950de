import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../kernel/http/authenticate.ts';
import { IdParams, PlanIdParams } from '../reporting.contracts.ts';
import type { ReportingContext } from '../reporting.scope.ts';
import { exportPlanDocx, exportReport } from './export.service.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function attachmentHeader(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Downloads: a report as DOCX or XLSX, a plan as DOCX — readable by whoever reads them. */
export function registerDocumentRoutes(app: FastifyInstance, ctx: ReportingContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  for (const format of ['docx', 'xlsx'] as const) {
    api.get(
      `/reporting/reports/:id/export.${format}`,
      { schema: { params: IdParams } },
      async (request, reply) => {
        const file = await exportReport(ctx, requireActor(request), request.params.id, format);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', attachmentHeader(file.fileName))
          .send(file.body);
      },
    );
  }
  api.get(
    '/reporting/plans/:planId/export.docx',
    { schema: { params: PlanIdParams } },
    async (request, reply) => {
      const file = await exportPlanDocx(ctx, requireActor(request), request.params.planId);
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', attachmentHeader(file.fileName))
        .send(file.body);
    },
  );
}
