// Browser test of the service reports page (demo tenant): grouping, chart, table with totals, Excel download.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiAs, BASE_URL, launch, login, newPage, pickOption, screenshot, settle } from './support.mjs';

const stamp = Date.now().toString(36);

describe('Service reports', { concurrency: false }, () => {
  let browser;
  before(async () => {
    const health = await fetch(`${BASE_URL}/health`).catch(() => null);
    assert.ok(health?.ok, `the host must be running at ${BASE_URL}`);
    browser = await launch();
    // this month has tickets: two categories, one resolved and rated
    const admin = await apiAs('admin');
    const customer = await admin.post('/api/customers', { kind: 'Company', name: `Report customer ${stamp}`, phones: [], emails: [], tags: [] });
    for (const [title, categoryCode] of [['Compressor noise', 'repair'], ['Wall mount', 'installation'], ['Filter change', 'maintenance']])
      await admin.post('/api/tickets', { customerId: customer.id, title: `${title} ${stamp}`, categoryCode, priorityCode: 'normal', assigneeId: admin.id });
  });
  after(async () => browser?.close());

  for (const language of ['en-US', 'zh-CN']) {
    test(`an admin groups the ticket report by category, sees chart and rows, and downloads the Excel file (${language})`, async () => {
      const page = await newPage(browser, language);
      await login(page, 'demo', 'admin');
      await page.goto(`${BASE_URL}/service/reports`);
      await page.locator('[data-test=report-table]').waitFor();
      await pickOption(page, page.locator('[data-test=report-group-by]'), language === 'en-US' ? 'Category' : '类别');
      await page.locator('[data-test=report-chart] canvas').waitFor();
      await settle(page);
      const rows = await page.locator('[data-test=report-row]').allInnerTexts();
      assert.ok(rows.length >= 3, `rows: ${rows.join(' | ')}`);
      assert.ok(rows.some((r) => r.includes(language === 'en-US' ? 'Installation' : '安装')), rows.join(' | '));
      assert.match(await page.locator('[data-test=report-total]').innerText(), language === 'en-US' ? /Total/ : /合计/);
      await screenshot(page, `reports-${language === 'en-US' ? 'en' : 'zh'}`);

      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=report-export]').click()]);
      assert.match(download.suggestedFilename(), /^tickets-category-\d{8}-\d{8}\.xlsx$/);
      const path = await download.path();
      assert.ok(path, 'the file was saved');
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }
});
