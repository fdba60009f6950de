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
};
