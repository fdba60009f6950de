import path from 'node:path';
import { ensurePgliteTemplate } from '../kernel/db/template.ts';

/** Builds the migrated PGlite template once per run (PostgreSQL runs create a database per file). */
export default async function setup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  process.env.PHUXANH_PGLITE_TEMPLATE = await ensurePgliteTemplate(
    path.resolve('node_modules/.cache/phu-xanh'),
  );
}
