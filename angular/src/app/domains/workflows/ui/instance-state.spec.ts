import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { LanguageService } from '../../../core/i18n/language.service';
import type { Bookmark } from '../model/api';
import { WorkflowInstanceState } from './instance-state';

describe('WorkflowInstanceState', () => {
  const translations = {
    'en-US': {
      workflows: {
        variables: { title: 'Variables' },
        instances: { bookmarks: 'Waiting for', waitingFor: { event: 'event', timer: 'timer' }, waitingOn: '{{kind}}: {{what}}', dueAt: 'due' },
        journal: {
          variable: 'Variable “{{name}}”',
          variables: { roundsLeft: 'Rounds left', maxRounds: 'Max rounds' },
          events: { ReplyReceived: "the department's reply" },
          fields: { complaint: { deadline: 'Reply deadline' } },
        },
      },
    },
    'zh-CN': {
      workflows: {
        variables: { title: '变量' },
        instances: { bookmarks: '正在等待', waitingFor: { event: '事件', timer: '定时' }, waitingOn: '{{kind}}：{{what}}', dueAt: '到期' },
        journal: {
          variable: '变量“{{name}}”',
          variables: { roundsLeft: '剩余轮次', maxRounds: '最大轮次' },
          events: { ReplyReceived: '部门答复' },
          fields: { complaint: { deadline: '答复时限' } },
        },
      },
    },
  };
  const bookmarks: Bookmark[] = [
    { stepId: 'wait-reply', stepName: 'Reply or deadline', stepNameZh: '等待答复或到期', kind: 'event', event: 'ReplyReceived' },
    { stepId: 'wait-reply', stepName: 'Reply or deadline', stepNameZh: '等待答复或到期', kind: 'timer', boundField: 'deadline', dueAt: '2026-11-26T02:00:00Z' },
  ];

  async function render(language: 'en-US' | 'zh-CN'): Promise<{ variables: string; waits: string[] }> {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideTranslateService(), { provide: LanguageService, useValue: { current: () => language } }],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation(language, translations[language]);
    await new Promise((r) => translate.use(language).subscribe(r));
    const fixture = TestBed.createComponent(WorkflowInstanceState);
    fixture.componentRef.setInput('values', { maxRounds: 3, roundsLeft: 2, directorUserId: null, retries: 1 });
    fixture.componentRef.setInput('bookmarks', bookmarks);
    fixture.componentRef.setInput('recordType', 'complaint');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return { variables: text(element.querySelector('[data-test=instance-variables]')), waits: [...element.querySelectorAll('[data-test=instance-bookmark]')].map(text) };
  }

  it('shows variables by their labels and waits by step title, event and date field, in English', async () => {
    const { variables, waits } = await render('en-US');
    expect(variables).toContain('Rounds left 2');
    expect(variables).toContain('Max rounds 3');
    expect(variables).toContain('Variable “directorUserId” —');
    expect(variables).toContain('Variable “retries” 1');
    expect(waits[0]).toBe("Reply or deadline event: the department's reply");
    expect(waits[1]).toContain('Reply or deadline timer: Reply deadline · due');
  });

  it('shows the same in Chinese, without step ids or raw names', async () => {
    const { variables, waits } = await render('zh-CN');
    expect(variables).toContain('剩余轮次 2');
    expect(variables).not.toContain('roundsLeft');
    expect(waits[0]).toBe('等待答复或到期 事件：部门答复');
    expect(waits[1]).toContain('等待答复或到期 定时：答复时限 · 到期');
    expect(waits.join()).not.toContain('wait-reply');
  });
});
