import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { injectUiLanguage } from '../../../shared/ui/custom-field-support';
import { variableLabel, workflowEventLabel, workflowFieldLabel } from '../../../shared/ui/workflow-labels';
import type { Bookmark } from '../model/api';
import { stepTitle } from './instance-labels';

/**
 * Where an instance stands, in words: its variables by their labels (e.g. "Rounds left 2") and what it waits for at
 * which step (step titles, events and date fields by their labels, not ids).
 */
@Component({
  selector: 'app-workflow-instance-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, LocalDatePipe, NzDescriptionsModule, NzTagModule],
  template: `
    <h4>{{ 'workflows.variables.title' | translate }}</h4>
    @if (variables().length) {
      <nz-descriptions nzBordered nzSize="small" [nzColumn]="2" data-test="instance-variables">
        @for (v of variables(); track v.name) {
          <nz-descriptions-item [nzTitle]="v.label">{{ v.value }}</nz-descriptions-item>
        }
      </nz-descriptions>
    } @else {
      <div class="muted">—</div>
    }
    <h4>{{ 'workflows.instances.bookmarks' | translate }}</h4>
    @for (b of waits(); track $index) {
      <div class="wait" data-test="instance-bookmark">
        <nz-tag>{{ b.step }}</nz-tag> {{ b.text }}
        @if (b.dueAt) {
          <span class="muted">· {{ 'workflows.instances.dueAt' | translate }} {{ b.dueAt | localDate }}</span>
        }
      </div>
    } @empty {
      <div class="muted">—</div>
    }
  `,
  styles: `
    .muted { color: rgba(0, 0, 0, 0.45); }
    .wait { margin-bottom: 6px; }
    h4 { margin-top: 16px; }
  `,
})
export class WorkflowInstanceState {
  readonly values = input<Record<string, unknown>>({});
  readonly bookmarks = input<readonly Bookmark[]>([]);
  /** The instance's record type: date fields a timer follows are shown by their labels. */
  readonly recordType = input<string | null | undefined>(null);

  private readonly translate = inject(TranslateService);
  private readonly language = injectUiLanguage();

  protected readonly variables = computed(() => {
    this.language(); // labels follow the language
    return Object.entries(this.values() ?? {}).map(([name, value]) => ({ name, label: variableLabel(this.translate, name), value: shown(value) }));
  });

  protected readonly waits = computed(() => {
    const language = this.language();
    return this.bookmarks().map((b) => {
      const kind = this.translate.instant(`workflows.instances.waitingFor.${b.kind}`) as string;
      const what = b.event ? workflowEventLabel(this.translate, b.event) : b.boundField ? workflowFieldLabel(this.translate, this.recordType(), b.boundField) : '';
      return {
        step: stepTitle(language, b),
        text: what ? (this.translate.instant('workflows.instances.waitingOn', { kind, what }) as string) : kind,
        dueAt: b.dueAt,
      };
    });
  });
}

/** A variable's value as text: "—" when it has none, objects as JSON. */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
