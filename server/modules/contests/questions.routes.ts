import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/authenticate.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { UnitQuery } from './contests.contracts.ts';
import { importQuestions } from './questions-import.service.ts';
import { buildQuestionTemplate, exportQuestionsXlsx } from './questions.xlsx.ts';
import { XLSX_CONTENT_TYPE } from './results.xlsx.ts';

const NOT_MULTIPART = 'Vui lòng gửi tệp Excel (.xlsx) trong trường "file" (multipart/form-data).';

const attachment = (fileName: string) => `attachment; filename="${fileName}"`;

/**
 * The question bank as a spreadsheet: template, all-or-nothing import, export (docs/API.md).
 * Registered inside contestRoutes, whose hook refuses requests without a session.
 */
export const questionSheetRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/contest-bank/questions/template.xlsx',
    { schema: { querystring: UnitQuery } },
    async (request, reply) => {
      const body = await buildQuestionTemplate(deps, requireActor(request), request.query.unitId);
      return reply
        .header('content-type', XLSX_CONTENT_TYPE)
        .header('content-disposition', attachment('mau-nhap-cau-hoi.xlsx'))
        .send(body);
    },
  );

  api.post(
    '/contest-bank/questions/import',
    {
      schema: {
        querystring: UnitQuery,
        response: { 200: z.object({ imported: z.number() }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return importQuestions(deps, actor, request.query.unitId, async () => {
        if (!request.isMultipart()) throw new AppError('unsupported_media_type', NOT_MULTIPART);
        const file = await request.file();
        if (!file || file.fieldname !== 'file') {
          throw new AppError('validation_failed', NOT_MULTIPART);
        }
        // Over the upload limit, toBuffer() throws a 413 before anything is parsed.
        return file.toBuffer();
      });
    },
  );

  api.get(
    '/contest-bank/questions/export.xlsx',
    { schema: { querystring: UnitQuery } },
    async (request, reply) => {
      const body = await exportQuestionsXlsx(deps, requireActor(request), request.query.unitId);
      return reply
        .header('content-type', XLSX_CONTENT_TYPE)
        .header('content-disposition', attachment(`ngan-hang-cau-hoi-${deps.today()}.xlsx`))
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
};
