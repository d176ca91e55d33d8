// Browser test of the partner portal: staff set up a partner organisation with a user and one assigned customer
// (through the API); the partner user signs in at /portal/login, sees only that customer's tickets, downloads the
// file of a public reply, registers a request for the customer and is never offered an unassigned customer.
// Screenshots in both languages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiAs, BASE_URL, expectNoRawKeys, launch, login, newPage, PASSWORD, screenshot, settle, switchLanguage, until } from './support.mjs';

const stamp = Date.now().toString(36);
const PORTAL_PASSWORD = 'Portal#2026x';

/** Uploads a small CSV (multipart, which apiAs does not send) to a ticket or article upload endpoint and answers its file id. */
async function uploadFile(name, content, url = '/api/tickets/attachments') {
  const login = await fetch(`${BASE_URL}/api/account/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: 'demo', userName: 'admin', password: PASSWORD }),
  });
  const { accessToken } = await login.json();
  const form = new FormData();
  form.append('file', new Blob([content], { type: 'text/csv' }), name);
  const r = await fetch(`${BASE_URL}${url}`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` }, body: form });
  const text = await r.text();
  assert.equal(r.status, 201, text);
  return JSON.parse(text).fileId;
}

describe('Partner portal', { concurrency: false }, () => {
  let browser;
  let admin;
  before(async () => {
    const health = await fetch(`${BASE_URL}/health`).catch(() => null);
    assert.ok(health?.ok, `the host must be running at ${BASE_URL}`);
    browser = await launch();
    admin = await apiAs('admin');
  });
  after(async () => browser?.close());

  for (const language of ['en-US', 'zh-CN']) {
    test(`a partner user sees only the assigned customer's tickets and registers a request for it (${language})`, async () => {
      const zh = language === 'zh-CN';
      const company = (name) => admin.post('/api/customers', { kind: 'Company', name, phones: [], emails: [], tags: [] });
      const assigned = await company(zh ? `华东家电城 ${stamp}` : `East Appliance Mall ${stamp}`);
      const unassigned = await company(zh ? `未分配客户 ${stamp}` : `Unassigned customer ${stamp}`);
      const ticket = (customerId, title) => admin.post('/api/tickets', { customerId, title, categoryCode: 'repair', priorityCode: 'normal' });
      const visible = await ticket(assigned.id, zh ? `冰箱噪音大 ${stamp}` : `Fridge is noisy ${stamp}`);
      const hidden = await ticket(unassigned.id, zh ? `不属于伙伴 ${stamp}` : `Not the partner's ${stamp}`);
      const fileName = `checklist-${stamp}.csv`;
      const fileId = await uploadFile(fileName, 'step,done\ncheck mounts,no\n');
      await admin.post(`/api/tickets/${visible.id}/comments`, {
        content: zh ? '请按附件清单检查压缩机底座。' : 'Please check the compressor mounts with the attached list.', attachmentFileIds: [fileId],
      });
      await admin.post(`/api/tickets/${visible.id}/comments`, { content: `INTERNAL ${stamp}`, isInternal: true });

      // The partner organisation, its user and its one customer.
      const partner = await admin.post('/api/portal-admin/partners', {
        name: zh ? `华东经销商 ${stamp}` : `East Dealer ${stamp}`, type: 'Dealer', modules: ['tickets', 'knowledge'],
      });
      await admin.put(`/api/portal-admin/partners/${partner.id}/customers`, { customerIds: [assigned.id] });
      const userName = `dealer-${language}-${stamp}`;
      await admin.post(`/api/portal-admin/partners/${partner.id}/users`, { userName, name: zh ? '赵经理' : 'Manager Zhao', password: PORTAL_PASSWORD });

      const page = await newPage(browser, language);
      await page.goto(`${BASE_URL}/portal/login`);
      await page.locator('[data-test=portal-login-tenant]').fill('demo');
      await page.locator('[data-test=portal-login-user]').fill(userName);
      await page.locator('[data-test=portal-login-password]').fill(PORTAL_PASSWORD);
      await page.locator('[data-test=portal-login-submit]').click();
      await page.waitForURL(/\/portal\/requests$/);

      // Only the assigned customer's ticket is listed.
      await page.getByText(visible.number).waitFor();
      assert.equal(await page.getByText(hidden.number).count(), 0, 'a ticket of an unassigned customer is never listed');
      await expectNoRawKeys(page, 'partner tickets', ['portal']);
      await screenshot(page, `partner-portal-tickets-${language}`);

      // The ticket: the public reply with its file (downloadable), never the internal note.
      await page.getByText(visible.number).click();
      await page.waitForURL(new RegExp(`/portal/partner/tickets/${visible.id}$`));
      const link = page.locator('[data-test=attachment]', { hasText: fileName });
      await link.waitFor();
      assert.equal(await page.getByText(`INTERNAL ${stamp}`).count(), 0, 'internal notes never reach the portal');
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      assert.equal(download.suggestedFilename(), fileName);
      await expectNoRawKeys(page, 'partner ticket', ['portal']);
      await screenshot(page, `partner-portal-ticket-${language}`);

      // The unassigned customer's ticket answers nothing.
      await page.goto(`${BASE_URL}/portal/partner/tickets/${hidden.id}`);
      await settle(page);
      assert.equal(await page.getByText(hidden.title).count(), 0);

      // My customers: the assigned one only.
      await page.goto(`${BASE_URL}/portal/partner/customers`);
      await page.getByText(assigned.name).waitFor();
      assert.equal(await page.getByText(unassigned.name).count(), 0);
      await expectNoRawKeys(page, 'partner customers', ['portal']);
      await screenshot(page, `partner-portal-customers-${language}`);

      // A new request, opened with the unassigned customer in the link: that customer is not offered, the field starts empty.
      await page.goto(`${BASE_URL}/portal/partner/tickets/new?customerId=${unassigned.id}`);
      const customerSelect = page.locator('[data-test=customer]');
      await customerSelect.waitFor();
      await settle(page);
      assert.equal(await customerSelect.locator('.ant-select-selection-item').count(), 0, 'the unassigned customer is not preselected');
      await customerSelect.click();
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await options.first().waitFor();
      assert.deepEqual(await options.allInnerTexts(), [assigned.name]);
      await screenshot(page, `partner-portal-new-request-${language}`);
      await options.first().click();
      const title = zh ? `上门安装两台空调 ${stamp}` : `Install two air conditioners ${stamp}`;
      await page.locator('input[name=title]').fill(title);
      await page.locator('textarea[name=description]').fill(zh ? '客户周六上午在家。' : 'The customer is at home on Saturday morning.');
      await page.locator('[data-test=submit-request]').click();
      await page.waitForURL(/\/portal\/partner\/tickets\/[0-9a-f-]{36}$/);
      const createdId = page.url().split('/').pop();
      await page.getByText(title).first().waitFor();

      const created = await until(() => admin.get(`/api/tickets/${createdId}`).catch(() => null), 'the new ticket');
      assert.equal(created.customerId, assigned.id);
      assert.equal(created.title, title);
      await page.goto(`${BASE_URL}/portal/requests`);
      await page.getByText(created.number).waitFor();
      assert.equal(await page.getByText(hidden.number).count(), 0);

      // An article for partners with a file: the partner reads it and downloads the file.
      const guideName = `install-sheet-${stamp}.csv`;
      const guideFile = await uploadFile(guideName, 'item,value\nheight,2.3m\n', '/api/knowledge/articles/attachments');
      const draft = await admin.post('/api/knowledge/articles', {
        title: zh ? `经销商安装记录表 ${stamp}` : `Dealer installation sheet ${stamp}`, body: zh ? '<p>安装完成后填写附件中的记录表。</p>' : '<p>Fill in the attached sheet after each installation.</p>',
        categoryCode: 'training', tags: ['dealer'], visibility: 'Partners', attachmentFileIds: [guideFile],
      });
      await admin.post(`/api/knowledge/articles/${draft.id}/publish`, { concurrencyStamp: draft.concurrencyStamp });
      await page.goto(`${BASE_URL}/portal/articles/${draft.id}`);
      const guideLink = page.locator('[data-test=article-attachment]', { hasText: guideName });
      await guideLink.waitFor();
      const [guideDownload] = await Promise.all([page.waitForEvent('download'), guideLink.click()]);
      assert.equal(guideDownload.suggestedFilename(), guideName);
      await expectNoRawKeys(page, 'partner article', ['portal', 'knowledge']);
      await screenshot(page, `partner-portal-article-${language}`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }

  for (const language of ['en-US', 'zh-CN']) {
    test(`the tenant admin edits a partner's contact details without losing the others (${language})`, async () => {
      const name = `${language === 'zh-CN' ? '华南经销商' : 'South Dealer'} ${stamp}`;
      const partner = await admin.post('/api/portal-admin/partners', {
        name, type: 'Dealer', modules: ['tickets'], contactName: 'Liu', phone: '020-1234 5678', email: `south.${stamp}@example.com`,
      });
      const page = await newPage(browser, language);
      await login(page, 'demo', 'admin');
      if (language !== 'en-US') await switchLanguage(page, language);
      await page.goto(`${BASE_URL}/admin/partners`);
      await page.locator('tr', { hasText: name }).locator('[data-test=partner-edit]').click();
      // The drawer shows every contact field as saved; changing the phone keeps the e-mail.
      assert.equal(await page.locator('[data-test=partner-email]').inputValue(), `south.${stamp}@example.com`);
      assert.equal(await page.locator('[data-test=partner-contact]').inputValue(), 'Liu');
      await page.locator('[data-test=partner-phone]').fill('020-8765 4321');
      await settle(page);
      await expectNoRawKeys(page, 'partner drawer', ['portal']);
      await screenshot(page, `portal-admin-partner-${language}`);
      await page.locator('[data-test=partner-save]').click();
      await until(async () => (await admin.get('/api/portal-admin/partners')).find((p) => p.id === partner.id)?.phone === '020-8765 4321', 'the phone is saved');
      const saved = (await admin.get('/api/portal-admin/partners')).find((p) => p.id === partner.id);
      assert.equal(saved.email, `south.${stamp}@example.com`);
      assert.equal(saved.contactName, 'Liu');
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }
});
