import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import type { JournalEntry } from '../model/api';

/**
 * The execution journal of a workflow instance as a timeline (step, activity, outcome, message).
 * Presentational: give it the entries of GET /api/workflows/instances/{id}. It uses the workflows domain's
 * translations, so it lives in this domain; service screens can embed it through a feature of this domain.
 */
@Component({
  selector: 'wf-journal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTimelineModule, NzTagModule, NzEmptyModule, TranslatePipe, LocalDatePipe],
  template: `
    @if (entries().length === 0) {
      <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="'workflows.journal.empty' | translate" />
    } @else {
      <nz-timeline data-test="workflow-journal">
        @for (e of entries(); track $index) {
          <nz-timeline-item [nzColor]="e.level === 'error' ? 'red' : e.level === 'warning' ? 'orange' : 'blue'">
            <div class="head">
              <strong>{{ e.stepId }}</strong>
              <nz-tag>{{ 'workflows.activity.' + e.activity | translate }}</nz-tag>
              @if (e.outcome) {
                <nz-tag nzColor="geekblue">{{ e.outcome }}</nz-tag>
              }
              <span class="muted">{{ e.at | localDate }}</span>
            </div>
            @if (e.message) {
              <div>{{ e.message }}</div>
            }
          </nz-timeline-item>
        }
      </nz-timeline>
    }
  `,
  styles: `.head { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }`,
})
export class WorkflowJournal {
  readonly entries = input<JournalEntry[]>([]);
}
