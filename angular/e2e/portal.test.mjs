// Browser test of the customer portal: a contact is invited, accepts, signs in at /portal/login, submits a
// request, sees the agent's public reply (the agent works through the API) but never the internal note, and
// rates the answer. Screenshots of the portal and of the staff portal pages in both languages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiAs, BASE_URL, launch, login, newPage, screenshot, settle, workflowsSettled } from './support.mjs';

const stamp = Date.now().toString(36);
const PORTAL_PASSWORD = 'Portal#2026x';

async function rawPortalKeys(page) {
  const text = await page.locator('body').innerText();
  return [...new Set(text.match(/\bportal\.[A-Za-z_][\w.-]*/g) ?? [])];
}

describe('Customer portal', { concurrency: false }, () => {
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
    test(`a portal customer signs in, submits a request, sees the public reply and rates it (${language})`, async () => {
      const email = `portal.${language}.${stamp}@example.com`;
      const customer = await admin.post('/api/customers', {
        kind: 'Company', name: `Portal customer ${language} ${stamp}`, phones: [], emails: [], tags: [],
        contacts: [{ name: language === 'zh-CN' ? '陈明' : 'Chen Ming', email, mobile: '13900000001', isPrimary: true }],
      });
      const contacts = await admin.get(`/api/customers/${customer.id}/contacts`);
      const contact = (contacts.items ?? contacts)[0];
      const invitation = await admin.post('/api/portal-admin/accounts/invitations', { customerId: customer.id, contactId: contact.id });

      // The invitation link: choose a password, land in the portal.
      const page = await newPage(browser, language);
      const path = invitation.acceptUrl.slice(invitation.acceptUrl.indexOf('/portal/accept'));
      await page.goto(`${BASE_URL}${path}`);
      await page.locator('[data-test=accept-password]').fill(PORTAL_PASSWORD);
      await page.locator('[data-test=accept-submit]').click();
      await page.waitForURL(/\/portal\/requests$/);
      await page.locator('[data-test=portal-logout]').count(); // menu is in a dropdown; sign out through storage
      await page.evaluate(() => localStorage.removeItem('saascrm.session'));

      // A portal account on a staff page goes back to the portal; the portal login signs in.
      await page.goto(`${BASE_URL}/portal/login`);
      await page.locator('[data-test=portal-login-tenant]').fill('demo');
      await page.locator('[data-test=portal-login-user]').fill(email);
      await page.locator('[data-test=portal-login-password]').fill(PORTAL_PASSWORD);
      await settle(page);
      await screenshot(page, `portal-login-${language}`);
      await page.locator('[data-test=portal-login-submit]').click();
      await page.waitForURL(/\/portal\/requests$/);
      await page.goto(`${BASE_URL}/customers`);
      await page.waitForURL(/\/portal\/requests$/);

      // New request.
      await page.locator('[data-test=new-request]').click();
      await page.locator('input[name=title]').fill(language === 'zh-CN' ? '空调不制冷' : 'Air conditioner not cooling');
      await page.locator('textarea[name=description]').fill(language === 'zh-CN' ? '客厅空调开机后只吹风。' : 'The living room unit only blows air.');
      await settle(page);
      await screenshot(page, `portal-new-request-${language}`);
      await page.locator('[data-test=submit-request]').click();
      await page.waitForURL(/\/portal\/requests\/[0-9a-f-]{36}$/);
      const ticketId = page.url().split('/').pop();

      // The agent answers (public) and notes something internal, then resolves: through the API, once the
      // auto-assignment has run (else it could reassign the ticket between these steps).
      await workflowsSettled(admin, 'ticket', ticketId);
      await admin.post(`/api/tickets/${ticketId}/assign`, { assigneeId: admin.id });
      await admin.post(`/api/tickets/${ticketId}/accept`);
      await admin.post(`/api/tickets/${ticketId}/comments`, { content: `INTERNAL note ${stamp}`, isInternal: true });
      const answer = language === 'zh-CN' ? '师傅已补充冷媒，请再试一下。' : 'Our technician refilled the refrigerant; please try again.';
      await admin.post(`/api/tickets/${ticketId}/comments`, { content: answer, isInternal: false });
      await admin.post(`/api/tickets/${ticketId}/status`, { status: 'Resolved' });

      await page.reload();
      await page.locator('[data-test=thread]').getByText(answer).waitFor();
      assert.equal(await page.getByText(`INTERNAL note ${stamp}`).count(), 0, 'internal notes never reach the portal');
      await page.locator('[data-test=rating-card] .ant-rate-star').nth(3).locator('.ant-rate-star-second').click();
      await page.locator('[data-test=submit-rating]').click();
      await page.locator('[data-test=rated]').waitFor();
      const ticket = await admin.get(`/api/tickets/${ticketId}`);
      assert.equal(ticket.satisfactionRating, 4);
      await screenshot(page, `portal-request-${language}`);

      await page.goto(`${BASE_URL}/portal/requests`);
      await page.getByText(ticket.number).waitFor();
      await screenshot(page, `portal-requests-${language}`);
      assert.deepEqual(await rawPortalKeys(page), []);
      assert.deepEqual(page.errors, []);
      await page.context().close();

      // Staff pages: portal accounts and partners.
      const staff = await newPage(browser, language);
      await login(staff, 'demo', 'admin');
      await staff.goto(`${BASE_URL}/admin/portal-accounts`);
      await staff.getByText(email).waitFor();
      await screenshot(staff, `portal-admin-accounts-${language}`);
      await staff.goto(`${BASE_URL}/admin/partners`);
      await settle(staff);
      await screenshot(staff, `portal-admin-partners-${language}`);
      assert.deepEqual(await rawPortalKeys(staff), []);
      // Staff on portal pages go to the staff home.
      await staff.goto(`${BASE_URL}/portal/requests`);
      await staff.waitForURL((u) => !u.pathname.startsWith('/portal'));
      await staff.context().close();
    });
  }
});
