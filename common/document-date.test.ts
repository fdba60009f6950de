import { describe, expect, it } from 'vitest';
import { documentDate, documentDateLine } from './document-date.ts';

describe('document date line', () => {
  it.each([
    ['2026-11-22', 'ngày 22 tháng 11 năm 2026'],
    ['2026-02-05', 'ngày 05 tháng 02 năm 2026'],
    ['2026-01-31', 'ngày 31 tháng 01 năm 2026'],
    ['2025-03-09', 'ngày 09 tháng 3 năm 2025'],
    ['2025-12-01', 'ngày 01 tháng 12 năm 2025'],
  ])('%s → %s', (iso, text) => {
    expect(documentDate(iso)).toBe(text);
  });

  it('puts the place first', () => {
    expect(documentDateLine('Tây Ninh', '2025-07-01')).toBe('Tây Ninh, ngày 01 tháng 7 năm 2025');
  });
});
