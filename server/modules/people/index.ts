/** The people module's public surface. */
export { people } from './people.table.ts';
export { peopleRoutes } from './people.routes.ts';
export type { Person } from './people.contracts.ts';
export type { PersonAction } from './people.policy.ts';
export { peoplePolicy } from './people.policy.ts';
export { isMinorOn } from './person-fields.ts';
// The list/search query itself, for benchmarks and reports that must measure what the API runs.
export type { PeopleSelection, SearchTuning } from './people.search.ts';
export { findPeoplePage, iteratePeople, SEARCH_TUNING } from './people.search.ts';
