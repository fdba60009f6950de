import type { Gender, PersonCategory } from '../../../common/enums.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Person, PersonResponse } from './people.contracts.ts';
import { peoplePolicy } from './people.policy.ts';
import { isMinorOn } from './person-fields.ts';
import type { PersonRow } from './people.queries.ts';

/**
 * The only way a person leaves the server. Fields are listed one by one (a new column never
 * leaks by accident). A minor's contact details and ID number are shown only to those who edit
 * the unit: viewers and higher levels' read-only accounts see them as null.
 */
export function presentPerson(row: PersonRow, actor: Actor, today: IsoDate): Person {
  const isMinor = isMinorOn(row, today);
  const showPrivate = !isMinor || peoplePolicy.can(actor, 'update', row.unitPath);
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: row.unitName,
    fullName: row.fullName,
    category: row.category as PersonCategory,
    isFullTime: row.isFullTime,
    gender: row.gender as Gender | null,
    birthDate: row.birthDate,
    joinDate: row.joinDate,
    phone: showPrivate ? row.phone : null,
    idNumber: showPrivate ? row.idNumber : null,
    email: showPrivate ? row.email : null,
    isMinor,
  };
}

export function presentPersonWithAbilities(
  row: PersonRow,
  actor: Actor,
  today: IsoDate,
): PersonResponse {
  return {
    person: presentPerson(row, actor, today),
    abilities: peoplePolicy.abilities(actor, row.unitPath),
  };
}
