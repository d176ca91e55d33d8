// Browser test of the call center: the tenant's telephony system posts an incoming call with an API key and the
// signed-in agent's screen pops the caller's customer 360; an unknown number offers a prefilled new customer.
// Screenshots of the pop, the call log and the telephony settings in both languages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiAs, BASE_URL, dialogOpened, launch, login, newPage, screenshot, settle, switchLanguage } from './support.mjs';

const stamp = Date.now().toString(36);
const digits = String(Date.now()).slice(-8);

async function rawCallCenterKeys(page) {
  const text = await page.locator('body').innerText();
  return [...new Set(text.match(/\bcallcenter\.[A-Za-z_][\w.-]*/g) ?? [])];
}

/** The telephony system: no user, only the key. */
async function incomingCall(key, number, extension, callId) {
  const r = await fetch(`${BASE_URL}/api/telephony/incoming-call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ callerNumber: number, agentExtension: extension, callId }),
  });
  const text = await r.text();
  assert.equal(r.status, 200, text);
  return JSON.parse(text);
}

/** The telephony system's answer and hang-up reports. */
async function callEvent(key, kind, body) {
  const r = await fetch(`${BASE_URL}/api/telephony/${kind}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify(body) });
  assert.equal(r.status, 204, await r.text());
}

describe('Call center', { concurrency: false }, () => {
  let browser;
  let admin;
  let key;
  let customer;
  const extension = `e${digits.slice(-5)}`;
  const phone = `139${digits}`;

  before(async () => {
    const health = await fetch(`${BASE_URL}/health`).catch(() => null);
    assert.ok(health?.ok, `the host must be running at ${BASE_URL}`);
    browser = await launch();
    admin = await apiAs('admin');
    const agent = await apiAs('zhangwei');
    key = (await admin.post('/api/telephony/keys', { name: `PBX ${stamp}` })).key;
    await admin.put('/api/telephony/extensions', { userId: agent.id, extension });
    customer = await admin.post('/api/customers', {
      kind: 'Company', name: `来电客户 ${stamp}`, phones: [phone], emails: [], tags: [], ownerId: agent.id,
      contacts: [{ name: '王磊', mobile: `137${digits}`, isPrimary: true }],
    });
    await admin.post('/api/tickets', { customerId: customer.id, title: `空调不制冷 ${stamp}`, categoryCode: 'repair', priorityCode: 'normal' }).catch(() => undefined);
  });

  after(async () => {
    await browser?.close();
  });

  for (const language of ['en-US', 'zh-CN']) {
    test(`an incoming call pops the customer 360 on the agent's screen (${language})`, async () => {
      const page = await newPage(browser, language);
      await login(page, 'demo', 'zhangwei');
      // pushes arrive once the hub is connected
      await page.locator('[data-test=notifications][data-live=true]').waitFor();

      const callId = `e2e-${stamp}-${language}`;
      const result = await incomingCall(key, `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`, extension, callId);
      assert.equal(result.customerMatched, true);
      const pop = page.locator(`[data-test=screen-pop][data-call="${callId}"]`);
      await pop.waitFor();
      assert.equal((await page.locator('[data-test=screen-pop-customer-name]').innerText()).trim(), customer.name);
      assert.ok(Number(await page.locator('[data-test=screen-pop-open-tickets]').innerText()) >= 0);
      await settle(page);
      assert.deepEqual(await rawCallCenterKeys(page), []);
      await screenshot(page, `callcenter-screen-pop-${language === 'en-US' ? 'en' : 'zh'}`);

      // a follow-up straight from the pop
      await page.locator('[data-test=screen-pop-follow-up]').click();
      await page.locator('[data-test=screen-pop] app-dictionary-select nz-select').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
      await page.locator('[data-test=screen-pop-follow-up-content]').fill(`Caller asked about delivery ${language}`);
      await page.locator('[data-test=screen-pop-follow-up-save]').click();
      await page.locator('.ant-message-success').waitFor();
      const followUps = await admin.get(`/api/customers/${customer.id}/follow-ups`);
      assert.ok(followUps.items.some((f) => f.content === `Caller asked about delivery ${language}`));

      // the call is answered and ends before the customer is opened
      const recording = `https://pbx.example.com/rec/${callId}.mp3`;
      await callEvent(key, 'call-answered', { callId });
      await callEvent(key, 'call-ended', { callId, durationSeconds: 75, recordingUrl: recording });

      // open the customer from the pop: its detail page with click-to-call beside the phone
      await page.locator('[data-test=screen-pop-open]').click();
      await page.waitForURL(`**/customers/${customer.id}**`);
      await page.locator('[data-test=click-to-call]').first().waitFor();

      // the call on the customer's timeline: direction, talk time, status and the recording as a link
      const onTimeline = page.locator('[data-test=timeline-call]').filter({ has: page.locator(`[data-test=timeline-call-recording][href="${recording}"]`) });
      await onTimeline.waitFor();
      const zh = language === 'zh-CN';
      assert.equal((await onTimeline.locator('[data-test=timeline-call-direction]').innerText()).trim(), zh ? '呼入' : 'Incoming call');
      assert.match(await onTimeline.locator('[data-test=timeline-call-duration]').innerText(), zh ? /通话时长 1:15/ : /talk time 1:15/);
      assert.equal((await onTimeline.locator('[data-test=timeline-call-status]').innerText()).trim(), zh ? '已结束' : 'Ended');
      await onTimeline.scrollIntoViewIfNeeded();
      await settle(page);
      await screenshot(page, `callcenter-customer-timeline-${zh ? 'zh' : 'en'}`);

      // an unknown number (one per language: the customer created below makes it known): the pop offers a new customer with the number prefilled
      const unknownId = `${callId}-unknown`;
      const unknownNumber = `${language === 'en-US' ? 186 : 187}${digits}`;
      const unknown = await incomingCall(key, unknownNumber, extension, unknownId);
      assert.equal(unknown.customerMatched, false);
      await page.locator(`[data-test=screen-pop][data-call="${unknownId}"]`).waitFor();
      await page.locator('[data-test=screen-pop-unknown]').waitFor();
      assert.equal(await page.locator('[data-test=screen-pop-new-phone]').inputValue(), unknownNumber);
      await screenshot(page, `callcenter-screen-pop-new-${language === 'en-US' ? 'en' : 'zh'}`);

      // created from the pop: the new customer's page opens (in place of the known customer's)
      const newName = `New caller ${stamp} ${language}`;
      await page.locator('[data-test=screen-pop-new-name]').fill(newName);
      await page.locator('[data-test=screen-pop-create]').click();
      await page.waitForURL((url) => /^\/customers\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(customer.id));
      const created = await admin.get(`/api/customers/${new URL(page.url()).pathname.split('/').pop()}`);
      assert.equal(created.name, newName);
      assert.deepEqual(created.phones, [unknownNumber]);
      await page.close();
    });
  }

  test('an outgoing call goes from ringing to in call to ended in the call log (both languages)', async () => {
    await admin.put('/api/telephony/extensions', { userId: admin.id, extension: `a${digits.slice(-5)}` });
    const number = `135${digits}`;
    const call = await admin.post('/api/telephony/calls', { number });
    assert.equal(call.status, 'Ringing');
    const page = await newPage(browser, 'en-US');
    await login(page, 'demo', 'admin');
    const status = async () => {
      await page.goto(`${BASE_URL}/callcenter/calls`);
      await page.locator('[data-test=call-filter-number]').fill(number);
      await page.locator('[data-test=call-filter-number]').press('Enter');
      const row = page.locator('[data-test=call-row]', { hasText: number });
      await row.waitFor();
      await settle(page);
      return (await row.locator('[data-test=call-status]').innerText()).trim();
    };
    assert.equal(await status(), 'Ringing');
    await callEvent(key, 'call-answered', { callId: call.callId });
    assert.equal(await status(), 'In call');
    await callEvent(key, 'call-ended', { callId: call.callId, recordingUrl: 'https://pbx.example.com/rec/out.mp3' });
    assert.equal(await status(), 'Ended');
    assert.deepEqual(await rawCallCenterKeys(page), []);
    await screenshot(page, 'callcenter-call-status-en');
    await switchLanguage(page, 'zh-CN');
    assert.equal(await status(), '已结束');
    assert.deepEqual(await rawCallCenterKeys(page), []);
    await screenshot(page, 'callcenter-call-status-zh');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('the admin issues a key once, sees the call log and extensions (both languages)', async () => {
    const page = await newPage(browser, 'en-US');
    await login(page, 'demo', 'admin');
    for (const language of ['en-US', 'zh-CN']) {
      if (language === 'zh-CN') await switchLanguage(page, 'zh-CN');
      const short = language === 'en-US' ? 'en' : 'zh';
      await page.goto(`${BASE_URL}/admin/telephony`);
      await page.locator('[data-test=key-table]').waitFor();
      await page.locator('[data-test=key-name]').fill(`Screenshot ${language} ${stamp}`);
      await page.locator('[data-test=key-issue]').click();
      const issued = page.locator('[data-test=issued-key]');
      await issued.waitFor();
      assert.match(await issued.innerText(), /^[0-9a-f]{32}\./);
      await screenshot(page, `callcenter-key-issued-${short}`);
      await dialogOpened(page);
      await page.locator('[data-test=issued-done]').click();
      await issued.waitFor({ state: 'detached' });
      assert.deepEqual(await rawCallCenterKeys(page), []);
      await screenshot(page, `callcenter-settings-${short}`);

      await page.goto(`${BASE_URL}/callcenter/calls`);
      await page.locator('[data-test=call-row]').first().waitFor();
      assert.deepEqual(await rawCallCenterKeys(page), []);
      await screenshot(page, `callcenter-calls-${short}`);
    }
    await page.close();
  });
});
