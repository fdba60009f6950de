import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/** GET /api/public/certificates/:code — what the public may learn (server: certificates.contracts.ts). */
export type PublicCertificate = {
  code: string;
  holderName: string;
  title: string;
  issuedOn: string;
};

export const certificateKeys = {
  verify: (code: string) => ['certificates', 'verify', code] as const,
};

export function useVerifyCertificate(code: string) {
  return useQuery({
    queryKey: certificateKeys.verify(code),
    queryFn: ({ signal }) =>
      api.get<{ certificate: PublicCertificate }>(
        `/public/certificates/${encodeURIComponent(code)}`,
        undefined,
        signal,
      ),
    staleTime: 5 * 60_000,
  });
}

/** "7KQ2M9XD4PRT" → "7KQ2-M9XD-4PRT", as printed on the paper. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}
