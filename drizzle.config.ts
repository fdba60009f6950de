import { defineConfig } from 'drizzle-kit';

// Used for `npm run db:generate` only; migrations are applied in code (server/kernel/db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './server/kernel/audit/audit.table.ts',
    './server/kernel/jobs/jobs.table.ts',
    './server/modules/*/*.table.ts',
  ],
  out: './server/kernel/db/migrations',
});
