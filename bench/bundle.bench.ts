/**
 * JS budget of the public contest page: builds the web app (unless BENCH_NO_BUILD=1 and dist/web
 * holds a build), then prints the gzipped size of exactly the JavaScript /thi/:contestId loads —
 * the `thi.html` entry and its static imports, read from Vite's manifest — next to the main
 * app's first load for comparison.
 *
 *   npm run bench:bundle
 *
 * Exits 1 when the contest page's JavaScript is over 150 KB gzipped (decision 0011).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_DIST, entryScripts, readManifest } from './lib/manifest.ts';

const BUDGET_KB = 150;

if (process.env.BENCH_NO_BUILD !== '1' || !fs.existsSync(path.join(WEB_DIST, '.vite'))) {
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const manifest = readManifest();
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function weigh(entry: string) {
  const files = entryScripts(manifest, entry).map((file) => {
    const body = fs.readFileSync(path.join(WEB_DIST, file));
    return { file, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  const raw = files.reduce((sum, f) => sum + f.raw, 0);
  return { files, total, raw };
}

const contest = weigh('thi.html');
const main = weigh('index.html');
console.log('JavaScript loaded by /thi/:contestId (gzip -9):');
for (const f of contest.files)
  console.log(
    `  ${f.file.padEnd(40)} ${kb(f.raw).padStart(7)} KB raw  ${kb(f.gzip).padStart(6)} KB gz`,
  );
console.log(
  `  total ${kb(contest.raw)} KB raw, ${kb(contest.total)} KB gzipped (budget ${BUDGET_KB} KB)`,
);
console.log(
  `Main app's first load (index.html, for comparison): ${main.files.length} files, ${kb(main.total)} KB gzipped`,
);
if (contest.total > BUDGET_KB * 1024) {
  console.error(`Over budget: ${kb(contest.total)} KB > ${BUDGET_KB} KB`);
  process.exit(1);
}
