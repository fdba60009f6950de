import { Paragraph, Table } from 'docx';
import { describe, expect, it } from 'vitest';
import type { ReportDetailResponse } from '../reporting.contracts.ts';
import { byUnitAnnex, DOCX_ANNEX_MAX_ROWS } from './report-docx.ts';

/** Only what the appendix reads: targets and their units below. */
function detailWith(targets: number, units: number): ReportDetailResponse {
  const indicators = Array.from({ length: targets }, (_, i) => ({
    label: `Chỉ tiêu ${i + 1}`,
    indicatorName: `Chỉ tiêu ${i + 1}`,
    unitLabel: 'lớp',
    children: Array.from({ length: units }, (_, u) => ({
      name: `Đoàn cơ sở ${u + 1}`,
      value: u,
      status: 'met',
    })),
  }));
  return { indicators } as unknown as ReportDetailResponse;
}

describe('the by-unit appendix of a Word report', () => {
  it('lists every unit below, target by target, while it is short', () => {
    const annex = byUnitAnnex(detailWith(3, 20));
    expect(annex).toHaveLength(2);
    expect(annex[1]).toBeInstanceOf(Table);
  });

  it('refers to the spreadsheet instead of a table of thousands of rows', () => {
    const targets = 40;
    const units = 350;
    expect(targets * units).toBeGreaterThan(DOCX_ANNEX_MAX_ROWS);
    const annex = byUnitAnnex(detailWith(targets, units));
    expect(annex).toHaveLength(2);
    expect(annex.some((block) => block instanceof Table)).toBe(false);
    const note = JSON.stringify(annex[1]);
    expect(annex[1]).toBeInstanceOf(Paragraph);
    expect(note).toContain('350 đơn vị trực thuộc');
    expect(note).toContain('14.000 dòng');
    expect(note).toContain('Theo đơn vị');
  });

  it('has no appendix when there is no unit below', () => {
    expect(byUnitAnnex(detailWith(2, 0))).toEqual([]);
  });
});
