/**
 * `npm test`: the whole suite on embedded PGlite; when DATABASE_URL is set, the same suite again
 * on PostgreSQL. Any failure makes the exit code non-zero.
 */
import { spawnSync } from 'node:child_process';

const extraArgs = process.argv.slice(2);

function runSuite(label: string, env: NodeJS.ProcessEnv): number {
  console.log(`\n=== Bộ kiểm thử trên ${label} ===`);
  const result = spawnSync('npx', ['vitest', 'run', ...extraArgs], { stdio: 'inherit', env });
  return result.status ?? 1;
}

const { DATABASE_URL, ...withoutDatabase } = process.env;
let failed = runSuite('PGlite (nhúng)', withoutDatabase) !== 0;
if (DATABASE_URL) {
  failed = runSuite(`PostgreSQL (${new URL(DATABASE_URL).host})`, process.env) !== 0 || failed;
}
process.exit(failed ? 1 : 0);
