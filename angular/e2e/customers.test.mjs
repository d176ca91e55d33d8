// Browser tests of the customers screens (demo tenant), in both languages.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, capture, clickModalOk, launch, login, modalOk, newPage, rawKeys, screenshot, screenshotStack, settle, switchLanguage, until } from './support.mjs';

const stamp = Date.now().toString(36);
const customerName = `Acme ${stamp} Trading`;

// A 1×1 PNG (70 bytes): the server checks an upload's bytes, so the file must really be a PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const photoName = `visit-photo-${stamp}.png`;
const zhPhotoName = `现场照片-${stamp}.png`;
let fileDir;

/** Clicks a file link and answers the name the browser saved it under and its bytes. */
async function download(page, link) {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

async function openCreate(page) {
  await page.locator('[data-test=customer-create]').click();
  await page.locator('[data-test=customer-form]').waitFor();
}

describe('Customers', { concurrency: false }, () => {
  let browser;
  before(async () => {
    const health = await fetch(`${BASE_URL}/health`).catch(() => null);
    assert.ok(health?.ok, `the host must be running at ${BASE_URL}`);
    fileDir = mkdtempSync(join(tmpdir(), 'saascrm-e2e-'));
    for (const name of [photoName, zhPhotoName]) writeFileSync(join(fileDir, name), PNG);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    if (fileDir) rmSync(fileDir, { recursive: true, force: true });
  });

  test('a sales rep creates a customer with a contact, sees the duplicate warning, opens it and adds follow-ups with a reminder and a photo', async () => {
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
    await clickModalOk(page);
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
    // a visit photo: uploaded while the form is open, attached when the follow-up is saved
    await page.locator('[data-test=follow-up-file-input]').setInputFiles(join(fileDir, photoName));
    const staged = page.locator('[data-test=follow-up-pending-file]', { hasText: photoName });
    await staged.waitFor();
    assert.match(await staged.innerText(), /\(70 B\)/);
    await screenshot(page, 'customers-follow-up-form.en-US');
    // from the form's first field down to the staged file
    await page.locator('.ant-modal-wrap:visible').evaluate((wrap) => wrap.scrollTo(0, 0));
    const formWithFile = await capture(page);
    await clickModalOk(page);
    await page.locator('[data-test=follow-up-form]').waitFor({ state: 'detached' });
    await page.locator('[data-test=customer-tabs] .ant-tabs-tab').nth(2).click();
    await page.locator('[data-test=follow-up-list]').waitFor();
    assert.match(await page.locator('[data-test=follow-up-list]').innerText(), /spring order/);
    await page.locator('[data-test=next-follow-up]').waitFor();

    // the photo is in the timeline with its size, and downloads as it was uploaded
    const photo = page.locator('[data-test=follow-up-file]', { hasText: photoName });
    await photo.waitFor();
    assert.match(await photo.innerText(), /\(70 B\)/);
    const saved = await download(page, photo);
    assert.equal(saved.name, photoName);
    assert.ok(saved.bytes.equals(PNG), 'the downloaded file is the uploaded PNG');
    await screenshotStack(page, 'customers-follow-up-files.en-US', [formWithFile, await capture(page)]);

    await switchLanguage(page, 'zh-CN');
    await settle(page);
    assert.deepEqual(await rawKeys(page), []);

    // in Chinese: another follow-up with a file named in Chinese, downloaded under that name
    await page.locator('[data-test=follow-up-add]').click();
    await page.locator('[data-test=follow-up-form]').waitFor();
    await page.locator('[data-test=follow-up-content]').fill('上门送样品');
    assert.match(await page.locator('[data-test=follow-up-attach]').innerText(), /添加附件/);
    await page.locator('[data-test=follow-up-file-input]').setInputFiles(join(fileDir, zhPhotoName));
    await page.locator('[data-test=follow-up-pending-file]', { hasText: zhPhotoName }).waitFor();
    assert.deepEqual(await rawKeys(page), []);
    const zhFormWithFile = await capture(page);
    await clickModalOk(page);
    await page.locator('[data-test=follow-up-form]').waitFor({ state: 'detached' });
    const zhPhoto = page.locator('[data-test=follow-up-file]', { hasText: zhPhotoName });
    await zhPhoto.waitFor();
    assert.equal(await page.locator('[data-test=follow-up-file]').count(), 2, 'each follow-up shows its own file');
    assert.equal((await download(page, zhPhoto)).name, zhPhotoName);
    assert.deepEqual(await rawKeys(page), []);
    await screenshotStack(page, 'customers-follow-up-files.zh-CN', [zhFormWithFile, await capture(page)]);

    // its author corrects a follow-up: the text changes and the file taken off goes; the visit-only parts are not offered
    const visit = page.locator('[data-test=follow-up-list] li.ant-timeline-item', { hasText: '上门送样品' });
    await visit.locator('[data-test=follow-up-edit]').click();
    await page.locator('[data-test=follow-up-form]').waitFor();
    assert.equal(await page.locator('[data-test=follow-up-content]').inputValue(), '上门送样品');
    assert.equal(await page.locator('[data-test=follow-up-checkin]').count(), 0, 'no check-in when editing');
    await page.locator('[data-test=follow-up-content]').fill('上门送样品（客户已签收）');
    // the staged file's close button is a real button: taken off from the keyboard
    const removeFile = page.locator('[data-test=follow-up-pending-file]', { hasText: zhPhotoName }).locator('[data-test=follow-up-remove-file]');
    assert.equal(await removeFile.getAttribute('aria-label'), `移除 ${zhPhotoName}`);
    await removeFile.press('Enter');
    await clickModalOk(page);
    await page.locator('[data-test=follow-up-form]').waitFor({ state: 'detached' });
    await until(async () => /客户已签收/.test(await page.locator('[data-test=follow-up-list]').innerText()), 'the edited text shows');
    assert.equal(await page.locator('[data-test=follow-up-file]').count(), 1, 'the removed file is gone');
    // and deletes another, after confirming
    await page.locator('[data-test=follow-up-list] li.ant-timeline-item', { hasText: 'spring order' }).locator('[data-test=follow-up-delete]').click();
    await page.locator('.ant-popover .ant-btn-primary').click();
    await until(async () => !/spring order/.test(await page.locator('[data-test=follow-up-list]').innerText()), 'the deleted follow-up is gone');
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
