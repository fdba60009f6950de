/** The people module's public surface. */
export { people } from './people.table.ts';
export { peopleRoutes } from './people.routes.ts';
