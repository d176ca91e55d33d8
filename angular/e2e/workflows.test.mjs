// Browser tests of the workflow admin screens (demo tenant admin), in both languages.
// The issue's flow: open the complaint escalation definition, change a deadline in the matrix, add a Notify step,
// validate, publish → a new version is published. Until the service module seeds that template, the test uses
// (or creates through the API) a definition for the first record type the catalogue offers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiAs, BASE_URL, launch, login, newPage, pickOption, screenshot, settle, switchLanguage } from './support.mjs';

const RAW_KEY = /\bworkflows\.[A-Za-z_][\w.-]*/g;

/** A definition with a ComputeDeadline matrix step to edit; null when no record type with two dictionary fields is registered. */
async function arrangeDefinition(admin) {
  const catalog = await admin.get('/api/workflows/catalog');
  const list = await admin.get('/api/workflows/definitions');
  const template = list.find((d) => d.key === 'complaint-escalation');
  if (template) return template.id;
  const recordType = catalog.recordTypes.find((r) => r.fields.filter((f) => f.type === 'Dictionary' || f.type === 'Status').length >= 1 && r.fields.some((f) => f.type === 'DateTime' && f.writable));
  if (!recordType) return null;
  const dict = recordType.fields.filter((f) => f.type === 'Dictionary' || f.type === 'Status');
  const due = recordType.fields.find((f) => f.type === 'DateTime' && f.writable);
  const created = await admin.post('/api/workflows/definitions', {
    name: `Deadlines ${Date.now().toString(36)}`,
    definition: {
      trigger: { kind: 'recordCreated', recordType: recordType.name },
      variables: [],
      startStepId: 'deadline',
      steps: [
        { id: 'deadline', activity: 'ComputeDeadline', properties: { field: due.name, workingTime: true, matrix: { rowField: dict[0].name, columnField: (dict[1] ?? dict[0]).name, cells: {}, default: 'P1D' } }, next: 'done' },
        { id: 'done', activity: 'Complete', properties: {} },
      ],
    },
    layout: { nodes: {} },
  });
  await admin.post(`/api/workflows/definitions/${created.id}/draft/publish`);
  return created.id;
}

/**
 * Opens an instance (a complaint's when there is one: it has variables) and checks its detail reads as words: step titles,
 * events and variables by their labels, no ids; then closes it again.
 */
async function openInstance(page, language) {
  const complaint = page.locator('[data-test=workflow-instances] tbody tr', { hasText: language === 'en-US' ? 'Complaint escalation' : '客诉升级处理' });
  const row = (await complaint.count()) > 0 ? complaint.first() : page.locator('[data-test=workflow-instances] tbody tr').first();
  await row.click();
  await page.locator('[data-test=workflow-journal]').waitFor();
  const drawer = page.locator('.ant-drawer-content', { has: page.locator('[data-test=workflow-journal]') });
  await settle(page);
  const text = await drawer.innerText();
  assert.deepEqual([...new Set(text.match(RAW_KEY) ?? [])], [], `instance detail in ${language}`);
  const waits = await drawer.locator('[data-test=instance-bookmark]').allInnerTexts();
  for (const wait of waits) assert.doesNotMatch(wait, /[0-9a-f]{8}-[0-9a-f]{4}-|\bwait-[a-z]+|ReplyReceived|Claimed|ApprovalDecided/, `a wait in ${language}`);
  assert.doesNotMatch(text, /\bvar\.|roundsLeft|maxRounds/, `variables by their labels in ${language}`);
  await screenshot(page, `workflows-instance.${language}`);
  await drawer.locator('.ant-drawer-close').click();
  await drawer.waitFor({ state: 'hidden' });
}

describe('Workflows', { concurrency: false }, () => {
  let browser;
  let admin;
  let definitionId;
  before(async () => {
    const health = await fetch(`${BASE_URL}/health`).catch(() => null);
    assert.ok(health?.ok, `the host must be running at ${BASE_URL}`);
    browser = await launch();
    admin = await apiAs('admin');
    definitionId = await arrangeDefinition(admin);
  });
  after(async () => browser?.close());

  test('an admin changes a deadline in the matrix, adds a Notify step, validates and publishes a new version', async (t) => {
    if (!definitionId) return t.skip('no record type with dictionary and date fields is registered yet');
    const before = await admin.get(`/api/workflows/definitions/${definitionId}`);
    const page = await newPage(browser, 'en-US');
    await login(page, 'demo', 'admin');
    await page.goto(`${BASE_URL}/admin/workflows`);
    await page.locator('[data-test=workflow-definitions]').waitFor();
    await page.goto(`${BASE_URL}/admin/workflows/${definitionId}`);
    await page.locator('[data-test=workflow-versions]').waitFor();
    await settle(page);

    // a published version is shown read only: start a draft from it
    if (await page.locator('[data-test=workflow-new-draft]').isVisible()) {
      await page.locator('[data-test=workflow-new-draft]').click();
      await page.locator('[data-test=workflow-save]').waitFor();
    }

    // the deadline step: first matrix cell gets 4h
    const deadlineStep = page.locator('[data-test^=props-ComputeDeadline]');
    if (!(await deadlineStep.isVisible())) await page.locator('[data-test^=step-] .step-head', { hasText: 'Compute deadline' }).first().click();
    const cell = page.locator('[data-test=deadline-matrix] td[data-test^=matrix-cell-] input').first();
    await cell.waitFor();
    await cell.fill('4h');
    await screenshot(page, 'workflows-matrix.en-US');

    // a Notify step after it
    await pickOption(page, page.locator('[data-test=add-step-activity]'), 'Notify');
    await page.locator('[data-test=add-step]').click();
    await page.locator('[data-test=props-Notify]').waitFor();
    await page.locator('[data-test=notify-subject-en]').fill('Deadline set for {{title}}');
    await page.locator('[data-test=notify-subject-zh]').fill('已设置时限：{{title}}');

    await page.locator('[data-test=workflow-validate]').click();
    await page.locator('[data-test=workflow-valid], [data-test=workflow-issues]').first().waitFor();
    const issues = await page.locator('[data-test=workflow-issues]').allInnerTexts();
    assert.deepEqual(issues, [], 'the edited draft is valid');

    // the graph shows the same steps
    await page.getByRole('tab', { name: 'Graph' }).click();
    await page.locator('[data-test=workflow-graph][data-ready=true]').waitFor();
    await screenshot(page, 'workflows-graph.en-US');
    // x6 renders its nodes asynchronously after the graph reports ready: wait for them rather than counting at once
    await page.locator('[data-test=workflow-graph] .x6-node').nth(2).waitFor();
    assert.ok((await page.locator('[data-test=workflow-graph] .x6-node').count()) >= 3);

    await page.locator('[data-test=workflow-publish]').click();
    await page.locator('.ant-popover .ant-btn-primary').click();
    await page.locator('[data-test=workflow-publish]').waitFor({ state: 'detached' });
    const after = await admin.get(`/api/workflows/definitions/${definitionId}`);
    // Earlier published versions stay published for the instances running on them; the newest one starts new instances.
    const newest = Math.max(...after.versions.filter((v) => v.status === 'Published').map((v) => v.number));
    assert.ok(newest >= Math.max(...before.versions.map((v) => v.number)), 'the edited draft is the newest published version');
    assert.ok(!after.versions.some((v) => v.status === 'Draft'), 'no draft is left');
    assert.equal(await page.locator(`[data-test=version-${newest}]`).getAttribute('data-status'), 'Published');

    const version = await admin.get(`/api/workflows/definitions/${definitionId}/versions/${newest}`);
    const deadline = version.definition.steps.find((s) => s.activity === 'ComputeDeadline');
    assert.ok(JSON.stringify(deadline.properties.matrix.cells).includes('PT4H'), 'the cell is stored as ISO 8601');
    assert.ok(version.definition.steps.some((s) => s.activity === 'Notify'));
    await page.close();
  });

  test('screenshot tour in both languages has no untranslated texts', async () => {
    for (const language of ['en-US', 'zh-CN']) {
      const page = await newPage(browser, language);
      await login(page, 'demo', 'admin');
      if (language !== 'en-US') await switchLanguage(page, language);
      for (const [path, name, marker] of [
        ['/admin/workflows', 'definitions', 'workflow-definitions'],
        ...(definitionId ? [[`/admin/workflows/${definitionId}`, 'definition', 'workflow-versions']] : []),
        ['/admin/workflows/instances', 'instances', 'workflow-instances'],
        ['/admin/workflows/calendars', 'calendars', 'calendar-list'],
        ['/admin/workflows/agents', 'agents', 'workflow-agents'],
      ]) {
        await page.goto(`${BASE_URL}${path}`);
        await page.locator(`[data-test=${marker}]`).waitFor();
        await settle(page);
        const text = await page.locator('body').innerText();
        assert.deepEqual([...new Set(text.match(RAW_KEY) ?? [])], [], `${path} in ${language}`);
        if (name === 'instances') {
          // Instances read as words: definition and step titles, record numbers; never ids.
          const table = await page.locator('[data-test=workflow-instances] tbody').innerText();
          assert.ok(table.trim().length > 0, 'the demo tenant has running instances');
          assert.doesNotMatch(table, /[0-9a-f]{8}-[0-9a-f]{4}-|(^|\s)[0-9a-f]{8} v\d|wait-claim|wait-decision/, `ids in the instance list in ${language}`);
        }
        await screenshot(page, `workflows-${name}.${language}`);
        if (name === 'instances') await openInstance(page, language);
      }
      await page.close();
    }
  });
});
