// Browser test of the knowledge base: an agent resolves a ticket, turns it into an article in one step, publishes it
// for customers; a customer's portal account finds it on the portal article page and marks it helpful.
// Screenshots in both languages. The portal account comes from a portal invitation to a customer's contact.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiAs, BASE_URL, expectNoRawKeys, launch, login, newPage, PASSWORD, screenshot, until } from './support.mjs';

const stamp = Date.now().toString(36);
const AREAS = ['knowledge']; // translation keys of this area that must never show raw

/** Signs a portal account in through the API and hands the session to the app (the staff login page expects the staff shell). */
async function portalLogin(page, tenant, userName) {
  const r = await fetch(`${BASE_URL}/api/account/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant, userName, password: PASSWORD }) });
  assert.ok(r.ok, `portal login ${userName}: ${r.status}`);
  const tokens = await r.json();
  await page.goto(`${BASE_URL}/login`);
  await page.evaluate((t) => {
    localStorage.setItem('saascrm.session', JSON.stringify({ accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: Date.now() + 50 * 60 * 1000 }));
  }, tokens);
}

describe('Knowledge base', { concurrency: false }, () => {
  let browser;
  let admin;
  let customer;
  const agentName = `kbagent${stamp}`;
  const portalName = `kbportal${stamp}`;
  const ticketTitle = `Air conditioner not cooling ${stamp}`;

  before(async () => {
    const health = await fetch(`${BASE_URL}/health`).catch(() => null);
    assert.ok(health?.ok, `the host must be running at ${BASE_URL}`);
    browser = await launch();
    admin = await apiAs('admin');
    const roles = await admin.get('/api/identity/roles');
    const serviceRole = (roles.items ?? roles).find((r) => r.name === 'service');
    await admin.post('/api/identity/users', { userName: agentName, name: `KB Agent ${stamp}`, email: `${agentName}@demo.local`, phoneNumber: null, password: PASSWORD, isActive: true, roleIds: [serviceRole.id], departmentIds: [] });
    customer = await admin.post('/api/customers', { kind: 'Company', name: `KB customer ${stamp}`, phones: [], emails: [], tags: [] });
  });
  after(async () => browser?.close());

  for (const language of ['en-US', 'zh-CN']) {
    test(`an agent turns a resolved ticket into an article and publishes it for customers (${language})`, async () => {
      const agent = await apiAs(agentName);
      const title = `${ticketTitle} ${language}`;
      const ticket = await admin.post('/api/tickets', {
        customerId: customer.id, title, categoryCode: 'repair', priorityCode: 'normal', assigneeId: agent.id,
        description: 'The customer says the air conditioner runs but does not cool; the filter is very dirty.',
      });
      await agent.post(`/api/tickets/${ticket.id}/accept`);
      await agent.post(`/api/tickets/${ticket.id}/comments`, { content: 'Cleaned the filter on site; cooling is back.', isInternal: false, fromCustomer: false });

      const page = await newPage(browser, language);
      await login(page, 'demo', agentName);
      await page.goto(`${BASE_URL}/service/tickets/${ticket.id}`);
      await page.locator('[data-test=ticket-articles]').waitFor();
      assert.equal(await page.locator('[data-test=ticket-create-article]').count(), 0, 'no article from an open ticket');

      await agent.post(`/api/tickets/${ticket.id}/status`, { status: 'Resolved', note: 'filter cleaned' });
      await page.reload();
      await page.locator('[data-test=ticket-create-article]').click();
      await page.waitForURL(/\/knowledge\/articles\/[^/]+\/edit$/);
      await page.locator('.ql-editor').waitFor();
      assert.equal(await page.locator('[data-test=knowledge-editor-title]').inputValue(), title);
      assert.match(await page.locator('.ql-editor').innerText(), /Cleaned the filter on site/);
      await expectNoRawKeys(page, 'the article editor', AREAS);
      await screenshot(page, `knowledge-editor-${language}`);

      await page.locator('[data-test=knowledge-visibility-Customers]').click();
      await page.locator('[data-test=knowledge-save]').click();
      await page.locator('.ant-message-success').waitFor();
      await page.locator('[data-test=knowledge-publish]').click();
      await page.locator('[data-test=knowledge-editor-status]', { hasText: language === 'zh-CN' ? '已发布' : 'Published' }).waitFor();

      await page.locator('[data-test=knowledge-versions]').click();
      await page.locator('[data-test=knowledge-version-list] nz-list-item, [data-test=knowledge-version-list] .ant-list-item').first().waitFor();
      await screenshot(page, `knowledge-versions-${language}`);
      await page.keyboard.press('Escape');

      // the staff list finds it with highlights and counts by category, once the search index has applied the article
      // (it is applied in the background: a search typed before that would answer without it)
      await until(async () => (await agent.get(`/api/knowledge/articles?q=${encodeURIComponent(`filter ${stamp}`)}`)).items
        .some((i) => i.title.replace(/<\/?em>/g, '') === title), 'the search index to apply the article', 30000);
      await page.goto(`${BASE_URL}/knowledge`);
      await page.locator('[data-test=knowledge-search]').fill(`filter ${stamp}`);
      // the search answer (not the list before it) shows the article with its matches highlighted
      await page.locator('[data-test=knowledge-row]', { hasText: title }).locator('em').first().waitFor({ timeout: 30000 });
      await page.locator('[data-test=knowledge-facet-case]').waitFor();
      await expectNoRawKeys(page, 'the knowledge list', AREAS);
      await screenshot(page, `knowledge-list-${language}`);
      await page.context().close();
    });
  }

  test('a customer portal account finds the published article and rates it', async () => {
    // A contact of a customer is invited to the portal and chooses a password, as a customer would.
    const customer = await admin.post('/api/customers', {
      kind: 'Company', name: `Knowledge portal customer ${stamp}`, phones: [], emails: [], tags: [],
      contacts: [{ name: `Reader ${stamp}`, email: `${portalName}@example.com`, isPrimary: true }],
    });
    const contacts = await admin.get(`/api/customers/${customer.id}/contacts`);
    const invitation = await admin.post('/api/portal-admin/accounts/invitations', { customerId: customer.id, contactId: (contacts.items ?? contacts)[0].id });
    const token = new URL(invitation.acceptUrl, BASE_URL).searchParams.get('token');
    const accepted = await fetch(`${BASE_URL}/api/portal/invitations/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, password: PASSWORD }) });
    assert.equal(accepted.status, 200, `accepting the invitation: ${accepted.status}`);
    const account = await accepted.json();

    for (const language of ['en-US', 'zh-CN']) {
      const page = await newPage(browser, language);
      await portalLogin(page, 'demo', account.userName);
      await page.goto(`${BASE_URL}/portal/articles`);
      await page.locator('[data-test=portal-articles-search]').fill(`cooling ${stamp}`);
      const row = page.locator('[data-test=knowledge-row]', { hasText: `${ticketTitle} ${language}` });
      await row.waitFor({ timeout: 30000 });
      await expectNoRawKeys(page, 'the portal search', AREAS);
      await screenshot(page, `knowledge-portal-search-${language}`);
      await row.click();
      await page.locator('[data-test=knowledge-read-title]').waitFor();
      await page.locator('[data-test=knowledge-helpful-yes]').click();
      await page.locator('[data-test=knowledge-helpful-thanks]').waitFor();
      await screenshot(page, `knowledge-portal-article-${language}`);
      await page.context().close();
    }
  });
});
