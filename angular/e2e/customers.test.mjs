// Browser tests of the customers screens (demo tenant), in both languages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, launch, login, modalOk, newPage, rawKeys, screenshot, settle, switchLanguage } from './support.mjs';

const stamp = Date.now().toString(36);
const customerName = `Acme ${stamp} Trading`;

async function openCreate(page) {
  await page.locator('[data-test=customer-create]').click();
  await page.locator('[data-test=customer-form]').waitFor();
}

describe('Customers', { concurrency: false }, () => {
  let browser;
  before(async () => {
    const health = await fetch(`${BASE_URL}/health`).catch(() => null);
    assert.ok(health?.ok, `the host must be running at ${BASE_URL}`);
    browser = await launch();
  });
  after(async () => browser?.close());

  test('a sales rep creates a customer with a contact, sees the duplicate warning, opens it and adds a follow-up with a reminder', async () => {
    const page = await newPage(browser, 'en-US');
    await login(page, 'demo', 'zhangwei');
    await page.locator('[data-test="menu-/customers"]').click();
    await page.locator('[data-test=customer-table]').waitFor();

    await openCreate(page);
    await page.locator('[data-test=customer-name]').fill(customerName);
    await page.locator('[data-test=customer-phones] input').fill(`138${Date.now().toString().slice(-8)}`);
    await page.keyboard.press('Enter');
    await page.locator('[data-test=contact-input-0] [data-test=contact-name]').fill('Li Lei');
    await page.locator('[data-test=contact-input-0] [data-test=contact-mobile]').fill('13900000000');
    await page.locator('[data-test=customer-save]').click();
    await page.locator('[data-test=customer-detail]').waitFor();
    assert.match(await page.locator('[data-test=customer-title]').innerText(), new RegExp(customerName));
    const detailUrl = page.url();

    // the same name again: a live warning naming the existing customer and its owner, then a reason on save
    await page.goto(`${BASE_URL}/customers`);
    await page.locator('[data-test=customer-table]').waitFor();
    await openCreate(page);
    await page.locator('[data-test=customer-name]').fill(customerName.toLowerCase());
    await page.locator('[data-test=duplicate-warning]').waitFor();
    const warning = await page.locator('[data-test=duplicate-warning]').innerText();
    assert.match(warning, new RegExp(customerName));
    assert.match(warning, /same name/);
    await screenshot(page, 'customers-create-duplicate.en-US');
    await page.locator('[data-test=customer-save]').click();
    await page.locator('[data-test=duplicate-dialog]').waitFor();
    assert.ok(await modalOk(page).isDisabled(), 'a reason is required before creating anyway');
    await page.locator('[data-test=duplicate-reason]').fill('Separate branch office');
    await modalOk(page).click();
    await page.locator('[data-test=customer-detail]').waitFor();
    assert.notEqual(page.url(), detailUrl);

    // the first one: contact made primary, follow-up with a next follow-up reminder
    await page.goto(detailUrl);
    await page.locator('[data-test=customer-detail]').waitFor();
    await page.locator('[data-test=customer-tabs] .ant-tabs-tab').nth(1).click();
    assert.match(await page.locator('[data-test="contact-row-Li Lei"]').innerText(), /Primary/);
    await page.locator('[data-test=customer-tabs] .ant-tabs-tab').nth(0).click();
    await screenshot(page, 'customers-360.en-US');

    await page.locator('[data-test=follow-up-add]').click();
    await page.locator('[data-test=follow-up-form]').waitFor();
    await page.locator('[data-test=follow-up-content]').fill('Called about the spring order');
    await page.locator('[data-test=follow-up-checkin]').click();
    await page.locator('[data-test=checkin-latitude] input').fill('31.2304');
    await page.locator('[data-test=checkin-longitude] input').fill('121.4737');
    await page.locator('[data-test=follow-up-schedule]').click();
    const due = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    const pad = (n) => String(n).padStart(2, '0');
    await page.locator('[data-test=next-due] input').fill(`${due.getFullYear()}-${pad(due.getMonth() + 1)}-${pad(due.getDate())} 10:00:00`);
    await page.keyboard.press('Enter');
    await page.locator('[data-test=next-subject]').fill('Send the quote');
    await page.locator('[data-test=channel-Email]').click();
    await screenshot(page, 'customers-follow-up-form.en-US');
    await modalOk(page).click();
    await page.locator('[data-test=follow-up-form]').waitFor({ state: 'detached' });
    await page.locator('[data-test=customer-tabs] .ant-tabs-tab').nth(2).click();
    await page.locator('[data-test=follow-up-list]').waitFor();
    assert.match(await page.locator('[data-test=follow-up-list]').innerText(), /spring order/);
    await page.locator('[data-test=next-follow-up]').waitFor();

    await switchLanguage(page, 'zh-CN');
    await settle(page);
    assert.deepEqual(await rawKeys(page), []);
    await page.locator('[data-test=customer-tabs] .ant-tabs-tab').nth(0).click();
    await screenshot(page, 'customers-360.zh-CN');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the list filters by name and level, pages with a capped count, and reads in both languages', async () => {
    const page = await newPage(browser, 'zh-CN');
    await login(page, 'demo', 'zhangwei');
    await page.goto(`${BASE_URL}/customers`);
    await page.locator('[data-test=customer-table]').waitFor();
    await settle(page);
    assert.match(await page.locator('[data-test=customer-total]').innerText(), /\d/);

    await page.locator('[data-test=filter-name]').fill(`acme ${stamp}`);
    await page.locator('[data-test=filter-search]').click();
    await page.locator(`[data-test="customer-row-${customerName}"]`).first().waitFor();
    await settle(page);
    assert.equal(await page.locator('[data-test^=customer-row-]').count(), 2);

    // scope "mine" keeps them (zhangwei owns both); a name that matches nothing shows the empty state
    await page.locator('[data-test=scope-tabs] .ant-tabs-tab').nth(1).click();
    await settle(page);
    assert.equal(await page.locator('[data-test^=customer-row-]').count(), 2);
    await page.locator('[data-test=filter-more]').click();
    await page.locator('[data-test=filter-panel]').waitFor();
    await screenshot(page, 'customers-list.zh-CN');
    assert.deepEqual(await rawKeys(page), []);

    await page.locator('[data-test=filter-name]').fill(`zz-no-such-${stamp}`);
    await page.locator('[data-test=filter-search]').click();
    await page.locator('[data-test=customer-table] .ant-empty').waitFor();

    // the create form with its duplicate warning, in Chinese
    await page.locator('[data-test=filter-reset]').click();
    await page.locator('[data-test=customer-create]').click();
    await page.locator('[data-test=customer-name]').fill(customerName);
    await page.locator('[data-test=duplicate-warning]').waitFor();
    assert.match(await page.locator('[data-test=duplicate-warning]').innerText(), /名称相同/);
    assert.deepEqual(await rawKeys(page), []);
    await screenshot(page, 'customers-create-duplicate.zh-CN');
    await page.keyboard.press('Escape');

    await switchLanguage(page, 'en-US');
    await page.goto(`${BASE_URL}/customers`);
    await page.locator('[data-test=customer-table]').waitFor();
    await screenshot(page, 'customers-list.en-US');
    assert.deepEqual(await rawKeys(page), []);

    await page.goto(`${BASE_URL}/check-ins`);
    await page.locator('[data-test=check-in-map]').waitFor();
    await settle(page);
    assert.deepEqual(await rawKeys(page), []);
    await screenshot(page, 'customers-map.en-US');
    await switchLanguage(page, 'zh-CN');
    await settle(page);
    assert.deepEqual(await rawKeys(page), []);
    await screenshot(page, 'customers-map.zh-CN');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
