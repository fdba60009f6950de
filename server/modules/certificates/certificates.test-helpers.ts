import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

const run = promisify(execFile);

// jsqr is a CommonJS bundle whose default export arrives wrapped once more under some loaders.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const loaded = jsQRModule as unknown as { default: Decode | { default: Decode } };
const jsQR: Decode = typeof loaded.default === 'function' ? loaded.default : loaded.default.default;

/** The PDF's text as poppler's pdftotext reads it (what a search engine or a screen reader sees). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phuxanh-pdf-'));
  try {
    await fs.writeFile(path.join(dir, 'c.pdf'), pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'c.pdf'), '-']);
    return stdout;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Renders the first page with pdftoppm and decodes the QR code on it, as a phone camera would. */
export async function decodeQrOnPage(pdf: Buffer, dpi = 150): Promise<string | null> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phuxanh-qr-'));
  try {
    await fs.writeFile(path.join(dir, 'c.pdf'), pdf);
    await run('pdftoppm', ['-png', '-r', String(dpi), '-singlefile', 'c.pdf', 'page'], {
      cwd: dir,
    });
    const png = PNG.sync.read(await fs.readFile(path.join(dir, 'page.png')));
    const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    return found?.data ?? null;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** "a  b\nc" → "a b c": pdftotext breaks long titles over lines. */
export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
