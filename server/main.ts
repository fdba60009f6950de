import fs from 'node:fs';
import { buildApp } from './app.ts';
import { instantOnVietnamDay, todayInVietnam } from './kernel/clock.ts';
import { loadConfig } from './kernel/config.ts';
import { openDatabase } from './kernel/db/client.ts';
import { applyMigrations } from './kernel/db/migrate.ts';
import type { AppDeps } from './kernel/deps.ts';
import { createJobRunner } from './kernel/jobs/index.ts';
import { DEMO_ACCOUNTS, seedDemoIfEmpty } from './demo/demo-seed.ts';
import { startReminderTick } from './modules/reporting/index.ts';

/** Process entry: config → database → migrations → demo data on first start → listen. */
const config = loadConfig();
if (!config.databaseUrl) fs.mkdirSync(config.dataDir, { recursive: true });
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await applyMigrations(database);
// DEMO_TODAY=YYYY-MM-DD pins "today" (and moves timestamps onto that day) for demos and the
// browser journeys, so due dates and target windows read the same whenever they run.
const pinnedToday = /^\d{4}-\d{2}-\d{2}$/.test(process.env.DEMO_TODAY ?? '')
  ? process.env.DEMO_TODAY!
  : null;
const deps: AppDeps = {
  config,
  database,
  db: database.db,
  today: () => pinnedToday ?? todayInVietnam(),
  now: () => (pinnedToday ? instantOnVietnamDay(pinnedToday) : new Date()),
};
const app = await buildApp({ ...deps, logger: true, serveWeb: true });
// After the app build: building it upserts the indicator catalogue the demo plans' targets use.
const seeded = process.env.DEMO === 'false' ? false : await seedDemoIfEmpty(deps);
const jobRunner = config.jobRunner ? createJobRunner(deps, app.jobs, { log: app.log }) : null;

const stopReminders = startReminderTick(deps, (error) => {
  app.log.error({ err: error }, 'report reminders failed');
});

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  // A job in progress goes back to the queue at its next checkpoint and resumes on restart.
  await jobRunner?.stop();
  stopReminders();
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ host: config.host, port: config.port });
jobRunner?.start();
const where = config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`;
const url = `http://localhost:${config.port}`;
console.log(`\nPhủ Xanh đang chạy tại ${url}  —  cơ sở dữ liệu: ${where}`);
if (seeded) console.log('Đã nạp dữ liệu mẫu (lần khởi động đầu tiên).');
console.log('Tài khoản mẫu:');
for (const account of DEMO_ACCOUNTS) {
  console.log(
    `  ${account.username.padEnd(12)} ${account.password.padEnd(16)} ${account.description}`,
  );
}
