/** Closed vocabularies shared by server and web. Labels are Vietnamese; English lives in web i18n. */

export const UNIT_KINDS = [
  'central',
  'province',
  'affiliated',
  'district',
  'grassroots',
  'chapter',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  central: 'Trung ương',
  province: 'Tỉnh, thành',
  affiliated: 'Đoàn trực thuộc',
  district: 'Cấp huyện (cũ)',
  grassroots: 'Cơ sở',
  chapter: 'Chi đoàn',
  other: 'Khác',
};

export const WINGS = ['doan', 'hoi', 'doi'] as const;
export type Wing = (typeof WINGS)[number];
export const WING_LABELS: Record<Wing, string> = { doan: 'Đoàn', hoi: 'Hội', doi: 'Đội' };

export const UNIT_GROUP_KINDS = [
  'school',
  'agency',
  'enterprise',
  'armed_forces',
  'other',
] as const;
export type UnitGroupKind = (typeof UNIT_GROUP_KINDS)[number];
export const UNIT_GROUP_KIND_LABELS: Record<UnitGroupKind, string> = {
  school: 'Trường học',
  agency: 'Cơ quan',
  enterprise: 'Doanh nghiệp',
  armed_forces: 'Lực lượng vũ trang',
  other: 'Khác',
};

export const RESTRUCTURE_KINDS = ['create', 'merge', 'split', 'move', 'rename', 'close'] as const;
export type RestructureKind = (typeof RESTRUCTURE_KINDS)[number];
export const RESTRUCTURE_KIND_LABELS: Record<RestructureKind, string> = {
  create: 'Thành lập',
  merge: 'Hợp nhất',
  split: 'Chia tách',
  move: 'Chuyển cấp quản lý',
  rename: 'Đổi tên',
  close: 'Giải thể',
};

export const PERSON_CATEGORIES = ['cadre', 'member', 'youth', 'teen', 'child'] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];
export const PERSON_CATEGORY_LABELS: Record<PersonCategory, string> = {
  cadre: 'Cán bộ',
  member: 'Đoàn viên',
  youth: 'Thanh niên',
  teen: 'Thiếu niên',
  child: 'Nhi đồng',
};

export const GENDERS = ['male', 'female', 'other'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: 'Nam', female: 'Nữ', other: 'Khác' };

export const ROLES = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị',
  editor: 'Biên tập',
  viewer: 'Xem',
};
/** Higher rank includes the lower ones. */
export const ROLE_RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };
