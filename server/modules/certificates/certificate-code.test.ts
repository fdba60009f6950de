import { describe, expect, it } from 'vitest';
import {
  formatCertificateCode,
  generateCertificateCode,
  generateDownloadToken,
  isSameToken,
  normalizeCertificateCode,
} from './certificate-code.ts';

describe('certificate codes', () => {
  it('are 12 characters that cannot be misread, and do not repeat', () => {
    const codes = new Set(Array.from({ length: 2000 }, generateCertificateCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
  });

  it('read back however they are typed', () => {
    expect(normalizeCertificateCode('7kq2-m9xd-4prt')).toBe('7KQ2M9XD4PRT');
    expect(normalizeCertificateCode(' 7KQ2 M9XD 4PRT ')).toBe('7KQ2M9XD4PRT');
    expect(normalizeCertificateCode('O1IL-0000-0000')).toBe('011100000000');
    expect(normalizeCertificateCode('7KQ2M9XD4PR')).toBeNull();
    expect(normalizeCertificateCode('7KQ2M9XD4PRU')).toBeNull();
    expect(normalizeCertificateCode('<script>')).toBeNull();
  });

  it('print in groups of four', () => {
    expect(formatCertificateCode('7KQ2M9XD4PRT')).toBe('7KQ2-M9XD-4PRT');
  });

  it('come with a download token that only matches itself', () => {
    const token = generateDownloadToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(isSameToken(token, token)).toBe(true);
    expect(isSameToken(generateDownloadToken(), token)).toBe(false);
    expect(isSameToken(token.slice(1), token)).toBe(false);
  });
});
