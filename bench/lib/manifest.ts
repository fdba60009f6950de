import fs from 'node:fs';
import path from 'node:path';

type ManifestChunk = { file: string; imports?: string[]; css?: string[]; isEntry?: boolean };
export type Manifest = Record<string, ManifestChunk>;

export const WEB_DIST = path.resolve('dist/web');

export function readManifest(dist = WEB_DIST): Manifest {
  return JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/**
 * The JavaScript files a page loads before it can run: its entry and, transitively, the chunks
 * it imports statically (what the browser fetches from the HTML's module script and its
 * modulepreload links). Lazy chunks (dynamic imports) are not part of the first load.
 */
export function entryScripts(manifest: Manifest, entry: string): string[] {
  const seen = new Set<string>();
  const files: string[] = [];
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the Vite manifest`);
    files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry);
  return files.filter((f) => f.endsWith('.js'));
}
