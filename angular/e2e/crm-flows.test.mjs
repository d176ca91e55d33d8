// Browser tests of the pool, handover, merge, import, notifications and search screens against the real host.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { apiAs, BASE_URL, clickModalOk, launch, login, newPage, pickOption, rawKeys, screenshot, settle, switchLanguage } from './support.mjs';

const stamp = Date.now().toString(36);
// Chinese characters unlikely to be in the demo data: a single-character fragment must find the customer
const HAN = '鑫淼焱垚犇骉';
const phoneTail = String(Date.now()).slice(-8);
const phone = (n) => `13${n}${phoneTail}`;
const han = HAN[Date.now() % HAN.length] + HAN[(Date.now() >> 3) % HAN.length];

async function newCustomer(api, name, extra = {}) {
  return api.post('/api/customers', { kind: 'Company', name, phones: [], emails: [], tags: [], ...extra });
}

async function expectNoRawKeys(page, where) {
  await settle(page);
  // file names in the import history (e.g. customers.csv) look like keys
  const keys = (await rawKeys(page)).filter((k) => !/\.(csv|xlsx)$/.test(k));
  assert.deepEqual(keys, [], `raw translation keys on ${where}`);
}

describe('CRM flows', { concurrency: false }, () => {
  let browser;
  let admin;
  before(async () => {
    const health = await fetch(`${BASE_URL}/health`).catch(() => null);
    assert.ok(health?.ok, `the host must be running at ${BASE_URL}`);
    browser = await launch();
    admin = await apiAs('admin');
  });
  after(async () => browser?.close());

  test('a sales rep claims a customer from the public pool; the pool screens show in both languages', async () => {
    const zhangwei = await apiAs('zhangwei');
    const pool = await admin.post('/api/customer-pools', {
      name: `Pool ${stamp}`, description: null, memberUserIds: [zhangwei.id], memberDepartmentIds: [], rules: [{ levelCode: null, daysWithoutFollowUp: 30, daysWithoutDeal: null }],
      warnDaysBefore: 3, maxCustomersPerRep: 100, maxClaimsPerDay: 10, reclaimCooldownDays: 0, concurrencyStamp: null,
    });
    const name = `Pooled ${stamp} Ltd`;
    const customer = await newCustomer(admin, name);
    const released = await admin.post(`/api/customer-pools/${pool.id}/release`, { customerIds: [customer.id], reason: 'No follow-up for months' });
    assert.equal(released.released, 1);

    const page = await newPage(browser, 'en-US');
    await login(page, 'demo', 'zhangwei');
    await page.locator('[data-test="menu-/pool"]').click();
    await page.locator(`[data-test="pool-card-Pool ${stamp}"]`).click();
    const row = page.locator(`[data-test="pool-row-${name}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), /No follow-up for months/);
    assert.match(await row.innerText(), /admin/);
    await screenshot(page, 'pool.en-US');
    await expectNoRawKeys(page, 'pool (en-US)');
    await row.locator('[data-test=pool-claim]').click();
    await page.locator('.ant-message-success', { hasText: name }).waitFor();
    await row.waitFor({ state: 'detached' });
    assert.match(await page.locator(`[data-test="pool-card-Pool ${stamp}"] [data-test=pool-held]`).innerText(), /\/ 100/);
    const mine = await zhangwei.get(`/api/customers/${customer.id}`);
    assert.equal(mine.ownerId, zhangwei.id);

    await switchLanguage(page, 'zh-CN');
    await expectNoRawKeys(page, 'pool (zh-CN)');
    await screenshot(page, 'pool.zh-CN');

    // return to pool from the 360 page, with a reason
    await page.goto(`${BASE_URL}/customers/${customer.id}`);
    await page.locator('[data-test=return-to-pool]').click();
    await page.locator('[data-test=return-reason]').fill('客户暂无需求');
    await clickModalOk(page);
    await page.locator('[data-test=in-pool]').waitFor();

    // the admin's pool settings
    const adminPage = await newPage(browser, 'zh-CN');
    await login(adminPage, 'demo', 'admin');
    await adminPage.goto(`${BASE_URL}/admin/pools`);
    await adminPage.locator(`[data-test="pool-admin-row-Pool ${stamp}"]`).waitFor();
    await expectNoRawKeys(adminPage, 'pool settings (zh-CN)');
    await screenshot(adminPage, 'pool-settings.zh-CN');
    await switchLanguage(adminPage, 'en-US');
    await adminPage.locator(`[data-test="pool-admin-row-Pool ${stamp}"] [data-test=pool-preview]`).click();
    await adminPage.locator('[data-test=pool-preview-result]').waitFor();
    await expectNoRawKeys(adminPage, 'release preview (en-US)');
    await screenshot(adminPage, 'pool-settings.en-US');
    assert.deepEqual(page.errors, []);
  });

  test('an admin hands over a rep’s customers and sees the summary', async () => {
    const lina = await apiAs('lina');
    await newCustomer(admin, `Handover ${stamp} A`, { ownerId: lina.id });
    const page = await newPage(browser, 'en-US');
    await login(page, 'demo', 'admin');
    await page.locator('[data-test="menu-/handovers"]').click();
    await pickOption(page, page.locator('[data-test=handover-from]'), '李娜');
    await pickOption(page, page.locator('[data-test=handover-to]'), '张伟');
    await page.locator('[data-test=handover-reason]').fill('Lina moves to key accounts');
    await screenshot(page, 'handover.en-US');
    await expectNoRawKeys(page, 'handover (en-US)');
    await page.locator('[data-test=handover-start]').click();
    await clickModalOk(page);
    await page.locator('[data-test=handover-status]', { hasText: 'Completed' }).waitFor({ timeout: 60000 });
    const moved = await page.locator('[data-test=handover-summary]').innerText();
    const count = Number(/Customers moved\s*(\d+)/.exec(moved)?.[1]);
    assert.ok(count >= 1, `customers moved: ${moved}`);
    await switchLanguage(page, 'zh-CN');
    await expectNoRawKeys(page, 'handover (zh-CN)');
    await screenshot(page, 'handover.zh-CN');
  });

  test('a manager merges two customers after the preview, then unmerges them', async () => {
    const a = await newCustomer(admin, `Merge ${stamp} Alpha`, { phones: [phone(1)], website: 'https://a.example' });
    const b = await newCustomer(admin, `Merge ${stamp} Beta`, { phones: [phone(2)], website: 'https://b.example' });
    const page = await newPage(browser, 'en-US');
    await login(page, 'demo', 'admin');
    await page.goto(`${BASE_URL}/customers/merge?ids=${a.id},${b.id}`);
    await page.locator('[data-test=merge-conflicts]').waitFor();
    await page.locator('[data-test="merge-conflict-website"]').waitFor();
    await page.locator(`[data-test="merge-choose-website-Merge ${stamp} Beta"]`).click();
    assert.match(await page.locator('[data-test=merge-page]').innerText(), new RegExp(`${phone(1)}, ${phone(2)}|${phone(2)}, ${phone(1)}`));
    await expectNoRawKeys(page, 'merge (en-US)');
    await screenshot(page, 'merge.en-US');
    await switchLanguage(page, 'zh-CN');
    await expectNoRawKeys(page, 'merge (zh-CN)');
    await screenshot(page, 'merge.zh-CN');
    await page.locator('[data-test=merge-confirm]').click();
    await page.locator('.ant-popover .ant-btn-primary').click();
    await page.waitForURL(`**/customers/${a.id}`);
    const survivor = await admin.get(`/api/customers/${a.id}`);
    assert.equal(survivor.website, 'https://b.example');
    const merged = await admin.get(`/api/customers/${b.id}`);
    assert.equal(merged.mergedIntoId, a.id);

    await page.locator('[data-test=customer-tabs] .ant-tabs-tab').last().click();
    await page.locator('[data-test=merge-row]').waitFor();
    await page.locator('[data-test=merge-unmerge]').click();
    await page.locator('.ant-popover .ant-btn-primary').click();
    await page.locator('[data-test=merge-row]', { hasText: '已撤销' }).waitFor();
    const back = await admin.get(`/api/customers/${b.id}`);
    assert.equal(back.mergedIntoId ?? null, null);
  });

  test('an import with one bad row: the dry run shows it, valid rows are imported, the error file is offered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const file = join(dir, `import-${stamp}.csv`);
    writeFileSync(file, `客户名称,电话\nImport ${stamp} One,${phone(5)}\nImport ${stamp} Two,${phone(6)}\n,${phone(7)}\n`);
    const page = await newPage(browser, 'zh-CN');
    await login(page, 'demo', 'admin');
    await page.goto(`${BASE_URL}/customers/import`);
    await page.locator('[data-test=import-file]').setInputFiles(file);
    await page.locator('[data-test=import-mapping]').waitFor();
    // Each column of the file is a row, with the field it was matched to.
    await page.locator('[data-test=import-mapping] tbody tr', { hasText: `Import ${stamp} One` }).waitFor();
    assert.match(await page.locator('[data-test="import-map-客户名称"]').innerText(), /客户名称/);
    assert.match(await page.locator('[data-test="import-map-电话"]').innerText(), /电话/);
    await expectNoRawKeys(page, 'import mapping (zh-CN)');
    await screenshot(page, 'import-mapping.zh-CN');
    await page.locator('[data-test=import-dry-run]').click();
    await page.locator('[data-test=import-report]').waitFor();
    assert.match(await page.locator('[data-test=import-report-summary]').innerText(), /3\D+2\D+1\D+0/);
    await page.locator('[data-test=import-row-4]', { hasText: '错误' }).waitFor();
    await page.locator('[data-test=import-row-4]', { hasText: '客户名称：请填写' }).waitFor(); // the field's label and the message in Chinese
    await screenshot(page, 'import-report.zh-CN');
    await switchLanguage(page, 'en-US');
    await page.locator('[data-test=import-row-4]', { hasText: 'Customer name: a customer name' }).waitFor();
    await expectNoRawKeys(page, 'import report (en-US)');
    await screenshot(page, 'import-report.en-US');
    await page.locator('[data-test=import-mode-valid]').click();
    await page.locator('[data-test=import-commit]').click();
    await page.locator('[data-test=import-result]').waitFor({ timeout: 60000 });
    assert.match(await page.locator('[data-test=import-result]').innerText(), /Customers created: 2\b/);
    await page.locator('[data-test=import-error-file]').waitFor();
    // The import just finished is listed with the past ones at once.
    await page.locator('[data-test=import-history] tbody tr', { hasText: `import-${stamp}.csv` }).waitFor();
    await screenshot(page, 'import-result.en-US');
  });

  test('a reminder that falls due pops up over the real-time connection', async () => {
    const zhangwei = await apiAs('zhangwei');
    const page = await newPage(browser, 'en-US');
    await login(page, 'demo', 'zhangwei');
    // the hub connects after sign-in; the reminder is created once pushes can arrive
    await page.locator('[data-test=notifications][data-live=true]').waitFor();
    const subject = `Call back ${stamp}`;
    await zhangwei.post('/api/reminders', { subject, note: 'About the spring order', dueAt: new Date(Date.now() + 4000).toISOString(), channels: ['InApp'], customerId: null, ownerId: null });
    const popup = page.locator('[data-test=notification-popup]', { hasText: subject });
    await popup.waitFor({ timeout: 90000 });
    await screenshot(page, 'notification-popup.en-US');
    assert.equal(await page.locator('[data-test=notification-popup]', { hasText: subject }).count(), 1, 'one popup per notification');
    await page.locator('.ant-notification-notice-close').first().click();
    await popup.waitFor({ state: 'detached' });
    await page.locator('[data-test=notifications]').click();
    await page.locator('[data-test=notification-item]', { hasText: subject }).waitFor();
    await expectNoRawKeys(page, 'notifications (en-US)');
    await page.goto(`${BASE_URL}/reminders`);
    await page.locator(`[data-test="reminder-${subject}"]`).waitFor();
    await switchLanguage(page, 'zh-CN');
    await expectNoRawKeys(page, 'reminders (zh-CN)');
    await screenshot(page, 'reminders.zh-CN');
  });

  test('global search finds a customer by a Chinese fragment', async () => {
    const name = `${han}科技${stamp}`;
    const customer = await newCustomer(admin, name);
    const page = await newPage(browser, 'zh-CN');
    await login(page, 'demo', 'admin');
    const box = page.locator('[data-test=global-search]');
    const hit = page.locator('[data-test=search-hit]', { hasText: stamp });
    // the index follows the database through the outbox: type again until the new customer is in
    for (let i = 0; i < 30 && !(await hit.isVisible()); i++) {
      await box.fill('');
      await box.fill(han[0]);
      await hit.waitFor({ timeout: 2000 }).catch(() => undefined);
    }
    await hit.waitFor({ timeout: 1000 });
    assert.ok((await page.locator('[data-test=search-dropdown] em').count()) > 0, 'the fragment is highlighted');
    await screenshot(page, 'search-dropdown.zh-CN');
    await box.press('Enter');
    await page.locator('[data-test=search-result-hit]', { hasText: stamp }).waitFor();
    await expectNoRawKeys(page, 'search results (zh-CN)');
    await switchLanguage(page, 'en-US');
    await expectNoRawKeys(page, 'search results (en-US)');
    await screenshot(page, 'search-results.en-US');
    await page.locator('[data-test=search-result-hit]', { hasText: stamp }).click();
    await page.waitForURL(`**/customers/${customer.id}*`);
  });
});
