import { z } from 'zod';
import { GENDERS, PERSON_CATEGORIES } from '../../../common/enums.ts';
import { isRealIsoDate } from '../../../common/format.ts';
import { LIMITS } from '../../../common/limits.ts';
import {
  ID_NUMBER_PATTERN,
  MESSAGES,
  PHONE_PATTERN,
  normalizeIdNumber,
  normalizeName,
  normalizePhone,
} from './person-fields.ts';

/** Largest page number accepted; deeper pages should be reached by narrowing the search. */
export const PAGE_MAX = 10_000;

const isoDate = z.string().refine(isRealIsoDate, { message: MESSAGES.date });

/** Optional text field: blank means "none" (forms send ''), stored as null. */
function optionalText<T extends z.ZodType<string>>(inner: T) {
  return z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    inner.nullable().optional(),
  );
}

const phone = z
  .string()
  .max(40)
  .transform(normalizePhone)
  .refine((v) => PHONE_PATTERN.test(v), { message: MESSAGES.phone });
const idNumber = z
  .string()
  .max(40)
  .transform(normalizeIdNumber)
  .refine((v) => ID_NUMBER_PATTERN.test(v), { message: MESSAGES.idNumber });
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: MESSAGES.email }));
const fullName = z.string().transform(normalizeName).pipe(z.string().min(1).max(LIMITS.personName));

const personFields = {
  fullName,
  category: z.enum(PERSON_CATEGORIES),
  isFullTime: z.boolean().nullable().optional(),
  gender: z.enum(GENDERS).nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  joinDate: isoDate.nullable().optional(),
  phone: optionalText(phone),
  idNumber: optionalText(idNumber),
  email: optionalText(email),
};

export const CreatePersonBody = z.strictObject({ unitId: z.uuid(), ...personFields });
export type CreatePersonBody = z.infer<typeof CreatePersonBody>;

/** Every field optional; null clears an optional field. A new unitId moves the person. */
export const UpdatePersonBody = z.strictObject({
  unitId: z.uuid().optional(),
  fullName: fullName.optional(),
  category: personFields.category.optional(),
  isFullTime: personFields.isFullTime,
  gender: personFields.gender,
  birthDate: personFields.birthDate,
  joinDate: personFields.joinDate,
  phone: personFields.phone,
  idNumber: personFields.idNumber,
  email: personFields.email,
});
export type UpdatePersonBody = z.infer<typeof UpdatePersonBody>;

export const PersonParams = z.strictObject({ id: z.uuid() });

const listFilters = {
  unitId: z.uuid().optional(),
  q: z.string().trim().max(LIMITS.searchQueryMax).optional(),
  category: z.enum(PERSON_CATEGORIES).optional(),
};

export const ListPeopleQuery = z.strictObject({
  ...listFilters,
  page: z.coerce.number().int().min(1).max(PAGE_MAX).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});
export type ListPeopleQuery = z.infer<typeof ListPeopleQuery>;

export const ExportPeopleQuery = z.strictObject(listFilters);
export type ExportPeopleQuery = z.infer<typeof ExportPeopleQuery>;
/** The filters shared by the list and the export. */
export type PeopleFilter = ExportPeopleQuery;

export const Person = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  fullName: z.string(),
  category: z.enum(PERSON_CATEGORIES),
  isFullTime: z.boolean().nullable(),
  gender: z.enum(GENDERS).nullable(),
  birthDate: z.string().nullable(),
  joinDate: z.string().nullable(),
  /** Null for a minor unless the actor edits the unit. */
  phone: z.string().nullable(),
  /** Null for a minor unless the actor edits the unit. */
  idNumber: z.string().nullable(),
  /** Null for a minor unless the actor edits the unit. */
  email: z.string().nullable(),
  isMinor: z.boolean(),
});
export type Person = z.infer<typeof Person>;

export const PersonAbilities = z.object({
  view: z.boolean(),
  create: z.boolean(),
  update: z.boolean(),
  import: z.boolean(),
});

export const PersonResponse = z.object({ person: Person, abilities: PersonAbilities });
export type PersonResponse = z.infer<typeof PersonResponse>;

export const PersonListResponse = z.object({
  items: z.array(Person),
  page: z.number(),
  pageSize: z.number(),
  hasMore: z.boolean(),
});
export type PersonListResponse = z.infer<typeof PersonListResponse>;

export const ImportResponse = z.object({ imported: z.number() });

/** One problem in an import file. `row` is the Excel row number (the header is row 1). */
export type ImportError = { row: number | null; column: string | null; message: string };
