import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newContext } from './lib/browser.ts';

/** Journeys of the foundation issue, on a phone-sized screen, against the demo organisation. */
describe('foundation journeys', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  async function setAsOf(page: Page, ddmmyyyy: string): Promise<void> {
    const input = page.getByLabel('Xem cơ cấu tại ngày');
    await input.fill(ddmmyyyy);
    await input.press('Enter');
    await input.blur();
  }

  it('logs in, opens a province, and sees the merged provinces change with the as-of date', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'admin', 'PhuXanh@2025');
    await page.waitForURL('**/don-vi**');

    const central = page.getByTestId('unit-node-TWD');
    await expect.poll(() => central.isVisible()).toBe(true);

    await setAsOf(page, '30/06/2025');
    await expect.poll(() => page.url()).toContain('ngay=2025-06-30');
    await central.getByRole('button', { expanded: false }).first().click();
    await expect.poll(() => page.getByTestId('unit-node-LAN').isVisible()).toBe(true);
    expect(await page.getByTestId('unit-node-TNI').isVisible()).toBe(true);
    expect(await page.getByTestId('unit-node-TNI-2025').count()).toBe(0);

    await setAsOf(page, '01/07/2025');
    await expect.poll(() => page.url()).toContain('ngay=2025-07-01');
    await expect.poll(() => page.getByTestId('unit-node-TNI-2025').isVisible()).toBe(true);
    expect(await page.getByTestId('unit-node-LAN').count()).toBe(0);
    expect(await page.getByTestId('unit-node-TNI').count()).toBe(0);

    // Open the merged province: its page lists the units it took over from both predecessors.
    await page.getByTestId('unit-node-TNI-2025').getByRole('link').first().click();
    await page.waitForURL('**/don-vi/**');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Tỉnh đoàn Tây Ninh' }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText('Huyện đoàn Đức Hòa').first().isVisible()).toBe(true);
    expect(await page.getByText('Huyện đoàn Gò Dầu').first().isVisible()).toBe(true);

    // Nothing on the page is wider than the phone.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  async function peopleSheet(rows: (string | number)[][]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow([
      'Họ và tên*',
      'Mã đơn vị*',
      'Đối tượng*',
      'Giới tính',
      'Ngày sinh',
      'Ngày vào Đoàn',
      'Chuyên trách',
      'Số điện thoại',
      'Số CCCD',
      'Email',
    ]);
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async function countPeople(page: Page, q: string): Promise<number> {
    const res = await page.request.get(`/api/people?q=${encodeURIComponent(q)}&pageSize=100`);
    expect(res.status()).toBe(200);
    return ((await res.json()) as { items: unknown[] }).items.length;
  }

  it('rejects a sheet with two bad rows without importing anything, then imports the fixed sheet', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'hanoi', 'HaNoi@2025');
    const good1 = [
      'Lương Thị Ánh Tuyết',
      'HNI-LB-BD',
      'Đoàn viên',
      'Nữ',
      '12/03/2001',
      '26/03/2018',
      '',
      '0987000111',
      '',
      '',
    ];
    const good2 = [
      'Tạ Quang Vinh',
      'HNI-CVA',
      'Thanh niên',
      'Nam',
      '05/11/1998',
      '',
      '',
      '0987000222',
      '',
      '',
    ];
    const badDate = [
      'Đinh Văn Khải',
      'HNI-LB-VH',
      'Đoàn viên',
      'Nam',
      '31/02/2002',
      '',
      '',
      '0987000333',
      '',
      '',
    ];
    const outOfScope = [
      'Mai Thu Trang',
      'TNI-2025',
      'Đoàn viên',
      'Nữ',
      '01/01/2000',
      '',
      '',
      '0987000444',
      '',
      '',
    ];
    expect(await countPeople(page, 'luong thi anh tuyet')).toBe(0);

    await page.goto('/nguoi/nhap');
    const upload = async (buffer: Buffer) => {
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await page.locator('input[type=file]').setInputFiles({
        name: 'danh-sach.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer,
      });
      await page.getByRole('button', { name: 'Tải lên và nhập' }).click();
    };

    await upload(await peopleSheet([good1, badDate, good2, outOfScope]));
    const report = page.getByTestId('import-errors');
    await expect.poll(() => report.isVisible()).toBe(true);
    const reportText = await report.innerText();
    expect(reportText).toMatch(/\b3\b/); // the bad date is on Excel row 3
    expect(reportText).toMatch(/\b5\b/); // the out-of-scope unit is on Excel row 5
    expect(reportText).toContain('Ngày sinh');
    expect(reportText).toContain('Mã đơn vị');
    expect(await countPeople(page, 'luong thi anh tuyet')).toBe(0);
    expect(await countPeople(page, 'ta quang vinh')).toBe(0);

    const fixedDate = [...badDate];
    fixedDate[4] = '28/02/2002';
    const fixedUnit = [...outOfScope];
    fixedUnit[1] = 'HNI-LB-PL';
    await page.goto('/nguoi/nhap');
    await upload(await peopleSheet([good1, fixedDate, good2, fixedUnit]));
    await expect.poll(() => page.getByTestId('import-success').isVisible()).toBe(true);
    expect(await page.getByTestId('import-success').innerText()).toContain('4');

    // The people appear in the list, found without diacritics.
    await page.goto('/nguoi?q=luong%20thi%20anh%20tuyet');
    await expect.poll(() => page.getByText('Lương Thị Ánh Tuyết').first().isVisible()).toBe(true);
    expect(await countPeople(page, 'dinh van khai')).toBe(1);
    await context.close();
  });

  it('shows a not-found page to a viewer who opens a unit of another subtree', async () => {
    const adminContext = await newContext(browser);
    const adminPage = await adminContext.newPage();
    await login(adminPage, 'admin', 'PhuXanh@2025');
    const search = await adminPage.request.get('/api/units/search?q=tinh doan tay ninh');
    const tayNinh = ((await search.json()) as { items: { id: string; code: string }[] }).items.find(
      (u) => u.code === 'TNI-2025',
    )!;
    await adminContext.close();

    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'bode', 'BoDe@2025!');
    await page.goto(`/don-vi/${tayNinh.id}`);
    await expect.poll(() => page.getByTestId('not-found').isVisible()).toBe(true);
    expect(await page.getByText('Tỉnh đoàn Tây Ninh').count()).toBe(0);
    const api = await page.request.get(`/api/units/${tayNinh.id}`);
    expect(api.status()).toBe(404);
    await context.close();
  });
});
