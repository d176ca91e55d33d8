import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { WorkflowJournalLine, WorkflowJournalTimeline } from './workflow-journal';

describe('WorkflowJournalTimeline', () => {
  const translations = {
    'en-US': {
      workflows: {
        activity: { Assign: 'Assign', Notify: 'Notify' },
        strategy: { user: 'Named user' },
        journal: {
          empty: 'Nothing has run yet',
          outcomes: { started: 'Started', next: 'Done' },
          codes: {
            started: 'Started on version {{version}}',
            assignedUser: 'Assigned to {{user}} ({{strategy}})',
            notified: 'Notified {{count}} user(s): {{subject}}',
            statusSet: 'Status set to {{status}}',
            fieldSet: '{{field}} set to {{value}}',
            deadlineSet: '{{field}} due {{due}} ({{duration}})',
          },
          variable: 'Variable “{{name}}”',
          variables: { roundsLeft: 'Rounds left' },
          fields: { ticket: { priorityCode: 'Priority' } },
        },
      },
      service: { ticketStatus: { InProgress: 'In progress' } },
    },
    'zh-CN': {
      workflows: {
        activity: { Assign: '分派', Notify: '通知' },
        strategy: { user: '指定用户' },
        journal: {
          empty: '尚未运行',
          outcomes: { started: '启动', next: '完成' },
          codes: {
            started: '按版本 {{version}} 启动',
            assignedUser: '已分派给 {{user}}（{{strategy}}）',
            notified: '已通知 {{count}} 位用户：{{subject}}',
            statusSet: '状态设为 {{status}}',
            fieldSet: '{{field}} 设为 {{value}}',
            deadlineSet: '{{field}} 时限为 {{due}}（{{duration}}）',
          },
          variable: '变量“{{name}}”',
          variables: { roundsLeft: '剩余轮次' },
          fields: { ticket: { priorityCode: '优先级' } },
        },
      },
      service: { ticketStatus: { InProgress: '处理中' } },
    },
  };

  const lines: WorkflowJournalLine[] = [
    { sequence: 1, at: '2026-11-23T08:00:00Z', outcome: 'started', code: 'started', args: { version: '2', startKey: 'x' }, message: 'Version 2 started by x.' },
    {
      sequence: 2, at: '2026-11-23T08:00:01Z', stepId: 'to-agent', stepName: 'Give it to the agent', stepNameZh: '分给坐席', activity: 'Assign', outcome: 'next',
      code: 'assignedUser', args: { userId: '0199aa00-0000-7000-8000-000000000001', user: 'Wang Fang', strategy: 'user' },
      message: 'assigned to 0199aa00-0000-7000-8000-000000000001: Assigned to the named user.',
    },
    {
      sequence: 3, at: '2026-11-23T08:00:02Z', stepId: 'tell', activity: 'Notify', outcome: 'next',
      code: 'notified', args: { count: '1', subjectEn: 'New ticket T-1', subjectZh: '新工单 T-1' }, message: 'notified 1 user(s): New ticket T-1',
    },
    // written before journal lines had codes: the stored text is all there is
    { sequence: 4, at: '2026-11-23T08:00:03Z', stepId: 'gone', activity: 'Notify', outcome: 'next', message: 'notified 2 user(s): legacy text' },
  ];

  async function render(language: 'en-US' | 'zh-CN', entries: WorkflowJournalLine[] = lines, recordType: string | null = null): Promise<string[]> {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideTranslateService()] });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation(language, translations[language]);
    await new Promise((r) => translate.use(language).subscribe(r));
    const fixture = TestBed.createComponent(WorkflowJournalTimeline);
    fixture.componentRef.setInput('entries', entries);
    fixture.componentRef.setInput('recordType', recordType);
    await fixture.whenStable();
    const items = (fixture.nativeElement as HTMLElement).querySelectorAll('li.ant-timeline-item');
    if (items.length === 0) return [(fixture.nativeElement as HTMLElement).textContent!.replace(/\s+/g, ' ').trim()];
    return [...items].map((i) => i.textContent!.replace(/\s+/g, ' ').trim());
  }

  it('renders coded lines in English with names and step titles instead of ids', async () => {
    const rows = await render('en-US');
    expect(rows[0]).toContain('Started on version 2');
    expect(rows[1]).toContain('Give it to the agent');
    expect(rows[1]).toContain('Assigned to Wang Fang (Named user)');
    expect(rows[1]).not.toContain('0199aa00');
    expect(rows[2]).toContain('Notified 1 user(s): New ticket T-1');
  });

  it('renders the same lines in Chinese, step title and notification subject included', async () => {
    const rows = await render('zh-CN');
    expect(rows[0]).toContain('按版本 2 启动');
    expect(rows[1]).toContain('分给坐席');
    expect(rows[1]).toContain('已分派给 Wang Fang（指定用户）');
    expect(rows[1]).toContain('分派');
    expect(rows[2]).toContain('已通知 1 位用户：新工单 T-1');
    // a step without a title shows its id
    expect(rows[2]).toContain('tell');
  });

  it('keeps old lines readable with their stored text', async () => {
    const rows = await render('zh-CN');
    expect(rows[3]).toContain('gone');
    expect(rows[3]).toContain('notified 2 user(s): legacy text');
  });

  it('shows the empty state without entries', async () => {
    expect(await render('en-US', [])).toEqual(['Nothing has run yet']);
  });

  it('shows record statuses and field names by their labels for a known record type, raw otherwise', async () => {
    const coded: WorkflowJournalLine[] = [
      { sequence: 1, at: '2026-11-23T08:00:00Z', stepId: 'work', activity: 'SetStatus', outcome: 'next', code: 'statusSet', args: { status: 'InProgress' } },
      { sequence: 2, at: '2026-11-23T08:00:01Z', stepId: 'raise', activity: 'SetField', outcome: 'next', code: 'fieldSet', args: { field: 'priorityCode', value: 'high' } },
    ];
    const en = await render('en-US', coded, 'ticket');
    expect(en[0]).toContain('Status set to In progress');
    expect(en[1]).toContain('Priority set to high');
    const zh = await render('zh-CN', coded, 'ticket');
    expect(zh[0]).toContain('状态设为 处理中');
    expect(zh[1]).toContain('优先级 设为 high');
    const unknown = await render('en-US', coded, 'lead');
    expect(unknown[0]).toContain('Status set to InProgress');
    expect(unknown[1]).toContain('priorityCode set to high');
  });

  it('names a known workflow variable by its label and any other one as a variable, in each language', async () => {
    const lines: WorkflowJournalLine[] = [
      { sequence: 1, at: '2026-11-23T08:00:00Z', stepId: 'count', activity: 'SetField', outcome: 'next', code: 'fieldSet', args: { field: 'var.roundsLeft', value: '2' } },
      { sequence: 2, at: '2026-11-23T08:00:01Z', stepId: 'tries', activity: 'SetField', outcome: 'next', code: 'fieldSet', args: { field: 'var.maxRetries', value: '5' } },
      {
        sequence: 3, at: '2026-11-23T08:00:02Z', stepId: 'due', activity: 'ComputeDeadline', outcome: 'next', code: 'deadlineSet',
        args: { field: 'var.followUpAt', due: 'not a date', duration: 'PT4H' },
      },
    ];
    const en = await render('en-US', lines, 'complaint');
    expect(en[0]).toContain('Rounds left set to 2');
    expect(en[0]).not.toContain('var.');
    expect(en[1]).toContain('Variable “maxRetries” set to 5');
    expect(en[2]).toContain('Variable “followUpAt” due not a date (PT4H)');
    const zh = await render('zh-CN', lines, 'complaint');
    expect(zh[0]).toContain('剩余轮次 设为 2');
    expect(zh[0]).not.toContain('roundsLeft');
    expect(zh[1]).toContain('变量“maxRetries” 设为 5');
    expect(zh[2]).toContain('变量“followUpAt” 时限为 not a date（PT4H）');
  });
});
