// Browser tests of returns and consultations: a clerk records a quick-return entry and submits it, the approval workflow
// names the store's lead, who approves it; the clerk sees the status. Screenshots of both areas in both languages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiAs, BASE_URL, expectNoRawKeys, launch, login, newPage, PASSWORD, pickOption, screenshot, until } from './support.mjs';

const stamp = Date.now().toString(36);
const AREAS = ['returns', 'consultations']; // translation keys of this area that must never show raw

describe('Returns and consultations', { concurrency: false }, () => {
  let browser;
  let admin;
  let store;
  let lead;
  const clerkName = `clerk${stamp}`;
  const leadName = `lead${stamp}`;

  before(async () => {
    const health = await fetch(`${BASE_URL}/health`).catch(() => null);
    assert.ok(health?.ok, `the host must be running at ${BASE_URL}`);
    browser = await launch();
    admin = await apiAs('admin');
    const roles = await admin.get('/api/identity/roles');
    const role = (name) => (roles.items ?? roles).find((r) => r.name === name).id;
    store = await admin.post('/api/departments', { name: `Store ${stamp}`, parentId: null });
    for (const [userName, roleName] of [[clerkName, 'sales'], [leadName, 'service']]) {
      await admin.post('/api/identity/users', { userName, name: userName, email: `${userName}@demo.local`, phoneNumber: null, password: PASSWORD, isActive: true, roleIds: [role(roleName)], departmentIds: [store.id] });
    }
    lead = await apiAs(leadName);
    await admin.put(`/api/departments/${store.id}/head`, { userId: lead.id });
  });
  after(async () => browser?.close());

  test('a return entry goes through approval: recorded by the clerk, approved by the store lead', async () => {
    const page = await newPage(browser, 'en-US');
    await login(page, 'demo', clerkName);
    await page.goto(`${BASE_URL}/service/returns`);
    await page.locator('[data-test=return-table]').waitFor();
    await page.locator('[data-test=return-create]').click();
    await page.locator('[data-test=return-kind-QuickReturn]').click();
    // kind-specific validation: saving empty names the required fields
    await page.locator('[data-test=return-submit]').click();
    await page.locator('[data-test=return-field-orderNumber] .ant-form-item-explain-error').waitFor();
    await page.locator('[data-test=return-customerName]').fill('Zhang Min');
    await page.locator('[data-test=return-customerPhone]').fill('13900001111');
    await page.locator('[data-test=return-orderNumber]').fill(`SO-${stamp}`);
    await page.locator('[data-test=return-productCode]').fill('MD-KFR-35');
    await pickOption(page, page.locator('[data-test=return-field-brandCode] nz-select'), 'Midea');
    await page.locator('[data-test=return-field-coordinationMatter] textarea').fill('Customer travels tomorrow, refund today');
    await pickOption(page, page.locator('[data-test=return-field-departmentId] nz-select'), `Store ${stamp}`);
    await screenshot(page, 'returns-form.en-US');
    await page.locator('[data-test=return-submit]').click();
    await page.locator('[data-test=return-status]').waitFor();
    assert.equal((await page.locator('[data-test=return-status]').innerText()).trim(), 'Waiting for approval');
    const id = page.url().split('/').pop();

    // the approval workflow names the store's head
    await until(async () => (await admin.get(`/api/returns/${id}`)).approverId === lead.id, 'the approver named by the workflow');
    await page.reload();
    await page.locator('[data-test=return-approver]').waitFor();
    assert.equal((await page.locator('[data-test=return-approver]').innerText()).trim(), leadName);
    assert.equal(await page.locator('[data-test=return-approve]').count(), 0, 'the recorder cannot approve');
    await expectNoRawKeys(page, 'return detail (clerk)', AREAS);

    const leadPage = await newPage(browser, 'en-US');
    await login(leadPage, 'demo', leadName);
    await leadPage.goto(`${BASE_URL}/service/returns`);
    await leadPage.locator('[data-test=return-table]').waitFor();
    await leadPage.locator('.ant-tabs-tab', { hasText: 'Waiting for my approval' }).click();
    await leadPage.locator(`[data-test^=return-row-]`).first().waitFor();
    await leadPage.goto(`${BASE_URL}/service/returns/${id}`);
    await leadPage.locator('[data-test=return-approve]').waitFor();
    await screenshot(leadPage, 'returns-approval.en-US');
    // rejecting needs a reason
    await leadPage.locator('[data-test=return-reject]').click();
    await leadPage.getByText('Give a reason to reject').waitFor();
    await leadPage.locator('[data-test=return-note]').fill('Approved: within the 7-day policy');
    await leadPage.locator('[data-test=return-approve]').click();
    await leadPage.locator('[data-test=return-status]', { hasText: 'Approved' }).waitFor();

    // the clerk sees the status in the list
    await page.goto(`${BASE_URL}/service/returns`);
    const row = page.locator('tr', { hasText: `SO-${stamp}` });
    await row.waitFor();
    assert.equal((await row.locator('[data-test=return-row-status]').innerText()).trim(), 'Approved');
    await screenshot(page, 'returns-list.en-US');
    await page.goto(`${BASE_URL}/service/returns/${id}`);
    await page.locator('[data-test=return-complete]').waitFor();
    await screenshot(page, 'returns-detail.en-US');
    assert.deepEqual(page.errors, []);
    assert.deepEqual(leadPage.errors, []);
    await leadPage.context().close();
    await page.context().close();
  });

  test('a rejected entry and the screens in Chinese', async () => {
    const clerk = await apiAs(clerkName);
    const entry = await clerk.post('/api/returns', {
      kind: 'PriceProtection', departmentId: store.id, customerName: '李先生', customerPhone: '13911112222', productCategoryCode: 'digital', reasonCode: 'price-drop', amount: 200.5, submit: true,
    });
    await until(async () => (await admin.get(`/api/returns/${entry.id}`)).approverId === lead.id, 'the approver');
    const leadPage = await newPage(browser, 'zh-CN');
    await login(leadPage, 'demo', leadName);
    await leadPage.goto(`${BASE_URL}/service/returns/${entry.id}`);
    await leadPage.locator('[data-test=return-reject]').waitFor();
    await leadPage.locator('[data-test=return-note]').fill('缺少购买凭证');
    await leadPage.locator('[data-test=return-reject]').click();
    await leadPage.locator('.ant-popover-buttons .ant-btn-primary, .ant-popconfirm-buttons .ant-btn-primary').first().click();
    await leadPage.locator('[data-test=return-status]', { hasText: '已驳回' }).waitFor();
    await screenshot(leadPage, 'returns-detail.zh-CN');
    await expectNoRawKeys(leadPage, 'return detail (zh)', AREAS);
    await leadPage.goto(`${BASE_URL}/service/returns`);
    await leadPage.locator('[data-test=return-table] tbody tr.ant-table-row').first().waitFor();
    await screenshot(leadPage, 'returns-list.zh-CN');
    await leadPage.locator('[data-test=return-create]').click();
    await leadPage.locator('[data-test=return-kind-VipHomeRefund]').click();
    // the amount's currency: CNY unless another is picked
    const currency = leadPage.locator('[data-test=return-field-amount] [data-test=return-currency]');
    assert.equal((await currency.innerText()).trim(), 'CNY');
    await pickOption(leadPage, currency, 'USD');
    // the select shows the pick after the next change detection: wait for it rather than read at once
    await currency.locator('.ant-select-selection-item', { hasText: 'USD' }).waitFor({ timeout: 5000 });
    await screenshot(leadPage, 'returns-form.zh-CN');
    await expectNoRawKeys(leadPage, 'return form (zh)', AREAS);
    assert.deepEqual(leadPage.errors, []);
    await leadPage.context().close();
  });

  test('the returns report totals one currency at a time, picked on the page', async () => {
    const clerk = await apiAs(clerkName);
    await clerk.post('/api/returns', {
      kind: 'PriceProtection', departmentId: store.id, customerName: 'Ms Lee', customerPhone: '13911113333', productCategoryCode: 'digital', reasonCode: 'price-drop', amount: 80.25, currencyCode: 'USD', submit: true,
    });
    const reportName = (await admin.get('/api/service/reports?language=zh-CN')).find((r) => r.key === 'returns').name;
    const page = await newPage(browser, 'zh-CN');
    await login(page, 'demo', 'admin');
    await page.goto(`${BASE_URL}/service/reports`);
    await page.locator('[data-test=report-choice] .ant-select-selection-item').waitFor(); // the definitions loaded
    await pickOption(page, page.locator('[data-test=report-choice]'), reportName);
    const currency = page.locator('[data-test=report-option-currency]');
    await currency.locator('.ant-select-selection-item', { hasText: 'CNY' }).waitFor();
    await page.locator('[data-test=report-total]').waitFor();
    // Picking USD asks for USD entries only; the total row shows what came back (this entry at least).
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/service/reports/returns') && r.url().includes('filter.currency=USD')),
      pickOption(page, currency, 'USD'),
    ]);
    const usd = (await response.json()).total.values.amount;
    assert.ok(usd >= 80.25, `USD total ${usd}`);
    await page.locator('[data-test=report-total]', { hasText: usd.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) }).waitFor();
    await screenshot(page, 'returns-report-usd.zh-CN');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('consultations: transferred, answered by the department, replied to the customer', async () => {
    const clerk = await apiAs(clerkName);
    const c = await clerk.post('/api/consultations', { enquiryTypeCode: 'product', content: `Does the Haier BCD-470 qualify for the energy subsidy? ${stamp}`, contactName: 'Wang', contactPhone: '13800138000', productCategoryCode: 'appliances', brandCode: 'haier', quantity: 2 });
    await clerk.post(`/api/consultations/${c.id}/transfer`, { departmentId: store.id, deadline: new Date(Date.now() + 4 * 3600_000).toISOString() });
    await clerk.post('/api/consultations', { enquiryTypeCode: 'price', content: `Price of the Gree KFR-35? ${stamp}`, quantity: 1, answer: '2,999 yuan this week', replyChannelCode: 'phone' });

    for (const language of ['en-US', 'zh-CN']) {
      const leadPage = await newPage(browser, language);
      await login(leadPage, 'demo', leadName);
      await leadPage.goto(`${BASE_URL}/service/consultations`);
      await leadPage.locator('[data-test=consultation-table] tbody tr.ant-table-row').first().waitFor();
      await screenshot(leadPage, `consultations-list.${language}`);
      await expectNoRawKeys(leadPage, `consultation list (${language})`, AREAS);
      await leadPage.goto(`${BASE_URL}/service/consultations/${c.id}`);
      await leadPage.locator('[data-test=consultation-status]').waitFor();
      if (language === 'en-US') {
        await leadPage.locator('[data-test=consultation-department-answer]').click();
        await leadPage.locator('[data-test=panel-text]').fill('Yes: 13% subsidy, apply within 30 days with the invoice.');
        await leadPage.locator('[data-test=panel-submit]').click();
        await leadPage.locator('[data-test=consultation-status]', { hasText: 'Department answered' }).waitFor();
      }
      await screenshot(leadPage, `consultations-detail.${language}`);
      await expectNoRawKeys(leadPage, `consultation detail (${language})`, AREAS);
      await leadPage.locator('[data-test=consultation-number]').waitFor();
      if (language === 'zh-CN') {
        await leadPage.goto(`${BASE_URL}/service/consultations`);
        await leadPage.locator('[data-test=consultation-create]').click();
        await leadPage.locator('[data-test=consultation-answer-now]').click();
        await screenshot(leadPage, 'consultations-form.zh-CN');
      }
      assert.deepEqual(leadPage.errors, []);
      await leadPage.context().close();
    }

    // the originator was notified and replies to the customer
    const page = await newPage(browser, 'en-US');
    await login(page, 'demo', clerkName);
    await until(async () => (await clerk.get('/api/notifications')).items.some((n) => n.kind === 'consultation.answered'), 'the originator\'s notification');
    await page.goto(`${BASE_URL}/service/consultations/${c.id}`);
    await page.locator('[data-test=consultation-reply]').click();
    await page.locator('[data-test=panel-text]').fill('Told Ms Wang by phone.');
    await page.locator('[data-test=panel-submit]').click();
    await page.locator('[data-test=consultation-status]', { hasText: 'Answered' }).waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
