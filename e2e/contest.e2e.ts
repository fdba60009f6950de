import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryScripts, readManifest } from '../bench/lib/manifest.ts';
import { decodeQrOnPage } from '../server/modules/certificates/certificates.test-helpers.ts';
import { pub, registerParticipant } from '../server/modules/contests/contests.test-helpers.ts';
import { call, ok } from '../server/test/api.ts';
import { currentInstant } from '../server/kernel/deps.ts';
import { launchBrowser } from './lib/browser.ts';
import type { ClockedServer } from './lib/contest-server.ts';
import { startClockedServer } from './lib/contest-server.ts';
import type { ContestWorld } from './lib/contest-world.ts';
import {
  CONTEST_TITLE,
  SECRET_EXPLANATION,
  answersByText,
  seedContestWorld,
} from './lib/contest-world.ts';

const SLOW = { timeout: 20_000, interval: 100 };
const TRUE_COUNT = 4; // three seeded participants and the phone's second attempt get all right

/** Participants seeded through the public API: right answers, prediction, seconds taken. */
const SEEDED = [
  { name: 'Nguyễn Văn An', phone: '0912000001', right: 3, prediction: TRUE_COUNT, seconds: 40 },
  { name: 'Trần Thị Bình', phone: '0912000002', right: 3, prediction: TRUE_COUNT, seconds: 20 },
  {
    name: 'Lê Hoàng Cường',
    phone: '0912000003',
    right: 3,
    prediction: TRUE_COUNT + 3,
    seconds: 10,
  },
  { name: 'Phạm Minh Dũng', phone: '0912000004', right: 2, prediction: TRUE_COUNT, seconds: 5 },
];

type Seen = { url: string; type: string; body: string };

/**
 * The public contest page on a phone (360 × 740), against a server in this process whose clock
 * the test moves: register, take the quiz (with a reload mid-attempt), improve with a second
 * attempt, then — after the round closes — the ranked, masked results and the certificate
 * whose QR code verifies. Every response body is checked for the answer key.
 */
describe('public contest page', () => {
  let server: ClockedServer;
  let world: ContestWorld;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const seen: Seen[] = [];
  const pending: Promise<unknown>[] = [];

  beforeAll(async () => {
    const startedAt = Date.now();
    server = await startClockedServer({ contestPowBits: 12, contestRateLimit: 10_000 });
    world = await seedContestWorld(server);
    for (const [i, p] of SEEDED.entries()) {
      const start = Date.parse('2026-11-23T01:00:00.000Z') + i * 3600_000;
      server.setClock(new Date(start).toISOString());
      const { cookie } = await registerParticipant(server, world.contestId, {
        fullName: p.name,
        phone: p.phone,
      });
      const attempt = (await pub(server, 'POST', `/${world.contestId}/attempts`, cookie)).body
        .attempt;
      server.setClock(new Date(start + p.seconds * 1000).toISOString());
      const done = await pub(
        server,
        'POST',
        `/${world.contestId}/attempts/${attempt.id}/submit`,
        cookie,
        {
          answers: answersByText(world, attempt, p.right),
          prediction: p.prediction,
        },
      );
      expect(done.body.attempt.result.score).toBe(p.right);
    }
    server.setClock('2026-11-24T02:00:00.000Z');
    console.log(
      `contest journey: server up and ${SEEDED.length} seeded in ${Date.now() - startedAt} ms`,
    );
    browser = await launchBrowser();
    context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 360, height: 740 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (type.includes('pdf') || response.status() === 204) return;
      // In arrival order; the body is filled in when read.
      const entry: Seen = { url: response.url(), type, body: '' };
      seen.push(entry);
      pending.push(
        response.text().then(
          (body) => (entry.body = body),
          () => undefined, // a redirect or a download has no body to read
        ),
      );
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Answers the question on screen, right or wrong, as the seeding side knows the key. */
  async function answer(right: boolean) {
    const text = await page.locator('.cp-question-text').textContent();
    const seeded = world.questions.find((q) => q.text === text)!;
    const role = seeded.kind === 'multiple' ? 'checkbox' : 'radio';
    for (const option of right ? seeded.right : seeded.wrong.slice(0, 1)) {
      await page.getByRole(role, { name: option, exact: true }).check();
    }
    await expect
      .poll(() => page.getByTestId('save-state').textContent(), SLOW)
      .toBe('Đã lưu câu trả lời');
  }

  async function takeAttempt(rights: boolean[], prediction: string, reloadAfter?: number) {
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    for (const [i, right] of rights.entries()) {
      await expect.poll(() => page.getByTestId('question').isVisible(), SLOW).toBe(true);
      expect(await page.locator('legend').textContent()).toContain(`Câu ${i + 1}/3`);
      if (i === 0 && reloadAfter !== undefined) {
        await page.screenshot({ path: 'test-results/contest-question-phone.png' });
      }
      await answer(right);
      if (i === reloadAfter) {
        // Mid-attempt reload, 90 s later by the server's clock: the page resumes the attempt at
        // the first unanswered question, counting down to the deadline set at the start.
        server.setClock(new Date(currentInstant(server.deps).getTime() + 90_000).toISOString());
        await page.reload();
        await expect
          .poll(() => page.locator('legend').textContent(), SLOW)
          .toContain(`Câu ${i + 2}/3`);
        expect(await page.locator('.cp-dot-done').count()).toBe(i + 1);
        expect(await page.getByTestId('countdown').textContent()).toMatch(/^0[0-3]:\d\d$/);
        continue;
      }
      await page
        .getByRole('button', { name: i === rights.length - 1 ? 'Nộp bài' : 'Câu tiếp' })
        .click();
    }
    await page.getByLabel(/Câu hỏi dự đoán/).fill(prediction);
    await page.getByRole('button', { name: 'Xác nhận nộp bài' }).click();
    await expect.poll(() => page.getByTestId('score').isVisible(), SLOW).toBe(true);
    const score = await page.getByTestId('score').textContent();
    await page.getByRole('button', { name: 'Quay lại cuộc thi' }).click();
    await expect.poll(() => page.getByTestId('standing').isVisible(), SLOW).toBe(true);
    return score;
  }

  it('registers, takes two attempts (one resumed after a reload) and keeps the best', async () => {
    await page.goto(`/thi/${world.contestId}`);
    await expect
      .poll(() => page.getByTestId('contest-title').textContent(), SLOW)
      .toBe(CONTEST_TITLE);
    expect(await page.getByTestId('round-1').textContent()).toContain(
      '22/11/2026 07:00 – 29/11/2026 07:00',
    );
    expect(await page.getByTestId('round-1').textContent()).toContain('Đang mở');
    expect(await page.getByTestId('round-2').textContent()).toContain('Sắp mở');

    // The JavaScript of this page is exactly its own entry: no Mantine, no admin chunk.
    await Promise.all(pending);
    const loaded = seen
      .filter((s) => s.url.endsWith('.js'))
      .map((s) => new URL(s.url).pathname.slice(1));
    expect(new Set(loaded)).toEqual(new Set(entryScripts(readManifest(), 'thi.html')));

    await page.getByLabel('Họ và tên').fill('Hoàng Thị Mai');
    await page.getByLabel('Số điện thoại').fill(SEEDED[0]!.phone);
    await page.getByLabel('Năm sinh').fill('2005');
    await page.getByLabel(/^Đơn vị/).fill('xa an');
    await page.getByRole('button', { name: new RegExp(world.unitName) }).click();
    expect(await page.getByTestId('unit-picked').textContent()).toContain(world.unitName);
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('register-error').textContent(), SLOW)
      .toContain('Số điện thoại này đã đăng ký tham gia cuộc thi');
    await page.getByLabel('Số điện thoại').fill('+84 912 000 099');
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('standing').textContent(), SLOW)
      .toContain('Xin chào, Hoàng Thị Mai');
    expect(await page.getByTestId('attempts-left').textContent()).toBe(
      'Còn 2 lượt thi trong vòng này',
    );

    expect(await takeAttempt([true, false, false], '10', 1)).toBe('Điểm: 1/3 (1/3 câu đúng)');
    expect(await page.getByTestId('best-result').textContent()).toMatch(
      /^Kết quả tốt nhất: 1\/3 điểm/,
    );
    expect(await page.getByTestId('attempts-left').textContent()).toBe(
      'Còn 1 lượt thi trong vòng này',
    );
    expect(await takeAttempt([true, true, true], '10')).toBe('Điểm: 3/3 (3/3 câu đúng)');
    expect(await page.getByTestId('best-result').textContent()).toMatch(
      /^Kết quả tốt nhất: 3\/3 điểm/,
    );
    expect(await page.getByTestId('attempts-left').textContent()).toBe(
      'Bạn đã dùng hết lượt thi của vòng này.',
    );

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    fs.mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/contest-standing-phone.png', fullPage: true });
  });

  it('never sends the key: no correctness field, no explanation, key ids only as options', async () => {
    await Promise.all(pending);
    const api = seen.filter((s) => s.url.includes('/api/'));
    expect(api.length).toBeGreaterThan(10);
    const key = new Set(world.keyOptionIds);
    for (const response of seen)
      expect(response.body, response.url).not.toContain(SECRET_EXPLANATION);
    for (const response of api) {
      // A key option id may appear only as an option on screen or as the participant's own choice.
      const walk = (value: unknown, at: string): void => {
        if (typeof value === 'string' && key.has(value)) {
          expect(at, response.url).toMatch(
            /^attempt\.(questions\.\d+\.options\.\d+\.id|answers\.\d+\.optionIds\.\d+)$/,
          );
        } else if (value && typeof value === 'object') {
          for (const [k, v] of Object.entries(value)) {
            // No correctness field of any kind (correctCount is the score, shown after submit).
            expect(k, response.url).not.toMatch(/correct(?!Count)|^review$|explanation|^key/i);
            walk(v, at ? `${at}.${k}` : k);
          }
        }
      };
      if (response.body) walk(JSON.parse(response.body), '');
    }
    // Scores appear only once the policy allows: after a submission (score_after_submit).
    const firstSubmit = api.findIndex((r) => r.url.endsWith('/submit'));
    expect(firstSubmit).toBeGreaterThan(0);
    expect(api.slice(0, firstSubmit).filter((r) => /"score"|"result"/.test(r.body))).toEqual([]);
  });

  it('after the close: ranked, masked results and a certificate whose QR code verifies', async () => {
    server.setClock('2026-11-29T00:00:05.000Z');
    const round = world.rounds[0]!;
    ok(
      await call(
        server,
        'POST',
        `/contests/${world.contestId}/rounds/${round}/close`,
        world.editorCookie,
      ),
      202,
    );
    await server.runJobs();
    const issue = await call(
      server,
      'POST',
      `/contests/${world.contestId}/rounds/${round}/certificates`,
      world.editorCookie,
      {
        scope: 'all',
        issuedOn: '2026-11-29',
        place: 'Tây Ninh',
      },
    );
    expect(ok(issue, 202).holders).toBe(5);
    await server.runJobs();

    await page.goto(`/thi/${world.contestId}`);
    await expect
      .poll(() => page.getByTestId('round-1').textContent(), SLOW)
      .toContain('Đã tổng kết');
    await page.getByRole('button', { name: 'Xem kết quả' }).click();
    await expect.poll(() => page.getByTestId('result-row').count(), SLOW).toBe(5);
    // Score, then distance of the prediction to the true count, then time taken.
    expect(await page.getByTestId('result-name').allTextContents()).toEqual([
      'Trần T. B.',
      'Nguyễn V. A.',
      'Lê H. C.',
      'Hoàng T. M.',
      'Phạm M. D.',
    ]);
    expect(await page.getByText(`Số người trả lời đúng tất cả: ${TRUE_COUNT}`).isVisible()).toBe(
      true,
    );
    const rows = await page.getByTestId('result-row').allTextContents();
    expect(rows[0]).toMatch(/09xx x+ \d{3}/);
    expect(rows[0]).toContain('Nhất');
    await Promise.all(pending);
    const results = seen.filter((s) => s.url.includes('/results'));
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.body).not.toContain('Hoàng Thị Mai');
      expect(r.body).not.toContain(SEEDED[1]!.phone);
    }

    await page.getByRole('button', { name: /Quay lại cuộc thi/ }).click();
    const link = page.getByRole('link', { name: 'Tải giấy chứng nhận vòng 1 (PDF)' });
    await expect.poll(() => link.isVisible(), SLOW).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const pdf = fs.readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const address = await decodeQrOnPage(pdf);
    expect(address).toMatch(new RegExp(`^${server.baseUrl}/xac-thuc/[0-9A-Z]+$`));
    await page.goto(address!);
    await expect.poll(() => page.getByTestId('verify-valid').isVisible(), SLOW).toBe(true);
    expect(await page.getByTestId('verify-holder').textContent()).toBe('Hoàng T. M.');
    expect(await page.getByTestId('verify-title').textContent()).toContain(CONTEST_TITLE);
    await page.screenshot({ path: path.join('test-results', 'contest-certificate-verified.png') });
  });
});
