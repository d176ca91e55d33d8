// Browser tests of the service desk: tickets assigned round-robin by the seeded workflow and a complaint
// that runs through transfer, department reply and an unsatisfied return visit into round 2; screenshots in both languages.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { apiAs, BASE_URL, expectNoRawKeys, launch, login, newPage, PASSWORD, screenshot, switchLanguage, until } from './support.mjs';

const stamp = Date.now().toString(36);
const AREAS = ['service']; // translation keys of this area that must never show raw

describe('Service desk', { concurrency: false }, () => {
  let browser;
  let admin;
  let customer;
  before(async () => {
    const health = await fetch(`${BASE_URL}/health`).catch(() => null);
    assert.ok(health?.ok, `the host must be running at ${BASE_URL}`);
    browser = await launch();
    admin = await apiAs('admin');
    customer = await admin.post('/api/customers', { kind: 'Company', name: `Service customer ${stamp}`, phones: [], emails: [], tags: [], contacts: [{ name: 'Wang Lei', mobile: '13800000000', isPrimary: true }] });
  });
  after(async () => browser?.close());

  test('new tickets are assigned round-robin to the team\'s service agents', async () => {
    // a service team of three new agents
    const roles = await admin.get('/api/identity/roles');
    const serviceRole = (roles.items ?? roles).find((r) => r.name === 'service');
    assert.ok(serviceRole, 'the seeded service role');
    const team = await admin.post('/api/departments', { name: `Service team ${stamp}`, parentId: null }).catch(async () => {
      const all = await admin.get('/api/departments');
      return all.find((d) => d.name === `Service team ${stamp}`);
    });
    const teamId = team?.id ?? (await admin.get('/api/departments')).find((d) => d.name === `Service team ${stamp}`).id;
    const agents = [];
    for (const n of [1, 2, 3]) {
      const userName = `agent${n}${stamp}`;
      await admin.post('/api/identity/users', { userName, name: `Agent ${n} ${stamp}`, email: `${userName}@demo.local`, phoneNumber: null, password: PASSWORD, isActive: true, roleIds: [serviceRole.id], departmentIds: [teamId] });
      agents.push(userName);
    }

    // admin creates the first ticket through the drawer, the others through the API
    const page = await newPage(browser, 'en-US');
    await login(page, 'demo', 'admin');
    await page.goto(`${BASE_URL}/service/tickets/all`);
    await page.locator('[data-test=ticket-table]').waitFor();
    await page.locator('[data-test=ticket-create]').click();
    await page.locator('[data-test=ticket-customer]').click();
    await page.keyboard.type(`Service customer ${stamp}`);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `Service customer ${stamp}` }).first().click();
    await page.locator('[data-test=ticket-title]').fill(`Air conditioner leaks ${stamp}`);
    await page.locator('[data-test=ticket-description]').fill('Water drips from the indoor unit.');
    // a file staged in the drawer becomes a file of the ticket itself
    const manual = `manual-${stamp}.txt`;
    await page.locator('[data-test=ticket-file-input]').setInputFiles({ name: manual, mimeType: 'text/plain', buffer: Buffer.from('Indoor unit service manual\n') });
    await page.locator('[data-test=ticket-pending-file]', { hasText: manual }).waitFor();
    await screenshot(page, 'service-ticket-form.en-US');
    await page.locator('[data-test=ticket-save]').click();
    await page.locator('[data-test=ticket-header]').waitFor();
    await page.locator('[data-test=ticket-files] [data-test=attachment]', { hasText: manual }).waitFor();
    const firstId = page.url().split('/').pop();
    const ids = [firstId];
    for (const n of [2, 3]) {
      const t = await admin.post('/api/tickets', { customerId: customer.id, title: `Ticket ${n} ${stamp}`, categoryCode: 'question', priorityCode: 'high', departmentId: teamId });
      ids.push(t.id);
    }

    // the seeded auto-assignment workflow gives them to the team's agents in turn
    const assigned = await until(
      async () => {
        const tickets = await Promise.all(ids.map((id) => admin.get(`/api/tickets/${id}`)));
        return tickets.every((t) => t.assigneeId) ? tickets : null;
      },
      'auto-assignment',
      15000,
    );
    const assignees = new Set(assigned.map((t) => t.assigneeId));
    assert.equal(assignees.size, assigned.length, `round-robin gives each ticket to another agent: ${assigned.map((t) => t.assigneeName)}`);
    await page.reload();
    await page.locator('[data-test=ticket-assignee]').first().waitFor();
    assert.equal(await page.locator('[data-test=ticket-assignee]').innerText(), assigned[0].assigneeName);
    await page.locator('[data-test=workflow-panel]').waitFor();

    // the first ticket's detail: an internal and a public comment, in both languages
    await page.goto(`${BASE_URL}/service/tickets/${firstId}`);
    await page.locator('[data-test=ticket-header]').waitFor();
    await page.locator('[data-test=comment-text]').fill('Checked the drain pipe remotely.');
    await page.locator('[data-test=comment-internal-switch]').click();
    await page.locator('[data-test=comment-send]').click();
    await page.locator('[data-test=comment-internal]').waitFor();
    await page.locator('[data-test=comment-internal-switch]').click();
    await page.locator('[data-test=comment-text]').fill('A technician will visit tomorrow.');
    await page.locator('[data-test=comment-send]').click();
    await page.locator('[data-test=comment-public]').waitFor();
    await screenshot(page, 'service-ticket-detail.en-US');
    await expectNoRawKeys(page, 'ticket detail (en-US)', AREAS);
    await switchLanguage(page, 'zh-CN');
    assert.match(await page.locator('[data-test=ticket-comments]').innerText(), /内部/);
    await screenshot(page, 'service-ticket-detail.zh-CN');
    await expectNoRawKeys(page, 'ticket detail (zh-CN)', AREAS);
    await page.goto(`${BASE_URL}/service/tickets/all`);
    await page.locator(`[data-test^=ticket-row-]`).first().waitFor();
    await screenshot(page, 'service-tickets.zh-CN');
    await expectNoRawKeys(page, 'ticket list (zh-CN)', AREAS);
    await switchLanguage(page, 'en-US');
    await screenshot(page, 'service-tickets.en-US');
    assert.deepEqual(page.errors, []);
  });

  test('an agent attaches a file to a comment, sees it listed with the comment and downloads it', async () => {
    const ticket = await admin.post('/api/tickets', { customerId: customer.id, title: `Noisy compressor ${stamp}`, categoryCode: 'repair', priorityCode: 'normal' });
    const fileName = `parts-${stamp}.csv`;
    const bytes = Buffer.from(`part,quantity\ncompressor ${stamp},1\n`, 'utf8');
    const page = await newPage(browser, 'en-US');
    await login(page, 'demo', 'admin');
    await page.goto(`${BASE_URL}/service/tickets/${ticket.id}`);
    await page.locator('[data-test=ticket-header]').waitFor();

    // upload first: the file waits beside the composer and can still be taken off
    await page.locator('[data-test=comment-file-input]').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: bytes });
    await page.locator('[data-test=comment-pending-file]', { hasText: fileName }).waitFor();
    await page.locator('[data-test=comment-text]').fill(`Parts list attached ${stamp}`);
    await page.locator('[data-test=comment-send]').click();
    const comment = page.locator('[data-test=comment-public]', { hasText: `Parts list attached ${stamp}` });
    const link = comment.locator('[data-test=comment-files] [data-test=attachment]', { hasText: fileName });
    await link.waitFor();
    assert.equal(await page.locator('[data-test=comment-pending-file]').count(), 0, 'the composer is empty after sending');
    assert.equal(await page.locator('[data-test=ticket-files]').count(), 0, 'a comment\'s file is not listed as a file of the ticket itself');

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), fileName);
    assert.deepEqual(await readFile(await download.path()), bytes);
    const saved = await admin.get(`/api/tickets/${ticket.id}`);
    const savedComment = saved.comments.find((c) => c.content === `Parts list attached ${stamp}`);
    assert.equal(saved.attachments.find((a) => a.fileName === fileName)?.commentId, savedComment.id);

    await comment.scrollIntoViewIfNeeded();
    await screenshot(page, 'service-ticket-comment-files.en-US');
    await expectNoRawKeys(page, 'ticket comment files (en-US)', AREAS);
    await switchLanguage(page, 'zh-CN');
    await page.locator('[data-test=comment-file-input]').setInputFiles({ name: `清单-${stamp}.csv`, mimeType: 'text/csv', buffer: bytes });
    await page.locator('[data-test=comment-pending-file]', { hasText: `清单-${stamp}.csv` }).waitFor();
    assert.match(await page.locator('[data-test=comment-attach]').innerText(), /添加附件/);
    assert.match(await link.getAttribute('title'), /下载/);
    await screenshot(page, 'service-ticket-comment-files.zh-CN');
    await expectNoRawKeys(page, 'ticket comment files (zh-CN)', AREAS);
    assert.deepEqual(page.errors, []);
  });

  test('a complaint is transferred, replied to, visited unsatisfied and reopened in round 2', async () => {
    const departments = await admin.get('/api/departments');
    const serviceDept = departments.find((d) => d.name.includes('Service') && d.headUserName);
    assert.ok(serviceDept, 'the demo service department with its head');

    const page = await newPage(browser, 'zh-CN');
    await login(page, 'demo', 'admin');
    await page.goto(`${BASE_URL}/service/complaints`);
    await page.locator('[data-test=complaint-table]').waitFor();
    await page.locator('[data-test=complaint-create]').click();
    // the type has no tenant default: the first one
    await page.locator('[data-test=complaint-type]').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.locator('[data-test=complaint-customer]').click();
    await page.keyboard.type(`Service customer ${stamp}`);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `Service customer ${stamp}` }).first().click();
    await page.locator('[data-test=complaint-department]').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: serviceDept.name }).first().click();
    await page.locator('[data-test=complaint-title]').fill(`冰箱不制冷 ${stamp}`);
    await page.locator('[data-test=complaint-content]').fill('维修两次仍不制冷，客户要求换货。');
    await screenshot(page, 'service-complaint-form.zh-CN');
    await page.locator('[data-test=complaint-save]').click();
    await page.locator('[data-test=complaint-header]').waitFor();
    const complaintId = page.url().split('/').pop();
    assert.match(await page.locator('[data-test=complaint-department]').innerText(), new RegExp(serviceDept.name.split(' ')[0]));
    await screenshot(page, 'service-complaint-new.zh-CN');

    // the department head replies
    const head = await newPage(browser, 'en-US');
    await login(head, 'demo', 'liuyang');
    await head.goto(`${BASE_URL}/service/complaints/${complaintId}`);
    await head.locator('[data-test=reply-form]').waitFor();
    await head.locator('[data-test=reply-text]').fill('Replaced the compressor; the fridge cools again.');
    await head.locator('[data-test=reply-send]').click();
    await head.locator('[data-test=timeline-reply]').waitFor();
    await screenshot(head, 'service-complaint-replied.en-US');
    await expectNoRawKeys(head, 'complaint detail (en-US)', AREAS);
    await head.context().close();

    // the service desk calls back: the customer is not satisfied
    await page.reload();
    await page.locator('[data-test=return-visit-form]').waitFor();
    await page.locator('[data-test=visit-no]').click();
    await page.locator('[data-test=visit-rating] li').nth(1).click();
    await page.locator('[data-test=visit-comment]').fill('还是有异响');
    await page.locator('[data-test=visit-save]').click();
    await until(async () => (await page.locator('[data-test=complaint-round]').innerText()).trim() === '2', 'round 2 on the page');
    assert.match(await page.locator('[data-test=complaint-status]').innerText(), /已重开|已转交/);
    await page.locator('[data-test=timeline-returnVisit]').waitFor();
    await screenshot(page, 'service-complaint-round2.zh-CN');
    await expectNoRawKeys(page, 'complaint detail (zh-CN)', AREAS);
    // the record's workflow panel names its workflow, and the workflow's variables by their labels
    const panel = page.locator('[data-test=workflow-panel]');
    await until(async () => /剩余轮次/.test(await panel.innerText()), 'the rounds-left variable by its label in the workflow panel');
    assert.match(await panel.locator('[data-test=workflow-instance-name]').first().innerText(), /客诉升级处理/);
    assert.doesNotMatch(await panel.innerText(), /roundsLeft|\bvar\./);

    // the list shows the round; both languages
    await page.goto(`${BASE_URL}/service/complaints`);
    const row = page.locator(`[data-test^=complaint-row-]`, { hasText: `冰箱不制冷 ${stamp}` });
    await row.waitFor();
    assert.equal((await row.locator('[data-test=complaint-round]').innerText()).trim(), '2');
    await screenshot(page, 'service-complaints.zh-CN');
    await switchLanguage(page, 'en-US');
    await screenshot(page, 'service-complaints.en-US');
    await expectNoRawKeys(page, 'complaint list (en-US)', AREAS);
    await page.goto(`${BASE_URL}/service/complaint-statistics`);
    await page.locator('[data-test=statistics-total]').waitFor();
    await screenshot(page, 'service-statistics.en-US');
    await expectNoRawKeys(page, 'statistics (en-US)', AREAS);
    await switchLanguage(page, 'zh-CN');
    await screenshot(page, 'service-statistics.zh-CN');
    assert.deepEqual(page.errors, []);
  });
});
