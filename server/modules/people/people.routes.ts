import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/authenticate.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { assertCanImportSomewhere, importPeople } from './import/import.service.ts';
import { buildImportTemplate, XLSX_CONTENT_TYPE } from './import/template.ts';
import {
  CreatePersonBody,
  ExportPeopleQuery,
  ImportResponse,
  ListPeopleQuery,
  PersonListResponse,
  PersonParams,
  PersonResponse,
  UpdatePersonBody,
} from './people.contracts.ts';
import { attachmentHeader, exportPeople } from './people.export.ts';
import { createPerson, getPerson, listPeople, updatePerson } from './people.service.ts';

const NOT_MULTIPART = 'Vui lòng gửi tệp Excel (.xlsx) trong trường "file" (multipart/form-data).';

/** HTTP surface of the people module (see docs/API.md, "People"). */
export const peopleRoutes: FastifyPluginAsync<AppDeps> = (app, deps) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Every route needs a session, checked before the body is parsed or validated:
  // an anonymous caller learns nothing about what the endpoint would accept.
  api.addHook('onRequest', (request, _reply, done) => {
    done(request.actor ? undefined : new AppError('unauthenticated'));
  });

  api.get(
    '/people',
    { schema: { querystring: ListPeopleQuery, response: { 200: PersonListResponse } } },
    async (request) => listPeople(deps, requireActor(request), request.query),
  );

  api.get('/people/import-template', async (request, reply) => {
    assertCanImportSomewhere(requireActor(request));
    return reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-disposition', attachmentHeader('mau-nhap-danh-sach.xlsx'))
      .send(await buildImportTemplate());
  });

  api.post('/people/import', { schema: { response: { 200: ImportResponse } } }, async (request) => {
    const actor = requireActor(request);
    // Refused before the upload is read into memory.
    assertCanImportSomewhere(actor);
    if (!request.isMultipart()) throw new AppError('unsupported_media_type', NOT_MULTIPART);
    const file = await request.file();
    if (!file || file.fieldname !== 'file') throw new AppError('validation_failed', NOT_MULTIPART);
    return importPeople(deps, actor, await file.toBuffer());
  });

  api.get(
    '/people/export',
    { schema: { querystring: ExportPeopleQuery } },
    async (request, reply) => {
      const body = await exportPeople(deps, requireActor(request), request.query);
      return reply
        .header('content-type', XLSX_CONTENT_TYPE)
        .header('content-disposition', attachmentHeader(`danh-sach-${deps.today()}.xlsx`))
        .send(body);
    },
  );

  api.get(
    '/people/:id',
    { schema: { params: PersonParams, response: { 200: PersonResponse } } },
    async (request) => getPerson(deps, requireActor(request), request.params.id),
  );

  api.post(
    '/people',
    { schema: { body: CreatePersonBody, response: { 201: PersonResponse } } },
    async (request, reply) =>
      reply.status(201).send(await createPerson(deps, requireActor(request), request.body)),
  );

  api.patch(
    '/people/:id',
    { schema: { params: PersonParams, body: UpdatePersonBody, response: { 200: PersonResponse } } },
    async (request) => updatePerson(deps, requireActor(request), request.params.id, request.body),
  );
  return Promise.resolve();
};
