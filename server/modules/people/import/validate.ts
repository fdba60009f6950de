import { z } from 'zod';
import type { Gender, PersonCategory } from '../../../../common/enums.ts';
import {
  GENDER_LABELS,
  GENDERS,
  PERSON_CATEGORIES,
  PERSON_CATEGORY_LABELS,
} from '../../../../common/enums.ts';
import { LIMITS } from '../../../../common/limits.ts';
import { foldForSearch } from '../../../../common/text.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import type { IsoDate } from '../../../kernel/clock.ts';
import type { Db } from '../../../kernel/db/client.ts';
import type { UnitAsOf } from '../../org/index.ts';
import { findUnitsByCodesAsOf } from '../../org/index.ts';
import type { ImportError } from '../people.contracts.ts';
import { peoplePolicy } from '../people.policy.ts';
import { chunks, findTakenIdentifiers } from '../people.queries.ts';
import type { PersonField } from '../person-fields.ts';
import {
  checkPersonRules,
  ID_NUMBER_PATTERN,
  MESSAGES,
  normalizeName,
  PHONE_PATTERN,
  storedFullTime,
} from '../person-fields.ts';
import type { ColumnKey } from './columns.ts';
import { COLUMN_HEADER, EXAMPLE_ROW, NO, PEOPLE_COLUMNS, YES } from './columns.ts';
import type { SheetRow } from './parse.ts';
import { cellDate, cellIdNumber, cellPhone, cellText } from './parse.ts';

/** A row that passed every check, ready to insert. */
export type ImportDraft = {
  row: number;
  unitId: string;
  fullName: string;
  category: PersonCategory;
  isFullTime: boolean | null;
  gender: Gender | null;
  birthDate: string | null;
  joinDate: string | null;
  phone: string | null;
  idNumber: string | null;
  email: string | null;
};

export const UNIT_OUT_OF_SCOPE = 'Mã đơn vị không tồn tại hoặc ngoài phạm vi quản lý.';

const CATEGORY_BY_FOLDED = new Map<string, PersonCategory>(
  PERSON_CATEGORIES.flatMap((c) => [
    [foldForSearch(PERSON_CATEGORY_LABELS[c]), c],
    [c, c],
  ]),
);
const GENDER_BY_FOLDED = new Map<string, Gender>(
  GENDERS.flatMap((g) => [
    [foldForSearch(GENDER_LABELS[g]), g],
    [g, g],
  ]),
);
const YES_NO = new Map<string, boolean>([
  [foldForSearch(YES), true],
  [foldForSearch(NO), false],
]);
const emailFormat = z.email();

const FIELD_COLUMN: Record<PersonField, ColumnKey> = {
  unitId: 'unitCode',
  fullName: 'fullName',
  category: 'category',
  isFullTime: 'isFullTime',
  gender: 'gender',
  birthDate: 'birthDate',
  joinDate: 'joinDate',
  phone: 'phone',
  idNumber: 'idNumber',
  email: 'email',
};

type RowDraft = Omit<ImportDraft, 'unitId' | 'category'> & {
  unitCode: string | null;
  category: PersonCategory | null;
};

/** Checks one row on its own: required cells, formats, vocabularies and the cross-field rules. */
function readRow(
  sheetRow: SheetRow,
  today: IsoDate,
  report: (column: ColumnKey, message: string) => void,
): RowDraft {
  const { cells } = sheetRow;
  const text = (key: ColumnKey) => cellText(cells[key] ?? null);

  const rawName = text('fullName');
  const fullName = rawName === null ? '' : normalizeName(rawName);
  if (!fullName) report('fullName', 'Thiếu họ và tên.');
  else if (fullName.length > LIMITS.personName) {
    report('fullName', `Họ và tên quá dài (tối đa ${LIMITS.personName} ký tự).`);
  }

  const unitCode = text('unitCode');
  if (!unitCode) report('unitCode', 'Thiếu mã đơn vị.');

  const categoryText = text('category');
  const category =
    categoryText === null ? null : (CATEGORY_BY_FOLDED.get(foldForSearch(categoryText)) ?? null);
  if (categoryText === null) report('category', 'Thiếu đối tượng.');
  else if (!category) {
    report(
      'category',
      `Đối tượng "${categoryText}" không hợp lệ; chọn một trong: ${Object.values(PERSON_CATEGORY_LABELS).join(', ')}.`,
    );
  }

  const genderText = text('gender');
  const gender =
    genderText === null ? null : (GENDER_BY_FOLDED.get(foldForSearch(genderText)) ?? null);
  if (genderText !== null && !gender) {
    report(
      'gender',
      `Giới tính "${genderText}" không hợp lệ; chọn một trong: ${Object.values(GENDER_LABELS).join(', ')}.`,
    );
  }

  const dates = {
    birthDate: cellDate(cells.birthDate ?? null),
    joinDate: cellDate(cells.joinDate ?? null),
  };
  for (const key of ['birthDate', 'joinDate'] as const) {
    if (!dates[key].ok) report(key, MESSAGES.date);
  }
  const birthDate = dates.birthDate.ok ? dates.birthDate.value : null;
  const joinDate = dates.joinDate.ok ? dates.joinDate.value : null;

  const fullTimeText = text('isFullTime');
  const isFullTime =
    fullTimeText === null ? null : (YES_NO.get(foldForSearch(fullTimeText)) ?? null);
  if (fullTimeText !== null && isFullTime === null)
    report('isFullTime', `Chuyên trách chỉ nhận "${YES}" hoặc "${NO}".`);

  const phone = cellPhone(cells.phone ?? null);
  if (phone !== null && !PHONE_PATTERN.test(phone)) report('phone', MESSAGES.phone);
  const idNumber = cellIdNumber(cells.idNumber ?? null);
  if (idNumber !== null && !ID_NUMBER_PATTERN.test(idNumber)) report('idNumber', MESSAGES.idNumber);
  const email = text('email')?.toLowerCase() ?? null;
  if (email !== null && (email.length > 254 || !emailFormat.safeParse(email).success)) {
    report('email', MESSAGES.email);
  }

  if (category) {
    for (const p of checkPersonRules({ category, isFullTime, birthDate, joinDate }, today)) {
      report(FIELD_COLUMN[p.field], p.message);
    }
  }
  if (fullName === EXAMPLE_ROW.fullName && unitCode === EXAMPLE_ROW.unitCode) {
    report('fullName', 'Đây là dòng ví dụ của biểu mẫu; hãy xóa dòng này trước khi nhập.');
  }

  return {
    row: sheetRow.row,
    unitCode,
    fullName,
    category,
    isFullTime: category ? storedFullTime(category, isFullTime) : null,
    gender,
    birthDate,
    joinDate,
    phone,
    idNumber,
    email,
  };
}

const COLUMN_ORDER = new Map<string, number>(PEOPLE_COLUMNS.map((c, i) => [c.header, i]));

/**
 * Validates every row and collects every problem: per-row checks, units (unknown and
 * out-of-scope codes get the same message, so codes outside one's scope cannot be probed),
 * duplicates inside the sheet and against people already stored.
 */
export async function validateImportRows(
  db: Db,
  actor: Actor,
  today: IsoDate,
  rows: SheetRow[],
): Promise<{ drafts: ImportDraft[]; errors: ImportError[] }> {
  const errors: ImportError[] = [];
  const drafts = rows.map((r) =>
    readRow(r, today, (column, message) =>
      errors.push({ row: r.row, column: COLUMN_HEADER[column], message }),
    ),
  );
  const reportOn = (row: number, column: ColumnKey, message: string) =>
    errors.push({ row, column: COLUMN_HEADER[column], message });

  const codes = [...new Set(drafts.flatMap((d) => (d.unitCode ? [d.unitCode] : [])))];
  const unitByCode = new Map<string, UnitAsOf>();
  for (const chunk of chunks(codes, 1000)) {
    for (const unit of await findUnitsByCodesAsOf(db, chunk, today))
      unitByCode.set(unit.code, unit);
  }
  const unitIdByRow = new Map<number, string>();
  for (const d of drafts) {
    if (!d.unitCode) continue;
    const unit = unitByCode.get(d.unitCode);
    if (unit && peoplePolicy.can(actor, 'import', unit.path)) unitIdByRow.set(d.row, unit.id);
    else reportOn(d.row, 'unitCode', UNIT_OUT_OF_SCOPE);
  }

  const identifiers = [
    { key: 'phone', label: 'Số điện thoại', taken: MESSAGES.phoneTaken },
    { key: 'idNumber', label: 'Số CCCD', taken: MESSAGES.idNumberTaken },
  ] as const;
  const valid = (key: 'phone' | 'idNumber', v: string | null): v is string =>
    v !== null && (key === 'phone' ? PHONE_PATTERN : ID_NUMBER_PATTERN).test(v);
  for (const { key, label } of identifiers) {
    const firstRow = new Map<string, number>();
    for (const d of drafts) {
      const value = d[key];
      if (!valid(key, value)) continue;
      const first = firstRow.get(value);
      if (first === undefined) firstRow.set(value, d.row);
      else reportOn(d.row, key, `${label} bị trùng ở dòng ${first} và dòng ${d.row}.`);
    }
  }
  const taken = await findTakenIdentifiers(
    db,
    [...new Set(drafts.flatMap((d) => (valid('phone', d.phone) ? [d.phone] : [])))],
    [...new Set(drafts.flatMap((d) => (valid('idNumber', d.idNumber) ? [d.idNumber] : [])))],
  );
  for (const d of drafts) {
    if (d.phone && taken.phones.has(d.phone)) reportOn(d.row, 'phone', MESSAGES.phoneTaken);
    if (d.idNumber && taken.idNumbers.has(d.idNumber))
      reportOn(d.row, 'idNumber', MESSAGES.idNumberTaken);
  }

  errors.sort(
    (a, b) =>
      (a.row ?? 0) - (b.row ?? 0) ||
      (COLUMN_ORDER.get(a.column ?? '') ?? 0) - (COLUMN_ORDER.get(b.column ?? '') ?? 0),
  );
  if (errors.length > 0) return { drafts: [], errors };
  return {
    drafts: drafts.map((d) => ({ ...d, unitId: unitIdByRow.get(d.row)!, category: d.category! })),
    errors,
  };
}
