// Browser tests of the configuration screens: data dictionaries and custom fields (with the live form preview).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, clickModalOk, errorToasts, launch, login, newPage, pickOption, rawKeys, screenshot, settle, switchLanguage } from './support.mjs';

const stamp = Date.now().toString(36);
const tenantName = `cfg${stamp}`;
const adminPassword = 'Adm1n!Pass';
const itemCode = `fair-${stamp}`;

/** Back to the top of the page (clicks further down scrolled it) for a screenshot of the whole screen. */
async function scrollTop(page) {
  await page.evaluate(() => {
    for (const el of [document.scrollingElement, ...document.querySelectorAll('*')])
      if (el && el.scrollTop > 0) el.scrollTop = 0;
  });
}

describe('Configuration screens', { concurrency: false }, () => {
  let browser;
  before(async () => {
    const health = await fetch(`${BASE_URL}/health`).catch(() => null);
    assert.ok(health?.ok, `the host must be running at ${BASE_URL}`);
    browser = await launch();
  });
  after(async () => browser?.close());

  test('the operator creates a fresh tenant', async () => {
    const page = await newPage(browser, 'en-US');
    await login(page, '', 'admin');
    await page.goto(`${BASE_URL}/host/tenants`);
    await page.locator('[data-test=tenant-create]').click();
    await page.locator('[data-test=tenant-name]').fill(tenantName);
    await page.locator('[data-test=tenant-display-name]').fill(`Config ${stamp}`);
    await page.locator('[data-test=tenant-admin-user]').fill('admin');
    await page.locator('[data-test=tenant-admin-password]').fill(adminPassword);
    await clickModalOk(page);
    await page.locator(`[data-test=tenant-row-${tenantName}]`).waitFor();
    await page.context().close();
  });

  test('the tenant admin edits the customer-source dictionary', async () => {
    const page = await newPage(browser, 'en-US');
    await login(page, tenantName, 'admin', adminPassword);
    await page.locator('[data-test="menu-/admin/dictionaries"]').click();
    await page.locator('[data-test=dictionary-type-customer-source]').click();
    const items = page.locator('[data-test=dictionary-items]');
    await items.locator('[data-test=dictionary-item-web]').waitFor();

    // add an item
    await page.locator('[data-test=dictionary-item-create]').click();
    await page.locator('[data-test=dictionary-item-code]').fill(itemCode);
    await page.locator('[data-test=dictionary-item-label-zh]').fill('行业展会');
    await page.locator('[data-test=dictionary-item-label-en]').fill('Trade fair');
    await page.locator('[data-test=dictionary-item-color]').fill('#13c2c2');
    await clickModalOk(page);
    await items.locator(`[data-test=dictionary-item-${itemCode}]`).waitFor();

    // drag the new item to the top: the order is saved and survives a reload
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.ant-modal-wrap')].every((w) => !w.checkVisibility()),
    );
    await settle(page);
    const handle = await items
      .locator(`[data-test=dictionary-item-${itemCode}] .drag-handle`)
      .boundingBox();
    const top = await items.locator('[data-test=dictionary-item-web]').boundingBox();
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    // start the drag, wait until CDK shows its preview, then move to the top row in small steps
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2 - 10, { steps: 3 });
    await page.locator('.cdk-drag-preview').waitFor();
    await page.mouse.move(handle.x + handle.width / 2, top.y - 8, { steps: 12 });
    await page.mouse.up();
    await page.locator('.ant-message-success').getByText('Order saved').waitFor();
    await page.reload();
    await page.locator('[data-test=dictionary-type-customer-source]').click();
    await items.locator(`[data-test=dictionary-item-${itemCode}]`).waitFor();
    assert.equal(
      await items
        .locator('tbody tr[data-test^=dictionary-item-]')
        .first()
        .getAttribute('data-test'),
      `dictionary-item-${itemCode}`,
    );

    // a wrong colour is refused on the field
    await items
      .locator(`[data-test=dictionary-item-${itemCode}] [data-test=dictionary-item-edit]`)
      .click();
    await page.locator('[data-test=dictionary-item-color]').fill('teal');
    await clickModalOk(page);
    await page.locator('.ant-modal-wrap:visible .ant-form-item-explain-error').waitFor();
    await page
      .locator('.ant-modal-wrap:visible .ant-modal-footer .ant-btn:not(.ant-btn-primary)')
      .click();

    // disable another one: it stays in the list, greyed
    const ad = items.locator('[data-test=dictionary-item-ad]');
    await ad.locator('[data-test=dictionary-item-enabled]').click();
    await items.locator('[data-test=dictionary-item-ad].item-disabled').waitFor();
    assert.equal(await ad.locator('.ant-switch-checked').count(), 0);

    // the numeric column of the opportunity stages
    await page.locator('[data-test=dictionary-type-opportunity-stage]').click();
    await page
      .locator('[data-test=dictionary-numeric-header]')
      .getByText('Win probability')
      .waitFor();
    await page.locator('[data-test=dictionary-type-customer-source]').click();
    await items.locator(`[data-test=dictionary-item-${itemCode}]`).waitFor();
    await settle(page);
    assert.deepEqual(await rawKeys(page), []);
    assert.deepEqual(await errorToasts(page), []);
    await scrollTop(page);
    await screenshot(page, 'dictionaries.en-US');

    await switchLanguage(page, 'zh-CN');
    await page.locator('[data-test=page-title]').getByText('数据字典').waitFor();
    assert.deepEqual(await rawKeys(page), []);
    await scrollTop(page);
    await screenshot(page, 'dictionaries.zh-CN');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the tenant admin defines custom fields on customers and sees them in the form preview', async () => {
    const page = await newPage(browser, 'en-US');
    await login(page, tenantName, 'admin', adminPassword);
    await page.locator('[data-test="menu-/admin/custom-fields"]').click();
    await page.locator('[data-test=custom-field-table]').waitFor();
    await settle(page);

    await page.locator('[data-test=custom-field-create]').click();
    await page.locator('[data-test=custom-field-label-zh]').fill('客户级别');
    await page.locator('[data-test=custom-field-label-en]').fill('Level');
    await page.locator('[data-test=custom-field-name]').fill('level');
    await pickOption(page, page.locator('[data-test=custom-field-type]'), 'Dictionary');
    await pickOption(page, page.locator('[data-test=custom-field-dictionary]'), 'Customer level');
    await page.locator('[data-test=custom-field-required]').click();
    await clickModalOk(page);
    await page.locator('[data-test=custom-field-row-level]').waitFor();

    await page.locator('[data-test=custom-field-create]').click();
    await page.locator('[data-test=custom-field-label-zh]').fill('年预算');
    await page.locator('[data-test=custom-field-label-en]').fill('Annual budget');
    await page.locator('[data-test=custom-field-name]').fill('budget');
    await pickOption(page, page.locator('[data-test=custom-field-type]'), 'Number');
    await page.locator('[data-test=custom-field-precision] input').fill('2');
    await clickModalOk(page);
    await page.locator('[data-test=custom-field-row-budget]').waitFor();

    // a taken name is refused
    await page.locator('[data-test=custom-field-create]').click();
    await page.locator('[data-test=custom-field-label-zh]').fill('重复');
    await page.locator('[data-test=custom-field-label-en]').fill('Duplicate');
    await page.locator('[data-test=custom-field-name]').fill('budget');
    await clickModalOk(page);
    await page
      .locator('.ant-modal-wrap:visible .ant-form-item-explain-error')
      .getByText('already exists')
      .waitFor();
    await page
      .locator('.ant-modal-wrap:visible .ant-modal-footer .ant-btn:not(.ant-btn-primary)')
      .click();

    // the preview shows both, the dictionary with its enabled items in the current language
    const preview = page.locator('[data-test=custom-field-preview]');
    await preview.locator('[data-test=cf-level]').getByText('Level').waitFor();
    await preview.locator('[data-test=cf-budget]').getByText('Annual budget').waitFor();
    assert.equal(await preview.locator('[data-test=cf-level] .ant-form-item-required').count(), 1);
    await preview.locator('[data-test=cf-level] nz-select').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'A – key' })
      .waitFor();
    await page.keyboard.press('Escape');
    await preview.locator('[data-test=cf-budget] input').fill('1234.5');
    await settle(page);
    assert.deepEqual(await rawKeys(page), []);
    assert.deepEqual(await errorToasts(page), []);
    await screenshot(page, 'custom-fields.en-US');

    await switchLanguage(page, 'zh-CN');
    await preview.locator('[data-test=cf-level]').getByText('客户级别').waitFor();
    await preview.locator('[data-test=cf-level] nz-select').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'A 重点客户' })
      .waitFor();
    await page.keyboard.press('Escape');
    assert.deepEqual(await rawKeys(page), []);
    await screenshot(page, 'custom-fields.zh-CN');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a user without Dictionaries.Manage has no configuration menu and sees the screen read-only', async () => {
    const page = await newPage(browser, 'en-US');
    await login(page, 'demo', 'lina');
    const menu = page.locator('[data-test=side-menu]');
    assert.equal(await menu.locator('[data-test="menu-/admin/dictionaries"]').count(), 0);
    assert.doesNotMatch(await menu.innerText(), /Data dictionaries/);
    await page.goto(`${BASE_URL}/admin/dictionaries`);
    await page.locator('[data-test=dictionary-types]').waitFor();
    await page.locator('[data-test=dictionary-items]').waitFor();
    assert.equal(await page.locator('[data-test=dictionary-item-create]').count(), 0);
    assert.equal(await page.locator('[data-test=dictionary-item-edit]').count(), 0);
    await page.context().close();
  });
});
