import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

const migrationsFolder = path.join(import.meta.dirname, 'migrations');

/**
 * A migrated, empty PGlite database dumped to a tarball. Creating PGlite from scratch costs ~4 s
 * (initdb); loading this dump costs ~0.6 s, so every test file starts from it. The file name
 * carries a hash of the migrations, so a new migration makes a new template.
 */
export async function ensurePgliteTemplate(cacheDir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(migrationsFolder).sort()) {
    if (file.endsWith('.sql')) hash.update(fs.readFileSync(path.join(migrationsFolder, file)));
  }
  const target = path.join(cacheDir, `pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
  if (fs.existsSync(target)) return target;
  fs.mkdirSync(cacheDir, { recursive: true });
  const client = await PGlite.create('memory://', { extensions: { btree_gin, ltree, pg_trgm } });
  await migrate(drizzle(client), { migrationsFolder });
  const blob = await client.dumpDataDir('none');
  await client.close();
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  fs.renameSync(tmp, target);
  return target;
}
