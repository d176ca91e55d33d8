import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { APP_ICONS } from '../../../core/icons';
import { LanguageService } from '../../../core/i18n/language.service';
import type { AssignmentDecisionDto } from '../../../shared/api/generated';
import { WorkflowJournal } from './workflow-journal';

describe('record workflow panel: assignment reasons', () => {
  const zh = {
    workflows: {
      strategy: { roundRobin: '轮流', leastLoaded: '最少负载' },
      assignmentReason: {
        roundRobin: '轮流分配：接在{{previous}}之后。',
        withPool: '{{reason}}（分配池：{{pool}}）',
        leastLoadedCapped: '未完成事项最少（{{load}} 件，上限 {{capacity}} 件）。',
      },
    },
  };

  const decision = (extra: Partial<AssignmentDecisionDto>): AssignmentDecisionDto => ({
    id: crypto.randomUUID(), recordType: 'ticket', recordId: 'r', instanceId: null, stepId: 'assign', strategy: 'roundRobin', candidates: '[]',
    chosenUserId: null, chosenDepartmentId: null, reason: '', at: '2026-11-23T08:00:00Z', reasonCode: null, reasonArgs: {}, ...extra,
  });

  async function reasons(rows: AssignmentDecisionDto[]): Promise<string[]> {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideTranslateService(),
        provideNzIcons(APP_ICONS),
        // dates are not under test here: the app's language service needs ng-zorro's date setup
        { provide: LanguageService, useValue: { current: () => 'zh-CN' } },
      ],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('zh-CN', zh);
    await new Promise((r) => translate.use('zh-CN').subscribe(r));
    const fixture = TestBed.createComponent(WorkflowJournal);
    fixture.componentRef.setInput('assignments', rows);
    await fixture.whenStable();
    return [...(fixture.nativeElement as HTMLElement).querySelectorAll('[data-test=assignment-reasons] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
  }

  it('reads a coded reason in the viewer language with names, and names a pool only when the admin named it', async () => {
    const rows = await reasons([
      decision({ reasonCode: 'roundRobin', reasonArgs: { previous: '王芳' }, reason: 'Round robin: next after 王芳.' }),
      decision({ reasonCode: 'roundRobin', reasonArgs: { previous: '李娜', pool: 'VIP' }, reason: "Round robin in pool 'VIP': next after 李娜." }),
      decision({ strategy: 'leastLoaded', reasonCode: 'leastLoadedCapped', reasonArgs: { load: '1', capacity: '2' }, reason: 'Fewest open items (1) under capacity 2.' }),
    ]);
    expect(rows[0]).toContain('轮流分配：接在王芳之后。');
    expect(rows[0]).not.toContain('分配池');
    expect(rows[1]).toContain('轮流分配：接在李娜之后。（分配池：VIP）');
    expect(rows[2]).toContain('未完成事项最少（1 件，上限 2 件）。');
  });

  it('names a pool by the team or category it stands for, in the viewer language, never by its key', async () => {
    const rows = await reasons([
      decision({ reasonCode: 'roundRobin', reasonArgs: { previous: '李娜', pool: '0199aa00-0000-7000-8000-000000000001', poolName: '客服一组', poolNameZh: '客服一组' } }),
      decision({ reasonCode: 'roundRobin', reasonArgs: { previous: '王芳', pool: 'repair', poolName: 'Repair', poolNameZh: '维修' } }),
    ]);
    expect(rows[0]).toContain('轮流分配：接在李娜之后。（分配池：客服一组）');
    expect(rows[0]).not.toContain('0199aa00');
    expect(rows[1]).toContain('（分配池：维修）');
    expect(rows[1]).not.toContain('repair');
  });

  it('keeps the stored text of rows written before reasons had codes, or of a code it does not know', async () => {
    const rows = await reasons([
      decision({ reason: "Round robin in pool 'x:assign': next after 0199aa00." }),
      decision({ reasonCode: 'somethingNew', reason: 'A newer server said so.' }),
    ]);
    expect(rows[0]).toContain("Round robin in pool 'x:assign'");
    expect(rows[1]).toContain('A newer server said so.');
  });
});
