import { openDatabase } from '../server/kernel/db/client.ts';
import { loadConfig } from '../server/kernel/config.ts';
import { loadActor } from '../server/modules/identity/index.ts';
import { buildPlanningCatalogue } from '../server/modules/planning/index.ts';
import { dashboard } from '../server/modules/planning/dashboard.service.ts';
import { rawQuery } from './lib/raw.ts';
const database = await openDatabase(
  process.env.PGL
    ? { dataDir: 'bench/out/pglite-reporting' }
    : { databaseUrl: 'postgres://postgres@127.0.0.1:5432/phuxanh_bench_reporting', poolSize: 4 },
);
const today = '2026-12-02';
const deps = { config: loadConfig({}), database, db: database.db, today: () => today };
const [u] = await rawQuery<{ id: string }>(
  database,
  `select id from users where username='bench_central'`,
);
const actor = (await loadActor(deps, u!.id))!;
const [c] = await rawQuery<{ id: string }>(
  database,
  `select unit_id as id from unit_versions where nlevel(path)=1 and valid_to is null`,
);
const ctx = { deps, catalogue: buildPlanningCatalogue() };
const orig = database.db.execute.bind(database.db);
let log: [number, string][] = [];
(database.db as any).execute = async (q: any) => {
  const t = performance.now();
  const r = await orig(q);
  log.push([
    performance.now() - t,
    JSON.stringify(q.queryChunks?.[0]?.value?.[0] ?? '').slice(0, 90),
  ]);
  return r;
};
for (let i = 0; i < 3; i++) {
  log = [];
  const t = performance.now();
  const d = await dashboard(ctx, actor, { unitId: c!.id });
  console.log('dashboard', (performance.now() - t).toFixed(0), 'ms', d.targets.length);
  for (const [ms, q] of log) console.log('  ', ms.toFixed(0), q);
}
await database.close();
