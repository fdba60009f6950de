import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/kernel/db/client.ts';
import { applyMigrations } from '../server/kernel/db/migrate.ts';
import { issueCertificates } from '../server/modules/certificates/index.ts';
import { decodeQrOnPage } from '../server/modules/certificates/certificates.test-helpers.ts';
import { buildUnit } from '../server/test/factories.ts';
import { launchBrowser } from './lib/browser.ts';

// A busy 2-core machine can take seconds to load and render a page: poll patiently.
const SLOW = { timeout: 20_000, interval: 100 };

/**
 * The public verification page, on a phone, against a server of its own whose database holds a
 * certificate issued through the module (the shared e2e server has the demo data, no certificates).
 */
describe('certificate verification page', () => {
  let browser: Browser;
  let server: ChildProcess;
  let dataDir: string;
  let baseUrl: string;
  let code: string;
  let downloadPath: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuxanh-e2e-cert-'));
    const database = await openDatabase({ dataDir });
    await applyMigrations(database);
    const unit = await buildUnit(database.db, { name: 'Tỉnh đoàn Tây Ninh', kind: 'province' });
    const [issued] = await database.db.transaction((tx) =>
      issueCertificates(
        tx,
        {
          source: { kind: 'contest_round', id: 'e2e-round-1' },
          unitId: unit.id,
          title: 'Cuộc thi “Tuổi trẻ Tây Ninh tìm hiểu lịch sử Đoàn” – Tuần 1',
          issuedOn: '2026-11-20',
          place: 'Tây Ninh',
          holders: [{ ref: 'p-1', name: 'Nguyễn Văn An', result: 'Đạt giải Nhất' }],
        },
        { userId: null },
      ),
    );
    await database.close();
    code = issued!.code;
    downloadPath = issued!.downloadPath;

    const port = 3900 + Math.floor(Math.random() * 90);
    baseUrl = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['server/main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: '',
        DATA_DIR: dataDir,
        DEMO: 'false',
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: baseUrl,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
      const up = await fetch(`${baseUrl}/api/auth/me`).then(
        (res) => res.status === 401,
        () => false,
      );
      if (up) break;
      if (Date.now() > deadline) throw new Error('server did not start in 90 s');
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function phone(): Promise<BrowserContext> {
    return browser.newContext({
      baseURL: baseUrl,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 360, height: 740 },
    });
  }

  it('shows a valid certificate with the masked name, loading none of the admin pages', async () => {
    const context = await phone();
    const page = await context.newPage();
    const scripts: string[] = [];
    const bodies: string[] = [];
    let scriptBytes = 0;
    page.on('response', (response) => {
      const url = response.url();
      if (url.endsWith('.js')) {
        scripts.push(path.basename(new URL(url).pathname));
        void response.body().then((body) => (scriptBytes += body.length));
      }
      if (url.includes('/api/')) void response.text().then((text) => bodies.push(text));
    });

    await page.goto(`/xac-thuc/${code}`);
    const valid = page.getByTestId('verify-valid');
    await expect.poll(() => valid.isVisible(), SLOW).toBe(true);
    expect(await page.getByText('Giấy chứng nhận hợp lệ').isVisible()).toBe(true);
    expect(await page.getByTestId('verify-holder').textContent()).toBe('Nguyễn V. A.');
    expect(await page.getByTestId('verify-title').textContent()).toBe(
      'Cuộc thi “Tuổi trẻ Tây Ninh tìm hiểu lịch sử Đoàn” – Tuần 1',
    );
    expect(await page.getByTestId('verify-date').textContent()).toBe('20/11/2026');

    // Public and light: no session check, no admin page chunk, the full name in no response.
    expect(scripts.some((s) => s.startsWith('verify-page-'))).toBe(true);
    expect(scripts.filter((s) => /^(unit-|people|import-|login-|password-)/.test(s))).toEqual([]);
    expect(bodies.join('\n')).not.toContain('Văn An');
    expect(bodies.join('\n')).not.toContain('"error"');
    console.log(`verification page: ${scripts.length} scripts, ${scriptBytes} bytes of JS`);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/verify-valid-phone.png', fullPage: true });
    await context.close();
  });

  it('says clearly when a code is unknown or malformed, and checks another typed code', async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto('/xac-thuc/0000-0000-0000');
    const missing = page.getByTestId('verify-not-found');
    await expect.poll(() => missing.isVisible(), SLOW).toBe(true);
    expect(await missing.textContent()).toContain('Không tìm thấy giấy chứng nhận');

    await page.goto('/xac-thuc/khong-phai-ma');
    await expect.poll(() => page.getByText('Mã không đúng định dạng').isVisible(), SLOW).toBe(true);

    // Typed as it is printed, in lower case with dashes.
    await page
      .getByLabel('Nhập mã in trên giấy chứng nhận')
      .fill(code.toLowerCase().replace(/(.{4})(?=.)/g, '$1-'));
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await expect.poll(() => page.getByTestId('verify-valid').isVisible(), SLOW).toBe(true);
    await context.close();
  });

  it('downloads the holder’s PDF, whose QR code opens the page that verifies it', async () => {
    const response = await fetch(`${baseUrl}${downloadPath}`);
    expect(response.status).toBe(200);
    const pdf = Buffer.from(await response.arrayBuffer());
    const address = await decodeQrOnPage(pdf);
    expect(address).toBe(`${baseUrl}/xac-thuc/${code}`);

    const context = await phone();
    const page = await context.newPage();
    await page.goto(address!);
    await expect.poll(() => page.getByTestId('verify-valid').isVisible(), SLOW).toBe(true);
    expect(await page.getByTestId('verify-holder').textContent()).toBe('Nguyễn V. A.');
    await context.close();
  });
});
