/**
 * `npm start`: builds the web app when its sources are newer than the build, then starts the
 * server. Exits non-zero if the build fails.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'dist/web/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

const sources = [path.join(root, 'web'), path.join(root, 'common')];
const needsBuild =
  !fs.existsSync(built) ||
  Math.max(...sources.map(newestMtime), fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs) >
    fs.statSync(built).mtimeMs;

if (needsBuild) {
  console.log('Đang đóng gói giao diện web (vite build)…');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('Đóng gói giao diện thất bại.');
    process.exit(result.status ?? 1);
  }
}

await import('../server/main.ts');
