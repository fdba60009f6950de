import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../kernel/deps.ts';
import { CodeParams, PdfQuery, PublicCertificateResponse } from './certificates.contracts.ts';
import { certificatePdf, verifyCertificate } from './certificates.service.ts';

/** HTTP surface of the certificates module (docs/API.md, "Certificates"). */
export const certificateRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Per IP: enough for a person checking papers, too few to walk the code space or load the CPU.
  const rateLimit = { max: deps.config.certificateRateLimit, timeWindow: '1 minute' };

  api.get(
    '/public/certificates/:code',
    {
      schema: { params: CodeParams, response: { 200: PublicCertificateResponse } },
      config: { rateLimit },
    },
    async (request, reply) => {
      const body = await verifyCertificate(deps.db, request.params.code);
      // Only a found certificate may be cached: a code not found now may be issued later.
      reply.header('cache-control', 'public, max-age=300');
      return body;
    },
  );

  api.get(
    '/certificates/:code/pdf',
    { schema: { params: CodeParams, querystring: PdfQuery }, config: { rateLimit } },
    async (request, reply) => {
      const { code, pdf } = await certificatePdf(
        deps,
        request.actor,
        request.params.code,
        request.query.token,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="giay-chung-nhan-${code}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
};
