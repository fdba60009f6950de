import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToPdfText, readXlsx, squash } from '../../test/documents.ts';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import type { ReportingFixture } from './reporting.test-helpers.ts';
import {
  buildReportingFixture,
  call,
  createReport,
  expectRejectedUnchanged,
  marxismActivity,
  ok,
} from './reporting.test-helpers.ts';

/**
 * Exports read back as real files: the report's DOCX converted to PDF by LibreOffice and its text
 * read by pdftotext; the XLSX read by exceljs; the plan's DOCX likewise.
 */
// LibreOffice starts cold for each conversion: several seconds, much more on a loaded machine.
const CONVERSION_TIMEOUT = 180_000;

describe('report and plan documents', () => {
  let t: TestApp;
  let f: ReportingFixture;
  let provinceReportId = '';
  beforeAll(async () => {
    t = await buildTestApp({ today: '2023-04-20' });
    f = await buildReportingFixture(t);
    await marxismActivity(t, f.users.a1Editor.cookie, f.n.a1.id, '2023-03-26');
    for (let i = 0; i < 3; i++) {
      ok(
        await call(t, 'POST', '/planning/activities', f.users.provinceEditor.cookie, {
          unitId: f.n.provinceA.id,
          kind: 'training',
          title: `Tập huấn sử dụng mạng xã hội an toàn, lớp ${i + 1}`,
          occurredOn: '2023-03-1' + i,
          participants: [{ category: 'cadre', count: 1234 }],
        }),
        201,
      );
    }
    const report = await createReport(t, f.users.provinceEditor.cookie, f, f.n.provinceA.id);
    provinceReportId = report.report.id;
    ok(
      await call(
        t,
        'PATCH',
        `/reporting/reports/${provinceReportId}`,
        f.users.provinceEditor.cookie,
        {
          document: {
            ...report.report.document,
            number: '15-BC/TĐTN-BTG',
            place: 'Tây Ninh',
            date: '2023-04-25',
            recipients: ['Ban Bí thư Trung ương Đoàn (để báo cáo);', 'Lưu VP.'],
            signature: {
              onBehalfOf: 'T/M BAN THƯỜNG VỤ',
              role: 'PHÓ BÍ THƯ',
              name: 'Trịnh Thị Như Trang',
            },
          },
          body: {
            ...report.report.body,
            shortcomings: [
              {
                type: 'paragraph',
                runs: [{ text: 'Một số cơ sở chưa cập nhật số liệu kịp thời.' }],
              },
            ],
            proposals: [
              {
                type: 'bullet',
                runs: [{ text: 'Đề nghị Trung ương Đoàn mở lớp tập huấn.', bold: true }],
              },
            ],
          },
        },
      ),
    );
  }, CONVERSION_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  const download = (url: string, cookie: string) =>
    t.app.inject({ method: 'GET', url: `/api${url}`, headers: { cookie } });

  it(
    'exports a report to DOCX that LibreOffice opens, with the layout, the narrative and the table',
    async () => {
      const started = performance.now();
      const res = await download(
        `/reporting/reports/${provinceReportId}/export.docx`,
        f.users.provinceViewer.cookie,
      );
      const elapsed = performance.now() - started;
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      expect(res.headers['content-disposition']).toContain('.docx');
      console.log(
        `DOCX export of a report: ${elapsed.toFixed(0)} ms, ${res.rawPayload.length} bytes`,
      );
      const pdfText = await docxToPdfText(res.rawPayload);
      const text = squash(pdfText);
      for (const expected of [
        'ĐOÀN TNCS HỒ CHÍ MINH',
        'BCH TỈNH ĐOÀN ALPHA',
        '***',
        'Số: 15-BC/TĐTN-BTG',
        'Tây Ninh, ngày 25 tháng 4 năm 2023',
        'BÁO CÁO',
        'I. KẾT QUẢ ĐẠT ĐƯỢC',
        'II. HẠN CHẾ, NGUYÊN NHÂN',
        'Một số cơ sở chưa cập nhật số liệu kịp thời.',
        'III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI',
        'IV. ĐỀ XUẤT, KIẾN NGHỊ',
        'Đề nghị Trung ương Đoàn mở lớp tập huấn.',
        'Nơi nhận:',
        'Ban Bí thư Trung ương Đoàn (để báo cáo);',
        'T/M BAN THƯỜNG VỤ',
        'PHÓ BÍ THƯ',
        'Trịnh Thị Như Trang',
        'Đánh giá',
        '≥ 2 lớp 3 lớp 150% Đạt',
        '1/2 đơn vị đạt',
      ]) {
        expect(text, expected).toContain(expected);
      }
      // The header sits side by side: the issuer on the left, the Union's name on the right.
      const firstLine = pdfText.split('\n').find((l) => l.includes('ĐOÀN TNCS HỒ CHÍ MINH'))!;
      expect(firstLine).toMatch(/BCH .*ĐOÀN TNCS HỒ CHÍ MINH/);
      // The appendix compares the units below.
      expect(text).toContain('PHỤ LỤC: KẾT QUẢ THEO ĐƠN VỊ TRỰC THUỘC');
      expect(text).toContain('Huyện đoàn Alpha');
    },
    CONVERSION_TIMEOUT,
  );

  it('exports the indicator tables by unit to XLSX with Vietnamese number formats', async () => {
    const res = await download(
      `/reporting/reports/${provinceReportId}/export.xlsx`,
      f.users.provinceViewer.cookie,
    );
    expect(res.statusCode).toBe(200);
    const workbook = await readXlsx(res.rawPayload);
    const own = workbook.getWorksheet('Chỉ tiêu')!;
    expect(own.getCell('A1').value).toBe(f.n.provinceA.name);
    expect(own.getCell('A2').text).toContain('6 tháng đầu năm 2023');
    let trainingRow = own.getRow(1);
    own.eachRow((row) => {
      if (row.getCell(2).text.startsWith('Số lớp tập huấn')) trainingRow = row;
    });
    const training = trainingRow.values as unknown[];
    expect(training.slice(3, 7)).toEqual(['Năm 2023', 'lớp', '≥ 2 lớp', 3]);
    expect(training[9]).toBeCloseTo(1.5);
    expect(trainingRow.getCell(6).numFmt).toBe('#,##0');
    expect(trainingRow.getCell(9).numFmt).toBe('0.0%');

    const byUnit = workbook.getWorksheet('Theo đơn vị')!;
    const unitRows = (byUnit.getSheetValues().filter(Boolean) as unknown[][]).slice(3);
    expect(unitRows[0]!.slice(1)).toEqual([
      'Đơn vị',
      expect.stringContaining('Số lớp tập huấn'),
      expect.stringContaining('Chủ nghĩa Mác'),
    ]);
    expect(unitRows.find((r) => r[1] === f.n.districtA.name)!.slice(2)).toEqual([0, 1]);
  });

  it(
    'exports a plan to DOCX: number, title, targets and the tasks table',
    async () => {
      const res = await download(
        `/reporting/plans/${f.planId}/export.docx`,
        f.users.a1Viewer.cookie,
      );
      expect(res.statusCode).toBe(200);
      const text = squash(await docxToPdfText(res.rawPayload));
      for (const expected of [
        'ĐOÀN TNCS HỒ CHÍ MINH',
        `Số: ${f.plan.plan.number}`,
        'ngày 03 tháng 2 năm 2023',
        'KẾ HOẠCH',
        f.plan.plan.title,
        'I. MỤC ĐÍCH, YÊU CẦU',
        'II. CHỈ TIÊU',
        'ít nhất 2 lớp (Năm 2023)',
        'Đơn vị chủ trì',
        'Tổ chức tập huấn kỹ năng số',
        'Quý II/2023',
        'IV. TỔ CHỨC THỰC HIỆN',
      ]) {
        expect(text, expected).toContain(expected);
      }
    },
    CONVERSION_TIMEOUT,
  );

  it('scopes downloads like the report and the plan', async () => {
    for (const url of [
      `/reporting/reports/${provinceReportId}/export.docx`,
      `/reporting/reports/${provinceReportId}/export.xlsx`,
      `/reporting/plans/${f.planId}/export.docx`,
    ]) {
      expect((await download(url, f.users.outsider.cookie)).statusCode, url).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: `/api${url}` })).statusCode, url).toBe(401);
    }
    // A grassroots viewer does not see the province's report, only its plan once issued.
    expect(
      (
        await download(
          `/reporting/reports/${provinceReportId}/export.docx`,
          f.users.a1Viewer.cookie,
        )
      ).statusCode,
    ).toBe(404);
    await expectRejectedUnchanged(
      t,
      () =>
        call(t, 'GET', '/reporting/reports/not-a-uuid/export.docx', f.users.provinceViewer.cookie),
      400,
      'validation_failed',
    );
  });
});
