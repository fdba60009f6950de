/**
 * `npm run test:e2e`: builds the web app, then runs the browser journeys (e2e/*.e2e.ts) in
 * Debian's Chromium against a server started on a fresh PGlite folder with the demo data.
 */
import { spawnSync } from 'node:child_process';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['vitest', 'run', '--config', 'e2e/vitest.config.ts', ...process.argv.slice(2)]);
