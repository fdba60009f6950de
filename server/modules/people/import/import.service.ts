import { ROLE_RANK } from '../../../../common/enums.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import type { AppDeps } from '../../../kernel/deps.ts';
import { AppError, forbidden } from '../../../kernel/http/errors.ts';
import { uniqueViolationField } from '../people.service.ts';
import { commitImport } from './commit.ts';
import { importFailed, readPeopleSheet } from './parse.ts';
import { validateImportRows } from './validate.ts';

/** Import needs editor somewhere; each row's unit is then checked on its own. */
export function assertCanImportSomewhere(actor: Actor): void {
  if (!actor.grants.some((g) => ROLE_RANK[g.role] >= ROLE_RANK.editor)) {
    throw forbidden('Bạn không có quyền cập nhật danh sách của đơn vị nào.');
  }
}

/**
 * Reads, validates and imports a people sheet: all rows or none. Any problem in any row is
 * reported as 422 import_failed with details.errors = [{ row, column, message }].
 */
export async function importPeople(
  deps: AppDeps,
  actor: Actor,
  file: Buffer,
): Promise<{ imported: number }> {
  assertCanImportSomewhere(actor);
  const rows = await readPeopleSheet(file);
  const { drafts, errors } = await validateImportRows(deps.db, actor, deps.today(), rows);
  if (errors.length > 0) throw importFailed(errors);
  try {
    return { imported: await commitImport(deps.db, actor, drafts) };
  } catch (error) {
    // Someone else stored the same phone or ID number between the check and the insert.
    if (uniqueViolationField(error)) {
      throw new AppError(
        'conflict',
        'Một số điện thoại hoặc số CCCD vừa được người khác nhập; vui lòng thử lại.',
      );
    }
    throw error;
  }
}
