import { eq, sql } from 'drizzle-orm';
import { foldForSearch } from '../../../common/text.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError, notFound } from '../../kernel/http/errors.ts';
import { findProvinceIds, findUnitAsOf } from '../org/index.ts';
import type {
  CreatePersonBody,
  ListPeopleQuery,
  PeopleFilter,
  PersonListResponse,
  PersonResponse,
  UpdatePersonBody,
} from './people.contracts.ts';
import { peoplePolicy } from './people.policy.ts';
import { presentPerson, presentPersonWithAbilities } from './people.presenter.ts';
import type { PersonRow } from './people.queries.ts';
import { findPersonRow, findTakenIdentifiers } from './people.queries.ts';
import type { PeopleSelection } from './people.search.ts';
import { findPeoplePage } from './people.search.ts';
import { people } from './people.table.ts';
import type { FieldProblem } from './person-fields.ts';
import { checkPersonRules, MESSAGES, storedFullTime } from './person-fields.ts';

const UNIT_NOT_FOUND = 'Không tìm thấy đơn vị.';
const PERSON_NOT_FOUND = 'Không tìm thấy người này.';

/**
 * Turns list/export filters into an authorised selection: a unitId outside the actor's
 * subtrees (or not existing today) is 404, exactly like a unit that does not exist.
 */
export async function resolveSelection(
  deps: AppDeps,
  actor: Actor,
  filter: PeopleFilter,
): Promise<PeopleSelection> {
  const today = deps.today();
  let unitPath: string | undefined;
  if (filter.unitId) {
    const unit = await findUnitAsOf(deps.db, filter.unitId, today);
    if (!unit || !peoplePolicy.can(actor, 'view', unit.path)) throw notFound(UNIT_NOT_FOUND);
    unitPath = unit.path;
  }
  return { actor, today, unitPath, q: filter.q, category: filter.category };
}

export async function listPeople(
  deps: AppDeps,
  actor: Actor,
  query: ListPeopleQuery,
): Promise<PersonListResponse> {
  const selection = await resolveSelection(deps, actor, query);
  const { rows, hasMore } = await findPeoplePage(deps.db, selection, query.page, query.pageSize);
  return {
    items: rows.map((r) => presentPerson(r, actor, selection.today)),
    page: query.page,
    pageSize: query.pageSize,
    hasMore,
  };
}

/** A person the actor can see; 404 for one outside their subtrees, as for one that does not exist. */
async function findVisiblePerson(
  db: Db,
  actor: Actor,
  id: string,
  today: string,
): Promise<PersonRow> {
  const row = await findPersonRow(db, id, today);
  if (!row || !peoplePolicy.can(actor, 'view', row.unitPath)) throw notFound(PERSON_NOT_FOUND);
  return row;
}

export async function getPerson(deps: AppDeps, actor: Actor, id: string): Promise<PersonResponse> {
  const today = deps.today();
  const row = await findVisiblePerson(deps.db, actor, id, today);
  peoplePolicy.authorize(actor, 'view', row.unitPath);
  return presentPersonWithAbilities(row, actor, today);
}

/** The columns a person is stored with, after every rule has passed. */
type PersonValues = {
  unitId: string;
  fullName: string;
  category: string;
  isFullTime: boolean | null;
  gender: string | null;
  birthDate: string | null;
  joinDate: string | null;
  phone: string | null;
  idNumber: string | null;
  email: string | null;
};

function snapshot(v: PersonValues): PersonValues {
  return {
    unitId: v.unitId,
    fullName: v.fullName,
    category: v.category,
    isFullTime: v.isFullTime,
    gender: v.gender,
    birthDate: v.birthDate,
    joinDate: v.joinDate,
    phone: v.phone,
    idNumber: v.idNumber,
    email: v.email,
  };
}

function failOnProblems(problems: FieldProblem[]): void {
  if (problems.length > 0) {
    throw new AppError('validation_failed', problems[0]!.message, problems);
  }
}

async function assertIdentifiersFree(db: Db, v: PersonValues, exceptId?: string): Promise<void> {
  const taken = await findTakenIdentifiers(
    db,
    v.phone ? [v.phone] : [],
    v.idNumber ? [v.idNumber] : [],
    exceptId,
  );
  if (v.phone && taken.phones.has(v.phone)) throw conflictOn('phone');
  if (v.idNumber && taken.idNumbers.has(v.idNumber)) throw conflictOn('idNumber');
}

function conflictOn(field: 'phone' | 'idNumber'): AppError {
  const message = field === 'phone' ? MESSAGES.phoneTaken : MESSAGES.idNumberTaken;
  return new AppError('conflict', message, [{ field, message }]);
}

/** The database's unique-violation error (code 23505) on people's phone or ID number, if it is one. */
export function uniqueViolationField(error: unknown): 'phone' | 'idNumber' | null {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505') {
      if (constraint === 'people_phone_uq') return 'phone';
      if (constraint === 'people_id_number_uq') return 'idNumber';
      return null;
    }
  }
  return null;
}

/** Runs a write; a concurrent duplicate that slipped past the pre-check still ends as 409. */
async function mapUniqueViolation<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const field = uniqueViolationField(error);
    if (field) throw conflictOn(field);
    throw error;
  }
}

/** people.province_id for a person of this unit (the unit exists: it was just loaded). */
async function provinceIdOf(db: Db, unitId: string): Promise<string> {
  const provinceId = (await findProvinceIds(db, [unitId])).get(unitId);
  if (!provinceId) throw new AppError('internal');
  return provinceId;
}

export async function createPerson(
  deps: AppDeps,
  actor: Actor,
  body: CreatePersonBody,
): Promise<PersonResponse> {
  const today = deps.today();
  const unit = await findUnitAsOf(deps.db, body.unitId, today);
  if (!unit || !peoplePolicy.can(actor, 'view', unit.path)) throw notFound(UNIT_NOT_FOUND);
  peoplePolicy.authorize(actor, 'create', unit.path);

  const values: PersonValues = {
    unitId: unit.id,
    fullName: body.fullName,
    category: body.category,
    isFullTime: storedFullTime(body.category, body.isFullTime ?? null),
    gender: body.gender ?? null,
    birthDate: body.birthDate ?? null,
    joinDate: body.joinDate ?? null,
    phone: body.phone ?? null,
    idNumber: body.idNumber ?? null,
    email: body.email ?? null,
  };
  failOnProblems(checkPersonRules({ ...values, isFullTime: body.isFullTime ?? null }, today));
  await assertIdentifiersFree(deps.db, values);

  const id = await mapUniqueViolation(() =>
    deps.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(people)
        .values({
          ...values,
          provinceId: await provinceIdOf(tx, values.unitId),
          searchName: foldForSearch(values.fullName),
        })
        .returning({ id: people.id });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'person.create',
        entity: 'person',
        entityId: row!.id,
        unitId: values.unitId,
        after: snapshot(values),
      });
      return row!.id;
    }),
  );
  return presentPersonWithAbilities(
    await findVisiblePerson(deps.db, actor, id, today),
    actor,
    today,
  );
}

/**
 * Partial update. Editor on the person's unit is needed, and when the person moves to another
 * unit, editor on that unit too. The audit record keeps only the fields that changed.
 */
export async function updatePerson(
  deps: AppDeps,
  actor: Actor,
  id: string,
  body: UpdatePersonBody,
): Promise<PersonResponse> {
  const today = deps.today();
  const current = await findVisiblePerson(deps.db, actor, id, today);
  peoplePolicy.authorize(actor, 'update', current.unitPath);
  if (body.unitId && body.unitId !== current.unitId) {
    const target = await findUnitAsOf(deps.db, body.unitId, today);
    if (!target || !peoplePolicy.can(actor, 'view', target.path)) throw notFound(UNIT_NOT_FOUND);
    peoplePolicy.authorize(actor, 'update', target.path);
  }

  const before = snapshot(current);
  const category = body.category ?? current.category;
  const requestedFullTime = body.isFullTime === undefined ? current.isFullTime : body.isFullTime;
  // Moving a cadre to another category drops "full-time" unless the request sets it explicitly.
  const isFullTime =
    body.isFullTime === undefined && body.category !== undefined
      ? storedFullTime(category, requestedFullTime)
      : requestedFullTime;
  const after: PersonValues = {
    unitId: body.unitId ?? current.unitId,
    fullName: body.fullName ?? current.fullName,
    category,
    isFullTime,
    gender: body.gender === undefined ? current.gender : body.gender,
    birthDate: body.birthDate === undefined ? current.birthDate : body.birthDate,
    joinDate: body.joinDate === undefined ? current.joinDate : body.joinDate,
    phone: body.phone === undefined ? current.phone : body.phone,
    idNumber: body.idNumber === undefined ? current.idNumber : body.idNumber,
    email: body.email === undefined ? current.email : body.email,
  };
  failOnProblems(checkPersonRules(after, today));
  after.isFullTime = storedFullTime(after.category, after.isFullTime);

  const changed = (Object.keys(after) as (keyof PersonValues)[]).filter(
    (k) => after[k] !== before[k],
  );
  if (changed.length === 0) return presentPersonWithAbilities(current, actor, today);
  await assertIdentifiersFree(deps.db, after, id);

  await mapUniqueViolation(() =>
    deps.db.transaction(async (tx) => {
      await tx
        .update(people)
        .set({
          ...after,
          provinceId: await provinceIdOf(tx, after.unitId),
          searchName: foldForSearch(after.fullName),
          updatedAt: sql`now()`,
        })
        .where(eq(people.id, id));
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'person.update',
        entity: 'person',
        entityId: id,
        unitId: after.unitId,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      });
    }),
  );
  return presentPersonWithAbilities(
    await findVisiblePerson(deps.db, actor, id, today),
    actor,
    today,
  );
}
