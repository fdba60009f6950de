import { GENDER_LABELS, PERSON_CATEGORY_LABELS } from '../../../../common/enums.ts';
import { foldForSearch } from '../../../../common/text.ts';

/**
 * The columns of the people sheet, shared by the import template, the import parser and the
 * export, so a file exported from one unit can be imported into another unchanged.
 */
export const PEOPLE_COLUMNS = [
  {
    key: 'fullName',
    header: 'Họ và tên*',
    width: 28,
    help: 'Bắt buộc. Họ và tên đầy đủ, có dấu, tối đa 120 ký tự.',
  },
  {
    key: 'unitCode',
    header: 'Mã đơn vị*',
    width: 16,
    help: 'Bắt buộc. Mã của đơn vị (chi đoàn, cơ sở…) mà người này sinh hoạt, như trên Phủ Xanh. Đơn vị phải thuộc phạm vi bạn được quyền cập nhật.',
  },
  {
    key: 'category',
    header: 'Đối tượng*',
    width: 14,
    help: `Bắt buộc. Một trong: ${Object.values(PERSON_CATEGORY_LABELS).join(', ')}.`,
  },
  {
    key: 'gender',
    header: 'Giới tính',
    width: 10,
    help: `${Object.values(GENDER_LABELS).join(', ')}; có thể để trống.`,
  },
  {
    key: 'birthDate',
    header: 'Ngày sinh',
    width: 13,
    help: 'Định dạng dd/mm/yyyy (ví dụ 05/09/2008), hoặc ô kiểu Ngày của Excel. Không được sau ngày hôm nay.',
  },
  {
    key: 'joinDate',
    header: 'Ngày vào Đoàn',
    width: 15,
    help: 'Chỉ dành cho Đoàn viên. Định dạng dd/mm/yyyy, sau ngày sinh và không sau ngày hôm nay.',
  },
  {
    key: 'isFullTime',
    header: 'Chuyên trách',
    width: 13,
    help: 'Chỉ dành cho Cán bộ: Có hoặc Không; để trống nếu chưa rõ.',
  },
  {
    key: 'phone',
    header: 'Số điện thoại',
    width: 15,
    help: '10 chữ số, bắt đầu bằng 0 (có thể có dấu cách hoặc dấu chấm). Không được trùng với người khác.',
  },
  {
    key: 'idNumber',
    header: 'Số CCCD',
    width: 16,
    help: 'Căn cước công dân 12 chữ số (hoặc CMND cũ 9 chữ số). Không được trùng với người khác.',
  },
  { key: 'email', header: 'Email', width: 26, help: 'Có thể để trống.' },
] as const;

export type ColumnKey = (typeof PEOPLE_COLUMNS)[number]['key'];

export const COLUMN_HEADER: Record<ColumnKey, string> = Object.fromEntries(
  PEOPLE_COLUMNS.map((c) => [c.key, c.header]),
) as Record<ColumnKey, string>;

export const REQUIRED_COLUMNS: readonly ColumnKey[] = ['fullName', 'unitCode', 'category'];

/** Headers compare folded and without the '*' marking required columns ("ho va ten"). */
export function foldHeader(text: string): string {
  return foldForSearch(text.replace(/\*/g, ''));
}

export const YES = 'Có';
export const NO = 'Không';

/** The example row of the template; recognised on import so it cannot be imported by mistake. */
export const EXAMPLE_ROW = {
  fullName: 'Nguyễn Văn Ví Dụ',
  unitCode: 'MA-DON-VI',
  category: PERSON_CATEGORY_LABELS.member,
  gender: GENDER_LABELS.male,
  birthDate: '05/09/2002',
  joinDate: '26/03/2018',
  isFullTime: '',
  phone: '0912345678',
  idNumber: '001202012345',
  email: 'vidu@example.com',
} satisfies Record<ColumnKey, string>;

export const MAIN_SHEET_NAME = 'Danh sách';
export const HELP_SHEET_NAME = 'Hướng dẫn';
