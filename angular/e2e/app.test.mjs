// Browser tests of the main flows, against a running host that serves the built UI (E2E_BASE_URL).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, clickModalOk, errorToasts, launch, login, logout, modalOk, newPage, pickOption, rawKeys, screenshot, settle, switchLanguage } from './support.mjs';

const stamp = Date.now().toString(36);
const tenantName = `e2e${stamp}`;
const adminPassword = 'Adm1n!Pass';
const department = `Sales ${stamp}`;
const edition = `Starter ${stamp}`;
const roleName = `viewer-${stamp}`;
const userName = `rep${stamp}`;
const userPassword = 'Rep!Pass1';

async function openFirstDepartment(page) {
  await page.locator('[data-test=department-tree] .ant-tree-node-content-wrapper').last().click();
  await page.locator('[data-test=department-members]').waitFor();
}

describe('SaasCrm UI', { concurrency: false }, () => {
  let browser;
  before(async () => {
    const health = await fetch(`${BASE_URL}/health`).catch(() => null);
    assert.ok(health?.ok, `the host must be running at ${BASE_URL}`);
    browser = await launch();
  });
  after(async () => browser?.close());

  test('the operator signs in without a tenant and creates an edition and a tenant with it', async () => {
    const page = await newPage(browser, 'en-US');
    await page.goto(`${BASE_URL}/login`);
    await screenshot(page, 'login.en-US');
    await login(page, '', 'admin');

    await page.locator('[data-test="menu-/host/editions"]').click();
    await page.locator('[data-test=edition-create]').click();
    await page.locator('[data-test=edition-name]').fill(edition);
    await page.locator('[data-test=edition-max-users] input').fill('2');
    await clickModalOk(page);
    await page.locator(`[data-test="edition-row-${edition}"]`).waitFor();
    await screenshot(page, 'editions.en-US');

    await page.locator('[data-test="menu-/host/tenants"]').click();
    await page.locator('[data-test=tenant-table]').waitFor();
    await screenshot(page, 'tenants.en-US');

    await page.locator('[data-test=tenant-create]').click();
    await page.locator('[data-test=tenant-name]').fill(tenantName);
    await page.locator('[data-test=tenant-display-name]').fill(`E2E ${stamp}`);
    await page.locator('[data-test=tenant-admin-user]').fill('admin');
    await page.locator('[data-test=tenant-admin-password]').fill(adminPassword);
    await pickOption(page, page.locator('[data-test=tenant-edition]'), edition);
    await clickModalOk(page);
    await page.locator(`[data-test=tenant-row-${tenantName}]`).waitFor();

    await page.locator(`[data-test=tenant-row-${tenantName}] a`).first().click();
    await page.locator('[data-test=tenant-detail]').waitFor();
    await screenshot(page, 'tenant-detail.en-US');
    await switchLanguage(page, 'zh-CN');
    await screenshot(page, 'tenant-detail.zh-CN');
    await page.goto(`${BASE_URL}/host/tenants`);
    await page.locator(`[data-test=tenant-row-${tenantName}]`).waitFor();
    assert.match(await page.locator(`[data-test=tenant-row-${tenantName}]`).innerText(), new RegExp(edition));
    await screenshot(page, 'tenants.zh-CN');
    await page.goto(`${BASE_URL}/host/editions`);
    await page.locator(`[data-test="edition-row-${edition}"]`).waitFor();
    await screenshot(page, 'editions.zh-CN');
    assert.deepEqual(await rawKeys(page), []);

    // The jobs of one tenant: every row then names that tenant.
    await page.goto(`${BASE_URL}/host/jobs`);
    await page.locator('[data-test=job-table]').waitFor();
    await pickOption(page, page.locator('[data-test=job-status]'), '等待中');
    await pickOption(page, page.locator('[data-test=job-tenant]'), 'demo');
    await page.locator('[data-test=job-tenant] .ant-select-selection-item', { hasText: 'demo' }).waitFor();
    await settle(page);
    const rows = await page.locator('[data-test=job-table] tbody tr.ant-table-row').allInnerTexts();
    assert.ok(rows.length > 0, 'the demo tenant has pending jobs (its daily pool release)');
    for (const row of rows) assert.match(row, /demo/);
    assert.deepEqual(await errorToasts(page), []);
    await screenshot(page, 'host-jobs.zh-CN');
    assert.deepEqual(await rawKeys(page), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("the new tenant's admin creates a department, a role with a few permissions and a user", async () => {
    const page = await newPage(browser, 'en-US');
    await login(page, tenantName, 'admin', adminPassword);
    assert.match(await page.locator('[data-test=header-tenant]').innerText(), new RegExp(`E2E ${stamp}`));

    await page.goto(`${BASE_URL}/admin/departments`);
    await page.locator('[data-test=department-create]').click();
    await page.locator('[data-test=department-name]').fill(department);
    await clickModalOk(page);
    await page.locator('[data-test=department-tree]').getByText(department).waitFor();

    await page.goto(`${BASE_URL}/admin/roles`);
    await page.locator('[data-test=role-create]').click();
    await page.locator('[data-test=role-name]').fill(roleName);
    await clickModalOk(page);
    await page.locator('[data-test=role-form]').waitFor();
    await page.locator('[data-test="permission-Departments"]').click();
    await page.locator('[data-test="permission-Identity.Users"]').click();
    await page.locator('[data-test=permissions-save]').click();
    await page.locator('[data-test=permissions-save][disabled]').waitFor();

    await page.goto(`${BASE_URL}/admin/users`);
    await page.locator('[data-test=user-create]').click();
    await page.locator('[data-test=user-username]').fill(userName);
    await page.locator('[data-test=user-name]').fill(`Rep ${stamp}`);
    await page.locator('[data-test=user-password]').fill(userPassword);
    await pickOption(page, page.locator('[data-test=user-roles]'), roleName);
    await pickOption(page, page.locator('[data-test=user-departments]'), department);
    await page.keyboard.press('Escape');
    await clickModalOk(page);
    await page.locator(`[data-test=user-row-${userName}]`).waitFor();
    assert.match(await page.locator(`[data-test=user-row-${userName}]`).innerText(), new RegExp(roleName));

    // the edition allows two users: a third one is refused with a clear message
    await page.locator('[data-test=user-create]').click();
    await page.locator('[data-test=user-username]').fill(`extra${stamp}`);
    await page.locator('[data-test=user-name]').fill('Extra');
    await page.locator('[data-test=user-password]').fill(userPassword);
    await clickModalOk(page);
    await page.locator('.ant-message-error').getByText('limit').waitFor();
    await page.locator('.ant-modal-wrap:visible .ant-modal-footer .ant-btn:not(.ant-btn-primary)').click();
    assert.deepEqual(page.errors, []);
    await logout(page);
    await page.context().close();
  });

  test('the user sees only the permitted menu, and a forbidden URL shows the no-access page', async () => {
    const page = await newPage(browser, 'en-US');
    await login(page, tenantName, userName, userPassword);
    const menu = await page.locator('[data-test=side-menu]').innerText();
    assert.match(menu, /Users/);
    assert.match(menu, /Departments/);
    assert.doesNotMatch(menu, /Roles|Audit log|Job incidents|Tenants/);

    await page.goto(`${BASE_URL}/admin/roles`);
    await page.locator('[data-test=no-access]').waitFor();
    assert.equal(new URL(page.url()).pathname, '/admin/roles');
    await screenshot(page, 'no-access.en-US');
    await page.goto(`${BASE_URL}/host/tenants`);
    await page.locator('[data-test=no-access]').waitFor();

    await switchLanguage(page, 'zh-CN');
    await page.locator('[data-test=no-access]').getByText('无权访问').waitFor();
    await screenshot(page, 'no-access.zh-CN');
    assert.deepEqual(await rawKeys(page), []);
    await page.context().close();
  });

  test('switching language changes the visible labels on every screen, and deep links survive a reload', async () => {
    const page = await newPage(browser, 'en-US');
    await login(page, 'demo', 'admin');
    await screenshot(page, 'home.en-US');
    const screens = [
      ['users', '/admin/users', '[data-test=user-table]'],
      ['roles', '/admin/roles', '[data-test=role-table]'],
      ['departments', '/admin/departments', '[data-test=department-tree]'],
      ['audit', '/admin/audit', '[data-test=audit-changes]'],
      ['jobs', '/admin/jobs', '[data-test=job-table]'],
    ];
    const englishTitles = {};
    for (const [name, url, ready] of screens) {
      await page.goto(`${BASE_URL}${url}`);
      await page.locator(ready).waitFor();
      if (name === 'departments') await openFirstDepartment(page);
      englishTitles[name] = await page.locator('[data-test=page-title]').innerText();
      assert.deepEqual(await rawKeys(page), [], `raw keys on ${url}`);
      await settle(page);
      assert.deepEqual(await errorToasts(page), [], `errors reported on ${url}`);
      await screenshot(page, `${name}.en-US`);
    }

    // open a user by deep link, then reload the page
    await page.goto(`${BASE_URL}/admin/users`);
    await page.locator('[data-test=user-row-wangfang] a').first().click();
    await page.locator('[data-test=user-form]').waitFor();
    const userUrl = page.url();
    assert.match(new URL(userUrl).pathname, /^\/admin\/users\/[0-9a-f-]{36}$/);
    await page.reload();
    await page.locator('[data-test=user-form]').waitFor();
    assert.equal(page.url(), userUrl);
    await screenshot(page, 'user-detail.en-US');

    await page.goto(`${BASE_URL}/admin/roles`);
    await page.locator('[data-test=role-row-manager] a').first().click();
    await page.locator('[data-test=role-form]').waitFor();
    await screenshot(page, 'role-editor.en-US');

    await switchLanguage(page, 'zh-CN');
    assert.match(await page.locator('[data-test=side-menu]').innerText(), /用户/);
    await screenshot(page, 'role-editor.zh-CN');
    for (const [name, url, ready] of screens) {
      await page.goto(`${BASE_URL}${url}`);
      await page.locator(ready).waitFor();
      if (name === 'departments') await openFirstDepartment(page);
      const title = await page.locator('[data-test=page-title]').innerText();
      assert.notEqual(title, englishTitles[name], `${url} title is translated`);
      assert.deepEqual(await rawKeys(page), [], `raw keys on ${url}`);
      await screenshot(page, `${name}.zh-CN`);
    }
    await page.goto(userUrl);
    await page.locator('[data-test=user-form]').waitFor();
    await screenshot(page, 'user-detail.zh-CN');
    await page.goto(`${BASE_URL}/`);
    await page.locator('[data-test=page-title]').waitFor();
    await screenshot(page, 'home.zh-CN');
    await logout(page);
    await screenshot(page, 'login.zh-CN');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a wrong password shows the reason in the chosen language', async () => {
    const page = await newPage(browser, 'zh-CN');
    await page.goto(`${BASE_URL}/login`);
    await page.locator('[data-test=login-tenant]').fill('demo');
    await page.locator('[data-test=login-user]').fill('admin');
    await page.locator('[data-test=login-password]').fill('wrong-password');
    await page.locator('[data-test=login-submit]').click();
    await page.locator('[data-test=login-error]').getByText('用户名或密码错误').waitFor();
    await page.context().close();
  });

  test('the operator suspends the tenant (its users cannot sign in), resumes it, deletes it with a typed confirmation, then its edition', async () => {
    const operator = await newPage(browser, 'en-US');
    await login(operator, '', 'admin');
    await operator.goto(`${BASE_URL}/host/tenants`);
    await operator.locator('[data-test=tenant-search]').fill(tenantName);
    await operator.locator('[data-test=tenant-search]').press('Enter');
    const row = operator.locator(`[data-test=tenant-row-${tenantName}]`);
    await row.locator('[data-test=tenant-suspend]').click();
    await operator.locator('[data-test=tenant-suspend-reason]').fill('Unpaid invoice');
    await clickModalOk(operator);
    await row.getByText('Suspended').waitFor();

    const user = await newPage(browser, 'en-US');
    await user.goto(`${BASE_URL}/login`);
    await user.locator('[data-test=login-tenant]').fill(tenantName);
    await user.locator('[data-test=login-user]').fill('admin');
    await user.locator('[data-test=login-password]').fill(adminPassword);
    await user.locator('[data-test=login-submit]').click();
    await user.locator('[data-test=login-error]').getByText('This tenant is suspended').waitFor();
    await user.context().close();

    await row.getByText('Resume').click();
    await operator.locator('.ant-popover:visible .ant-btn-primary').click();
    await row.getByText('Active').waitFor();

    await row.locator('[data-test=tenant-delete]').click();
    assert.equal(await modalOk(operator).isDisabled(), true, 'delete waits for the typed name');
    await operator.locator('[data-test=tenant-delete-confirm]').fill(tenantName);
    await clickModalOk(operator);
    await row.waitFor({ state: 'detached' });

    await operator.goto(`${BASE_URL}/host/editions`);
    const editionRow = operator.locator(`[data-test="edition-row-${edition}"]`);
    await editionRow.getByText('Delete').click();
    await operator.locator('.ant-popover:visible .ant-btn-primary').click();
    await editionRow.waitFor({ state: 'detached' });
    assert.deepEqual(await errorToasts(operator), []);
    await operator.context().close();
  });

  test('the shell stays usable on a tablet', async () => {
    const page = await newPage(browser, 'en-US', { width: 900, height: 1100 });
    await login(page, 'demo', 'admin');
    await page.goto(`${BASE_URL}/admin/users`);
    await page.locator('[data-test=user-table]').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 910, `no horizontal page scroll on a tablet (was ${width}px)`);
    await screenshot(page, 'users.tablet.en-US');
    await page.context().close();
  });
});
