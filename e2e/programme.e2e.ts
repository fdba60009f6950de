import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, login, newContext } from './lib/browser.ts';
import { E2E_TODAY } from './lib/server.ts';

/**
 * The programme backbone's journey (issue 3), on phone-sized screens, on the demo organisation
 * with today pinned to 15/06/2026: the central level issues a plan modelled on seed 001; Tây
 * Ninh implements it (seed 000), raising a target and failing to lower one; a grassroots union
 * records a training, then corrects its participants; the province's dashboard shows it at once;
 * the province enters a figure by hand and its dashboard follows; the grassroots six-month report
 * goes in late; the province's consolidated report waits for its children, then goes; its DOCX
 * (through LibreOffice) and XLSX carry the indicator table.
 */

const CENTRAL_NUMBER = '75-KH/TWĐTN-BTG';
const PROVINCE_NUMBER = '25-KH/TĐTN-BTG';
const CENTRAL_TITLE =
  'Kế hoạch thực hiện Chương trình “Giáo dục lý tưởng cách mạng, đạo đức, lối sống văn hoá cho thanh niên, thiếu niên, nhi đồng trên không gian mạng” giai đoạn 2025 – 2026';
const TRAINING_LABEL =
  'Tổ chức ít nhất 03 lớp tập huấn kỹ năng sử dụng mạng xã hội an toàn, tích cực';
const GRASSROOTS = { username: 'phuocdong', password: 'PhuocDong@2026' };

describe('programme journey', () => {
  let browser: Browser;
  let work: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'phuxanh-programme-'));
    await createGrassrootsAccount();
  });
  afterAll(async () => {
    await browser.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  /** Test setup through the API: an editor account for Đoàn xã Phước Đông. */
  async function createGrassrootsAccount(): Promise<void> {
    const base = inject('baseUrl');
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'PhuXanh@2025' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const search = await fetch(`${base}/api/units/search?q=${encodeURIComponent('Phước Đông')}`, {
      headers: { cookie },
    });
    const unit = ((await search.json()) as { items: { id: string; code: string }[] }).items.find(
      (u) => u.code === 'TNI-GD-PD',
    )!;
    const created = await fetch(`${base}/api/users`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        ...GRASSROOTS,
        displayName: 'Bí thư Đoàn xã Phước Đông',
        grants: [{ unitId: unit.id, role: 'editor' }],
      }),
    });
    expect(created.status).toBe(201);
  }

  /** A phone-sized context whose clock reads the server's pinned day. */
  async function session(username: string, password: string): Promise<[BrowserContext, Page]> {
    // Reduced motion: modals and dropdowns open at once (the app honours the preference).
    const context = await newContext(browser, true, { reducedMotion: 'reduce' });
    await context.clock.install({ time: new Date(`${E2E_TODAY}T09:00:00+07:00`) });
    const page = await context.newPage();
    await login(page, username, password);
    return [context, page];
  }

  /** Polls (no fixed sleeps) for up to 10 s: pages wait for the network. */
  const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });
  const visible = (locator: Locator) => poll(() => locator.isVisible()).toBe(true);

  /** A Mantine Select: open it, type to filter, click the option. */
  async function pick(page: Page, input: Locator, option: string | RegExp, search?: string) {
    await input.click();
    if (search) await input.fill(search);
    const choice = page.getByRole('option', { name: option }).first();
    await visible(choice);
    await choice.click();
  }

  async function typeDate(input: Locator, ddmmyyyy: string) {
    // Not Enter: inside a form it would submit it.
    await input.fill(ddmmyyyy);
    await input.blur();
  }

  async function openTargetForm(page: Page, trigger: Locator) {
    await trigger.click();
    const form = page.getByTestId('target-form');
    await visible(form);
    return form;
  }

  async function saveTarget(page: Page) {
    const form = page.getByTestId('target-form');
    await form.getByTestId('target-save').click();
    await poll(() => form.count()).toBe(0);
  }

  async function noSidewaysScroll(page: Page) {
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  }

  async function dashboardCard(page: Page, indicator: string, plan: string): Promise<Locator> {
    await page.goto('/tong-quan');
    const card = page.locator(
      `[data-testid="dashboard-target"][data-indicator="${indicator}"][data-plan="${plan}"]`,
    );
    await visible(card);
    return card;
  }

  it('runs from the central plan to the consolidated report and its documents', async () => {
    const started = Date.now();
    const mark = (step: string) =>
      console.log(`${step}: ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // ---- 1. Trung ương Đoàn issues its plan with seed 001's targets ----
    const [central, cpage] = await session('admin', 'PhuXanh@2025');
    await cpage.goto('/ke-hoach');
    await cpage.getByRole('link', { name: 'Tạo kế hoạch' }).click();
    const planForm = cpage.getByTestId('plan-form');
    await visible(planForm);
    await planForm.getByLabel('Số, ký hiệu').fill(CENTRAL_NUMBER);
    await planForm.getByLabel('Trích yếu').fill(CENTRAL_TITLE);
    await typeDate(planForm.getByLabel('Ngày ban hành'), '12/01/2025');
    await planForm.getByLabel('Từ năm').fill('2025');
    await planForm.getByLabel('Đến năm').fill('2026');
    await planForm
      .getByLabel('Mục đích, yêu cầu')
      .fill(
        'Tổ chức quán triệt, tuyên truyền để các cấp bộ đoàn, đoàn viên, thanh thiếu nhi nắm chắc các nội dung của Quyết định 311.\n- Có lộ trình, tiến độ cụ thể, có đánh giá, kiểm tra từng năm.',
      );
    await planForm.getByTestId('plan-save').click();
    await cpage.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}$/);
    await visible(cpage.getByTestId('plan-number').getByText(CENTRAL_NUMBER));

    let form = await openTargetForm(cpage, cpage.getByTestId('add-target'));
    await pick(cpage, form.getByLabel('Chỉ số'), /Quy tắc ứng xử/, 'Quy tắc ứng xử');
    await pick(cpage, form.getByLabel('Đối tượng'), 'Cán bộ');
    await form.getByTestId('target-value').fill('90');
    await form.getByText('Đến hạn').click();
    await typeDate(form.getByLabel('Hạn hoàn thành'), '31/12/2025');
    await pick(cpage, form.getByLabel('Giao cho'), 'Từng đơn vị trực thuộc');
    await form
      .getByLabel('Nội dung chỉ tiêu')
      .fill(
        'Trên 90% cán bộ đoàn được tuyên truyền và tích cực thực hiện Quy tắc ứng xử trên mạng xã hội',
      );
    await saveTarget(cpage);

    form = await openTargetForm(cpage, cpage.getByTestId('add-target'));
    await pick(cpage, form.getByLabel('Chỉ số'), /^Số trào lưu/, 'trào lưu');
    await form.getByTestId('target-value').fill('2');
    await form.getByLabel('Kỳ', { exact: true }).fill('2026');
    await pick(cpage, form.getByLabel('Giao cho'), 'Từng đơn vị cấp dưới theo loại');
    await pick(cpage, form.getByLabel('Loại đơn vị'), 'Tỉnh, thành');
    await form
      .getByLabel('Nội dung chỉ tiêu')
      .fill('Đoàn cấp tỉnh mỗi năm tổ chức ít nhất 02 trào lưu trên không gian mạng');
    await saveTarget(cpage);
    await poll(() => cpage.getByTestId('target-row').count()).toBe(2);

    await cpage.getByTestId('issue-plan').click();
    await cpage.getByTestId('confirm').click();
    await visible(cpage.getByTestId('plan-status').getByText('Đã ban hành'));
    await central.close();

    mark('2. Tỉnh đoàn');
    // ---- 2. Tỉnh đoàn Tây Ninh implements it (seed 000) ----
    const [province, ppage] = await session('tayninh', 'TayNinh@2025');
    await ppage.goto('/ke-hoach?xem=cap-tren');
    const parentCard = ppage.getByTestId('plan-card').filter({ hasText: CENTRAL_NUMBER });
    await visible(parentCard);
    await parentCard.getByTestId('implement-plan').click();
    const provinceForm = ppage.getByTestId('plan-form');
    await visible(provinceForm);
    // Pre-filled from the plan above: its title and period; its targets come with the draft.
    expect(await provinceForm.getByLabel('Trích yếu').inputValue()).toContain(
      'Giáo dục lý tưởng cách mạng',
    );
    await provinceForm.getByLabel('Số, ký hiệu').fill(PROVINCE_NUMBER);
    await provinceForm
      .getByLabel('Trích yếu')
      .fill(
        'Kế hoạch thực hiện Chương trình “Tuổi trẻ Tây Ninh tham gia xây dựng, bảo vệ biên cương văn hóa tư tưởng trên không gian mạng” giai đoạn 2025 – 2026',
      );
    await typeDate(provinceForm.getByLabel('Ngày ban hành'), '03/02/2026');
    await provinceForm.getByTestId('plan-save').click();
    await ppage.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}$/);
    await poll(() => ppage.getByTestId('target-row').count()).toBe(2);
    const derived = ppage.getByTestId('target-row').filter({ hasText: 'Quy tắc ứng xử' });
    await visible(derived.getByText('Cụ thể hóa chỉ tiêu cấp trên'));

    // Stricter than the 90% set above: accepted.
    form = await openTargetForm(ppage, derived.getByTestId('edit-target'));
    await form.getByTestId('target-value').fill('95');
    await saveTarget(ppage);
    await visible(derived.getByTestId('target-requirement').getByText('Ít nhất 95%'));

    // Looser: rejected with the server's message, nothing changed.
    form = await openTargetForm(ppage, derived.getByTestId('edit-target'));
    await form.getByTestId('target-value').fill('85');
    await form.getByTestId('target-save').click();
    const rejected = form.getByTestId('form-error');
    await visible(rejected);
    expect(await rejected.textContent()).toContain(
      'Chỉ tiêu không được thấp hơn chỉ tiêu cấp trên (cấp trên giao: ít nhất 90%)',
    );
    await form.getByRole('button', { name: 'Hủy' }).click();
    await poll(() => form.count()).toBe(0);
    await visible(derived.getByTestId('target-requirement').getByText('Ít nhất 95%'));

    // The province's own target, its six-month report from the grassroots unions, then issue.
    form = await openTargetForm(ppage, ppage.getByTestId('add-target'));
    await pick(ppage, form.getByLabel('Chỉ số'), /^Số lớp tập huấn/, 'lớp tập huấn');
    await form.getByTestId('target-value').fill('3');
    await form.getByLabel('Kỳ', { exact: true }).fill('2026');
    await form.getByLabel('Nội dung chỉ tiêu').fill(TRAINING_LABEL);
    await saveTarget(ppage);
    await poll(() => ppage.getByTestId('target-row').count()).toBe(3);

    await ppage.getByTestId('add-report-type').click();
    const typeForm = ppage.getByTestId('report-type-form');
    await visible(typeForm);
    // A MultiSelect's field sits under its pills box, which takes the click.
    await typeForm.locator('.mantine-MultiSelect-input').click();
    const grassrootsKind = ppage.getByRole('option', { name: 'Cơ sở' });
    await visible(grassrootsKind);
    await grassrootsKind.click();
    await typeForm.getByLabel('Tên (không bắt buộc)').click();
    await typeForm.getByTestId('report-type-save').click();
    await poll(() => typeForm.count()).toBe(0);
    await visible(ppage.getByTestId('report-type').getByText(/trước ngày 25\/4 hằng năm/));

    await ppage.getByTestId('issue-plan').click();
    await ppage.getByTestId('confirm').click();
    await visible(ppage.getByTestId('plan-status').getByText('Đã ban hành'));
    await noSidewaysScroll(ppage);

    // Before the training: 1 class (the demo's, in March) of 3, behind the year's pace.
    let card = await dashboardCard(ppage, 'cyber_trainings_held', PROVINCE_NUMBER);
    await visible(card.getByTestId('target-actual').getByText('Đạt: 1 lớp'));
    await visible(card.getByTestId('target-status').getByText('Có nguy cơ không đạt'));

    mark('3. Đoàn xã');
    // ---- 3. Đoàn xã Phước Đông records a training with its participants ----
    const [grassroots, gpage] = await session(GRASSROOTS.username, GRASSROOTS.password);
    await gpage.goto('/hoat-dong');
    await gpage.getByTestId('record-activity').click();
    const activity = gpage.getByTestId('activity-form');
    await visible(activity);
    await activity
      .getByLabel('Tên hoạt động')
      .fill('Tập huấn kỹ năng sử dụng mạng xã hội an toàn cho cán bộ, đoàn viên xã Phước Đông');
    await typeDate(activity.getByLabel('Ngày tổ chức'), '10/06/2026');
    await activity.getByTestId('participant-group').first().getByLabel('Số người').fill('12');
    await activity.getByTestId('add-participant-group').click();
    await activity.getByTestId('participant-group').nth(1).getByLabel('Số người').fill('30');
    await visible(activity.getByTestId('participant-total').getByText('Tổng: 42 người'));
    await activity
      .getByLabel('Đường dẫn minh chứng')
      .fill('https://www.facebook.com/doanxaphuocdong/posts/tap-huan-2026');
    await activity.getByTestId('activity-save').click();
    await gpage.waitForURL('**/hoat-dong?**');
    const recorded = gpage.getByTestId('activity-card').filter({ hasText: 'xã Phước Đông' });
    await visible(recorded);
    expect(await recorded.textContent()).toContain('42 người');
    await noSidewaysScroll(gpage);

    // ... then corrects the members' count: the form comes prefilled, the list shows the new total.
    await recorded.getByTestId('edit-activity').click();
    await gpage.waitForURL(/\/hoat-dong\/[0-9a-f-]{36}\/sua$/);
    const editForm = gpage.getByTestId('activity-form');
    await visible(editForm);
    const members = editForm.getByTestId('participant-group').nth(1).getByLabel('Số người');
    await poll(() => members.inputValue()).toBe('30');
    await members.fill('50');
    await visible(editForm.getByTestId('participant-total').getByText('Tổng: 62 người'));
    await noSidewaysScroll(gpage);
    await editForm.getByTestId('activity-save').click();
    await gpage.waitForURL('**/hoat-dong?**');
    await visible(recorded);
    await poll(async () => (await recorded.textContent()) ?? '').toContain('62 người');

    mark('4. The province');
    // ---- 4. The province's dashboard shows it at the next request ----
    card = await dashboardCard(ppage, 'cyber_trainings_held', PROVINCE_NUMBER);
    await visible(card.getByTestId('target-actual').getByText('Đạt: 2 lớp'));
    await visible(card.getByTestId('target-status').getByText('Đúng tiến độ'));
    await card.getByText('So sánh đơn vị trực thuộc').click();
    const goDau = card.getByTestId('child-row').filter({ hasText: 'Huyện đoàn Gò Dầu' });
    await visible(goDau);
    expect(await goDau.textContent()).toContain('1 lớp');
    await noSidewaysScroll(ppage);

    mark('4b. Figures by hand');
    // ---- 4b. The province enters its YouTube subscribers by hand; its dashboard follows ----
    card = await dashboardCard(ppage, 'youtube_subscribers', '20-KH/TĐTN-BTG');
    await visible(card.getByTestId('target-actual').getByText('Đạt: 1.850 lượt đăng ký'));
    await card.getByTestId('enter-values').click();
    const figures = ppage.getByTestId('values-form');
    await visible(figures);
    // The target is the year's; the demo's figure was entered for Quý II/2026.
    await ppage.getByTestId('value-period-type').getByText('Quý', { exact: true }).click();
    await visible(figures.getByText('Quý II/2026', { exact: true }));
    const subscribers = figures.getByTestId('entry-all-all');
    await poll(() => subscribers.inputValue()).toBe('1.850');
    await subscribers.fill('2600');
    await figures.getByTestId('values-save').click();
    await visible(ppage.getByText('Đã lưu số liệu.'));
    await noSidewaysScroll(ppage);
    card = await dashboardCard(ppage, 'youtube_subscribers', '20-KH/TĐTN-BTG');
    await visible(card.getByTestId('target-actual').getByText('Đạt: 2.600 lượt đăng ký'));
    await visible(card.getByTestId('target-status').getByText('Đạt', { exact: true }));

    mark('5. The grassroots');
    // ---- 5. The grassroots six-month report goes in after 25/4: late ----
    await gpage.goto('/bao-cao');
    await gpage.getByTestId('create-report').click();
    const createForm = gpage.getByTestId('create-report-form');
    await visible(createForm);
    await pick(gpage, createForm.getByTestId('report-period-select'), /6 tháng đầu năm 2026/);
    await createForm.getByTestId('create-report-save').click();
    await gpage.waitForURL(/\/bao-cao\/[0-9a-f-]{36}$/);
    // No target binds the commune itself: its table is empty, computed live until submission.
    await visible(gpage.getByTestId('indicators-as-of').getByText(/Số liệu tính trực tiếp/));
    await gpage.getByTestId('edit-report').click();
    await gpage
      .getByTestId('edit-shortcomings')
      .fill('Một số chi đoàn ấp chưa cập nhật thường xuyên số liệu trên hệ thống.');
    await gpage.getByTestId('report-save').click();
    await visible(gpage.getByTestId('section-shortcomings').getByText('Một số chi đoàn ấp'));
    await gpage.getByTestId('submit-report').click();
    await gpage.getByTestId('confirm').click();
    await visible(gpage.getByTestId('report-status').getByText('Đã gửi'));
    await visible(gpage.getByTestId('late-badge').getByText('Nộp muộn'));
    await noSidewaysScroll(gpage);
    await grassroots.close();

    mark('6. The province');
    // ---- 6. The province's consolidated report waits for its children ----
    await ppage.goto('/bao-cao');
    await ppage.getByTestId('create-report').click();
    const provinceCreate = ppage.getByTestId('create-report-form');
    await visible(provinceCreate);
    await pick(ppage, provinceCreate.getByTestId('report-type-select'), /giai đoạn 2025 – 2026/);
    await pick(ppage, provinceCreate.getByTestId('report-period-select'), /6 tháng đầu năm 2026/);
    await provinceCreate.getByTestId('create-report-save').click();
    await ppage.waitForURL(/\/bao-cao\/[0-9a-f-]{36}$/);
    const reportUrl = ppage.url();
    await ppage.getByTestId('submit-report').click();
    await ppage.getByTestId('confirm').click();
    const blocked = ppage.getByTestId('submit-blocked');
    await visible(blocked);
    expect(await blocked.textContent()).toContain('Chưa thể gửi báo cáo tổng hợp');
    expect(await blocked.textContent()).toContain('Đoàn xã Phước Đông');
    await visible(ppage.getByTestId('report-status').getByText('Dự thảo'));

    // Accept Phước Đông's report, waive the two unions that have none, then submit.
    const received = ppage.getByTestId('received-row');
    await poll(() => received.count()).toBe(3);
    await ppage
      .locator('[data-testid="received-row"][data-unit="TNI-GD-PD"]')
      .getByRole('link')
      .click();
    await ppage.waitForURL((url) => url.href !== reportUrl);
    await visible(ppage.getByTestId('late-badge'));
    await ppage.getByTestId('accept-report').click();
    await visible(ppage.getByTestId('report-status').getByText('Đã duyệt'));
    await ppage.goto(reportUrl);
    for (const code of ['TNI-HT-LTT', 'LAN-DH-HN']) {
      await ppage
        .locator(`[data-testid="received-row"][data-unit="${code}"]`)
        .getByTestId('waive')
        .click();
      const waive = ppage.getByTestId('waive-form');
      await visible(waive);
      await waive
        .getByLabel('Lý do miễn')
        .fill('Đơn vị mới kiện toàn ban chấp hành, báo cáo gộp vào kỳ sau.');
      await waive.getByTestId('waive-save').click();
      await poll(() => waive.count()).toBe(0);
    }
    await ppage.getByTestId('submit-report').click();
    await ppage.getByTestId('confirm').click();
    await visible(ppage.getByTestId('report-status').getByText('Đã gửi'));
    await visible(ppage.getByTestId('indicators-as-of').getByText(/Số liệu đã chốt/));
    const trainingRow = ppage
      .getByTestId('indicator-row')
      .filter({ hasText: 'lớp tập huấn kỹ năng sử dụng mạng xã hội' })
      .first();
    await visible(trainingRow);

    mark('7. DOCX');
    // ---- 7. DOCX and XLSX through the page's downloads ----
    const download = async (testId: string, name: string) => {
      const [file] = await Promise.all([
        ppage.waitForEvent('download'),
        ppage.getByTestId(testId).click(),
      ]);
      const target = path.join(work, name);
      await file.saveAs(target);
      return target;
    };
    const docx = await download('report-docx', 'bao-cao.docx');
    const xlsx = await download('report-xlsx', 'bao-cao.xlsx');
    await province.close();

    execFileSync(
      '/usr/bin/soffice',
      ['--headless', '--convert-to', 'pdf', '--outdir', work, docx],
      {
        stdio: 'ignore',
        timeout: 60_000,
        env: { ...process.env, HOME: work },
      },
    );
    const text = execFileSync('pdftotext', ['-layout', path.join(work, 'bao-cao.pdf'), '-'], {
      encoding: 'utf8',
    });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('ĐOÀN TNCS HỒ CHÍ MINH');
    expect(flat).toContain('BÁO CÁO');
    expect(flat).toContain('Tây Ninh');
    expect(flat).toContain('Nơi nhận');
    // The indicator table: its header, the training target and its status.
    expect(flat).toContain('Kết quả thực hiện các chỉ tiêu');
    expect(flat).toContain('lớp tập huấn');
    expect(flat).toMatch(/≥ 3 lớp 2 lớp 66,7% Đúng tiến/);
    expect(flat).toContain('trào lưu');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet('Chỉ tiêu')!;
    const rows: { texts: string[]; result: unknown }[] = [];
    sheet.eachRow((row) => {
      const texts: string[] = [];
      row.eachCell((cell) => texts.push(cell.text));
      // Column 6 is "Kết quả".
      rows.push({ texts, result: row.getCell(6).value });
    });
    // The training target's row: the two classes the province and the commune held.
    const training = rows.find((r) => r.texts.some((c) => c.includes(TRAINING_LABEL)));
    expect(training?.result).toBe(2);
    expect(rows.some((r) => r.texts.some((c) => c.includes('trào lưu')))).toBe(true);

    mark('done');
  }, 180_000);
});
