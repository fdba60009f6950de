import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newContext } from './lib/browser.ts';

const HEADERS = [
  'Chủ đề*',
  'Loại*',
  'Câu hỏi*',
  'Phương án A',
  'Phương án B',
  'Phương án C',
  'Phương án D',
  'Phương án E',
  'Phương án F',
  'Đáp án đúng*',
  'Giải thích',
  'Độ khó',
  'Thẻ',
];

async function questionSheet(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Câu hỏi');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const row = (category: string, text: string, correct: string) => [
  category,
  'Một lựa chọn',
  text,
  'Ngày 26/3/1930',
  'Ngày 26/3/1931',
  'Ngày 19/5/1931',
  '',
  '',
  '',
  correct,
  '',
  '2',
  'tuần 1',
];

/** The organiser's contest pages on a phone (360 px), against the demo organisation. */
describe('contest organiser journeys', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  async function provinceId(page: Page): Promise<string> {
    const me = await page.request.get('/api/auth/me');
    const body = (await me.json()) as { user: { grants: { unitId: string }[] } };
    return body.user.grants[0]!.unitId;
  }
  async function countQuestions(page: Page, unitId: string): Promise<number> {
    const res = await page.request.get(`/api/contest-bank/questions?unitId=${unitId}`);
    return ((await res.json()) as { items: unknown[] }).items.length;
  }

  it('imports a question sheet: two bad rows are both named and nothing lands; fixed, all land', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'tayninh', 'TayNinh@2025');
    const unitId = await provinceId(page);
    const created = await page.request.post('/api/contest-bank/categories', {
      data: { unitId, name: 'Lịch sử Đoàn' },
    });
    expect(created.status()).toBe(201);
    const before = await countQuestions(page, unitId);

    await page.goto('/ngan-hang-cau-hoi');
    await expect.poll(() => page.getByTestId('category-node').first().isVisible()).toBe(true);
    await page.getByTestId('open-question-import').click();
    const upload = async (buffer: Buffer) => {
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await page.locator('input[type=file]').setInputFiles({
        name: 'cau-hoi.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer,
      });
      await page.getByTestId('question-import-submit').click();
    };

    await upload(
      await questionSheet([
        row('Lịch sử Đoàn', 'Đoàn được thành lập năm nào?', 'B'),
        row('Lịch sử Đoàn', 'Ngày thành lập Đội?', ''), // row 3: no key
        row('Lịch sử Đoàn', 'Ngày thành lập Hội?', 'C'),
        row('Chủ đề không có', 'Câu hỏi chủ đề lạ?', 'A'), // row 5: unknown category
      ]),
    );
    const report = page.getByTestId('question-import-errors');
    await expect.poll(() => report.isVisible()).toBe(true);
    const text = await report.innerText();
    expect(text).toMatch(/\b3\b/);
    expect(text).toMatch(/\b5\b/);
    expect(text).toContain('Đáp án đúng*');
    expect(text).toContain('Chủ đề*');
    expect(await countQuestions(page, unitId)).toBe(before);

    await page.getByRole('button', { name: 'Sửa và tải lên lại' }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: 'cau-hoi.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await questionSheet([
        row('Lịch sử Đoàn', 'Đoàn được thành lập năm nào?', 'B'),
        row('Lịch sử Đoàn', 'Ngày thành lập Đội?', 'C'),
        row('Lịch sử Đoàn', 'Ngày thành lập Hội?', 'C'),
        row('lich su doan', 'Câu hỏi chủ đề lạ?', 'A'),
      ]),
    });
    await page.getByTestId('question-import-submit').click();
    const success = page.getByTestId('question-import-success');
    await expect.poll(() => success.isVisible()).toBe(true);
    expect(await success.innerText()).toContain('4');
    expect(await countQuestions(page, unitId)).toBe(before + 4);

    await page.getByRole('button', { name: 'Đóng' }).first().click();
    await expect.poll(() => page.getByTestId('question-card').count()).toBe(before + 4);
    // Usable at 360 px: nothing wider than the screen.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await context.close();
  });

  it('creates a contest with a weekly round, shows why it cannot be published yet, and lists it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'tayninh', 'TayNinh@2025');
    await page.goto('/cuoc-thi');
    await page.getByTestId('create-contest').click();
    await page.getByLabel('Tên cuộc thi').fill('Tuổi trẻ Tây Ninh tìm hiểu lịch sử Đoàn');
    const firstDay = page.getByLabel('Ngày mở vòng đầu');
    // Not Enter: in a form, Enter submits it.
    await firstDay.fill('17/06/2026');
    await firstDay.press('Escape');
    await firstDay.blur();
    await page.getByPlaceholder('Chủ đề tuần 1').fill('Lịch sử Đoàn');
    await page.getByTestId('generate-rounds').click();
    const pending = page.getByTestId('pending-round');
    await expect.poll(() => pending.count()).toBe(1);
    // Vietnam's wall clock: Wednesday 17/06 10:00 to the next Wednesday 09:00.
    expect(await pending.innerText()).toContain('17/06/2026 10:00');
    expect(await pending.innerText()).toContain('24/06/2026 09:00');
    await page.getByTestId('save-contest').click();

    await page.waitForURL(/\/cuoc-thi\/[0-9a-f-]{36}$/);
    const round = page.getByTestId('round').first();
    await expect.poll(() => round.isVisible()).toBe(true);
    expect(await round.innerText()).toContain('Lịch sử Đoàn');
    expect(await round.innerText()).toContain('17/06/2026 10:00');
    // No quota yet: the readiness problems are shown and publishing is not offered.
    const problems = page.getByTestId('readiness-problems');
    await expect.poll(() => problems.isVisible()).toBe(true);
    expect(await page.getByTestId('publish-contest').isDisabled()).toBe(true);
    let width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    await page.goto('/cuoc-thi');
    const card = page.getByTestId('contest-card').filter({ hasText: 'Tuổi trẻ Tây Ninh' });
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.innerText()).toContain('1 vòng');
    expect((await card.innerText()).toLowerCase()).toContain('bản nháp');
    width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await context.close();
  });

  it('closes a round that has ended as a background job, then shows its ranking', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'tayninh', 'TayNinh@2025');
    const unitId = await provinceId(page);
    const post = async (url: string, data: unknown) => {
      const res = await page.request.post(`/api${url}`, { data });
      expect(res.status(), url).toBeLessThan(300);
      return (await res.json()) as Record<string, { id: string }>;
    };
    const { category } = await post('/contest-bank/categories', { unitId, name: 'Pháp luật' });
    await post('/contest-bank/questions', {
      unitId,
      categoryId: category!.id,
      kind: 'single',
      text: 'Luật Thanh niên được ban hành năm nào?',
      options: [
        { text: '2020', correct: true },
        { text: '2005', correct: false },
      ],
    });
    const { contest } = await post('/contests', {
      unitId,
      title: 'Tìm hiểu Luật Thanh niên',
      timeLimitSeconds: 300,
      quotas: [{ categoryId: category!.id, count: 1 }],
    });
    // A round that has already ended, so it can be closed now.
    await post(`/contests/${contest!.id}/rounds`, {
      number: 1,
      opensAt: '2020-01-01T03:00:00.000Z',
      closesAt: '2020-01-08T02:00:00.000Z',
    });
    await post(`/contests/${contest!.id}/publish`, {});

    await page.goto(`/cuoc-thi/${contest!.id}`);
    const round = page.getByTestId('round').first();
    await expect.poll(() => round.isVisible()).toBe(true);
    await round.getByRole('button').first().click();
    await page.getByTestId('close-round').click();
    await page.getByTestId('confirm').click();
    await expect.poll(() => page.getByTestId('round-summary').isVisible()).toBe(true);
    expect(await page.getByTestId('round-summary').innerText()).toContain('0 người dự thi');
    await expect
      .poll(() => page.getByText('Không có người dự thi nào trong vòng này.').isVisible())
      .toBe(true);
    expect(await page.getByTestId('results-xlsx').getAttribute('href')).toContain('/results.xlsx');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await context.close();
  });
});
