import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCollapseModule } from 'ng-zorro-antd/collapse';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import type { AssignmentDecisionDto, InstanceDetail } from '../../../shared/api/generated';
import { injectUiLanguage, labelIn } from '../../../shared/ui/custom-field-support';
import { WorkflowJournalTimeline } from '../../../shared/ui/workflow-journal';
import { poolLabel } from '../../../shared/ui/workflow-labels';

/** The record's workflow instances with their execution journal (the shared timeline), and the reasons of its assignments. */
@Component({
  selector: 'app-workflow-journal',
  imports: [NzCardModule, NzCollapseModule, WorkflowJournalTimeline, NzTagModule, NzEmptyModule, TranslatePipe, LocalDatePipe],
  template: `
    <nz-card [nzTitle]="'service.workflow.title' | translate" nzSize="small" data-test="workflow-panel">
      @if (assignments().length) {
        <h4>{{ 'service.workflow.assignments' | translate }}</h4>
        <ul class="reasons" data-test="assignment-reasons">
          @for (a of assignments(); track a.id) {
            <li>
              <span class="muted">{{ a.at | localDate }}</span>
              <nz-tag>{{ 'workflows.strategy.' + a.strategy | translate }}</nz-tag>
              {{ reasonText(a) }}
            </li>
          }
        </ul>
      }
      @if (instances().length) {
        <nz-collapse nzGhost>
          @for (i of instances(); track i.instance.id; let first = $first) {
            <nz-collapse-panel [nzHeader]="header" [nzActive]="first">
              <ng-template #header>
                <span data-test="workflow-instance-name">{{ definitionLabel(i) || ('service.workflow.instance' | translate) }}<span class="muted">v{{ i.instance.versionNumber }}</span></span>
                <nz-tag class="status" [nzColor]="i.instance.status === 'Running' || i.instance.status === 'Waiting' ? 'processing' : i.instance.status === 'Faulted' ? 'red' : 'default'">{{ 'workflows.instanceStatus.' + i.instance.status | translate }}</nz-tag>
                <span class="muted">{{ i.instance.startedAt | localDate }}</span>
              </ng-template>
              <app-workflow-journal-timeline [entries]="i.journal" [recordType]="i.instance.recordType" />
              @for (inc of i.incidents; track inc.id) {
                <div class="incident">⚠ {{ inc.error }}</div>
              }
            </nz-collapse-panel>
          }
        </nz-collapse>
      } @else if (!assignments().length) {
        <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="'service.workflow.none' | translate" />
      }
    </nz-card>
  `,
  styles: `
    .muted { color: rgba(0, 0, 0, 0.45); margin-inline-start: 6px; }
    .reasons { padding-inline-start: 16px; margin-bottom: 12px; }
    .status { margin-inline-start: 8px; }
    .incident { color: #cf1322; }
    h4 { font-size: 13px; margin-bottom: 4px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkflowJournal {
  private readonly translate = inject(TranslateService);
  private readonly language = injectUiLanguage();
  readonly instances = input<readonly InstanceDetail[]>([]);
  readonly assignments = input<readonly AssignmentDecisionDto[]>([]);

  /** The workflow's name in the viewer's language (its Chinese name when there is one). */
  protected definitionLabel(i: InstanceDetail): string {
    return labelIn(this.language(), i.instance.definitionName, i.instance.definitionNameZh);
  }

  /**
   * The reason in the viewer's language from its code and values; rows written before codes keep their English text.
   * A pool the admin named shows as the team or category it stands for, else as typed.
   */
  protected reasonText(a: AssignmentDecisionDto): string {
    if (!a.reasonCode) return a.reason;
    const args: Record<string, string> = {};
    for (const [k, v] of Object.entries(a.reasonArgs ?? {})) args[k] = v ?? '—';
    const key = `workflows.assignmentReason.${a.reasonCode}`;
    const text = this.translate.instant(key, args) as string;
    if (!text || text === key) return a.reason;
    const pool = poolLabel(this.language(), a.reasonArgs);
    return pool ? (this.translate.instant('workflows.assignmentReason.withPool', { reason: text, pool }) as string) : text;
  }
}
