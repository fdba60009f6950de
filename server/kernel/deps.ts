import type { Config } from './config.ts';
import type { IsoDate } from './clock.ts';
import type { Database, Db } from './db/client.ts';

/** What every module's routes and services receive. Passed explicitly; no globals. */
export type AppDeps = {
  config: Config;
  database: Database;
  db: Db;
  /** "Today" in Vietnam; tests pin it. */
  today: () => IsoDate;
  /** The current instant (submission and reminder timestamps); tests pin it to `today`. */
  now?: () => Date;
};

/** The current instant: `deps.now()` when given, else the wall clock. */
export function currentInstant(deps: AppDeps): Date {
  return deps.now ? deps.now() : new Date();
}
