/**
 * Shapes of the people module's responses (docs/API.md). When the server's zod contracts land,
 * replace these with `import type` of the inferred types.
 */
import type { Gender, PersonCategory } from '../../../../common/enums.ts';

export type Person = {
  id: string;
  unitId: string;
  unitName: string;
  fullName: string;
  category: PersonCategory;
  isFullTime: boolean | null;
  gender: Gender | null;
  birthDate: string | null;
  joinDate: string | null;
  /** Null for minors unless the actor edits their unit. */
  phone: string | null;
  idNumber: string | null;
  email: string | null;
  isMinor: boolean;
};

export type PeoplePage = { items: Person[]; page: number; pageSize: number; hasMore: boolean };

/** `row` is the Excel row number (the header is row 1); null for a file-level problem. */
import type { ImportRowError } from '../../components/import-errors-table.tsx';

export type { ImportRowError };

/** details of a 422 import_failed; the list is cut (1,000) while totalErrors counts all. */
export type ImportFailureDetails = { errors: ImportRowError[]; totalErrors?: number };

export type ImportResult = { imported: number };
