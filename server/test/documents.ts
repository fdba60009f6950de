import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';

const run = promisify(execFile);

/**
 * Real files read back: a DOCX converted to PDF by LibreOffice (`soffice`, from
 * libreoffice-writer-nogui) and the PDF's text read by `pdftotext` (poppler-utils). A missing
 * tool fails the test that needs it, with the package to install — it is never skipped.
 */
export async function docxToPdfText(docx: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'phuxanh-docx-'));
  try {
    const input = path.join(dir, 'document.docx');
    await writeFile(input, docx);
    await tool('soffice', 'libreoffice-writer-nogui', [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      input,
    ]);
    const { stdout } = await tool('pdftotext', 'poppler-utils', [
      '-layout',
      path.join(dir, 'document.pdf'),
      '-',
    ]);
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function tool(command: string, debianPackage: string, args: string[]) {
  try {
    return await run(command, args, { timeout: 120_000, maxBuffer: 20 * 1024 * 1024 });
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') {
      throw new Error(`${command} is not installed: apt-get install -y ${debianPackage}`, {
        cause: error,
      });
    }
    throw error;
  }
}

export async function readXlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Whitespace collapsed, so assertions do not depend on line breaks in the PDF layout. */
export const squash = (text: string) => text.replace(/\s+/g, ' ');
