import ExcelJS from 'exceljs';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { adminResults, unitNames } from './close.service.ts';

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The organiser's full results of a closed round (unmasked), one row per ranked person. */
export async function exportResultsXlsx(
  deps: AppDeps,
  actor: Actor,
  contestId: string,
  roundId: string,
): Promise<{ fileName: string; buffer: Buffer }> {
  const { round, items } = await adminResults(deps, actor, contestId, roundId);
  const names = await unitNames(deps.db, [
    ...new Set(items.flatMap((i) => (i.unitId ? [i.unitId] : []))),
  ]);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(`Vòng ${round.number}`);
  sheet.columns = [
    { header: 'Hạng', key: 'rank', width: 8 },
    { header: 'Họ và tên', key: 'fullName', width: 28 },
    { header: 'Số điện thoại', key: 'phone', width: 14, style: { numFmt: '@' } },
    { header: 'Đơn vị', key: 'unit', width: 36 },
    { header: 'Điểm', key: 'score', width: 8 },
    { header: 'Chênh lệch dự đoán', key: 'distance', width: 18 },
    { header: 'Thời gian (giây)', key: 'seconds', width: 16 },
    { header: 'Đồng hạng', key: 'tied', width: 11 },
    { header: 'Giải', key: 'prize', width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const item of items) {
    sheet.addRow({
      rank: item.rank,
      fullName: item.fullName,
      phone: item.phone,
      unit: item.unitId ? (names.get(item.unitId) ?? '') : (item.unitText ?? ''),
      score: item.score,
      distance: item.predictionDistance,
      seconds: item.timeMs / 1000,
      tied: item.tiedWithPrevious ? 'Có' : '',
      prize: item.prize ?? '',
    });
  }
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: `ket-qua-vong-${round.number}.xlsx`, buffer };
}
