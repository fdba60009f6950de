import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { GENDER_LABELS, PERSON_CATEGORY_LABELS } from '../../../common/enums.ts';
import { formatDate } from '../../../common/format.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { findUnitsAsOf } from '../org/index.ts';
import type { ColumnKey } from './import/columns.ts';
import { MAIN_SHEET_NAME, NO, YES } from './import/columns.ts';
import { definePeopleColumns, PEOPLE_SHEET_OPTIONS } from './import/template.ts';
import type { PeopleFilter } from './people.contracts.ts';
import { presentPerson } from './people.presenter.ts';
import { iteratePeople } from './people.search.ts';
import { resolveSelection } from './people.service.ts';

/** Largest export; past it the user narrows the selection by unit or category. */
export const EXPORT_MAX_ROWS = 100_000;

/**
 * The rows the list would show (same scope, filters, order and privacy masking), without paging,
 * as an XLSX with the import template's columns, so an export can be edited and imported back.
 * The workbook is streamed into memory as it is built, and sent only once complete: a failure
 * half-way is a clean error response, never a truncated file.
 */
export async function exportPeople(
  deps: AppDeps,
  actor: Actor,
  filter: PeopleFilter,
  maxRows = EXPORT_MAX_ROWS,
): Promise<Buffer> {
  const selection = await resolveSelection(deps, actor, filter);
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Phủ Xanh';
  const sheet = workbook.addWorksheet(MAIN_SHEET_NAME, PEOPLE_SHEET_OPTIONS);
  definePeopleColumns(sheet);
  sheet.getRow(1).commit();

  const codeByUnit = new Map<string, string>();
  let count = 0;
  for await (const batch of iteratePeople(deps.db, selection)) {
    count += batch.length;
    if (count > maxRows) {
      throw new AppError(
        'validation_failed',
        `Có hơn ${maxRows.toLocaleString('vi-VN')} người phù hợp; hãy chọn đơn vị nhỏ hơn hoặc lọc theo đối tượng.`,
      );
    }
    const missing = [...new Set(batch.map((r) => r.unitId).filter((id) => !codeByUnit.has(id)))];
    for (const unit of await findUnitsAsOf(deps.db, missing, selection.today))
      codeByUnit.set(unit.id, unit.code);
    for (const row of batch) {
      const p = presentPerson(row, actor, selection.today);
      const values: Record<ColumnKey, string | null> = {
        fullName: p.fullName,
        unitCode: codeByUnit.get(p.unitId) ?? null,
        category: PERSON_CATEGORY_LABELS[p.category],
        gender: p.gender ? GENDER_LABELS[p.gender] : null,
        birthDate: p.birthDate ? formatDate(p.birthDate) : null,
        joinDate: p.joinDate ? formatDate(p.joinDate) : null,
        isFullTime: p.isFullTime === null ? null : p.isFullTime ? YES : NO,
        phone: p.phone,
        idNumber: p.idNumber,
        email: p.email,
      };
      sheet.addRow(values).commit();
    }
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** Content-Disposition with an ASCII file name (and the same name in RFC 5987 form). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
