import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { injectUiLanguage, labelIn } from './custom-field-support';
import { statusLabelKey, translated, workflowEventLabel, workflowFieldLabel } from './workflow-labels';

/**
 * One journal line of GET /api/workflows/instances/{id}. Lines written before message codes existed have only
 * `message` (English text); newer lines carry `code` and `args`, with user and department names resolved.
 */
export interface WorkflowJournalLine {
  sequence?: number | string;
  at: string;
  stepId?: string | null;
  stepName?: string | null;
  stepNameZh?: string | null;
  activity?: string | null;
  outcome?: string | null;
  message?: string | null;
  code?: string | null;
  args?: Record<string, string | null | undefined> | null;
}

interface Row {
  key: string;
  title: string;
  activity: string | null;
  outcome: string | null;
  color: string;
  at: string;
  text: string | null;
}

/** Instance-level outcomes that get a translated tag (branch names of a definition are shown as they are). */
const OUTCOMES = ['started', 'completed', 'waiting', 'resumed', 'failed', 'migrated', 'retried', 'skipped', 'cancelled', 'next', 'escalated', 'maxReached', 'none', 'event', 'timer', 'true', 'false'];

/**
 * An instance's execution journal as a timeline in the viewer's language: step titles instead of step ids,
 * coded messages translated (workflows.journal.codes.*) with names and local dates, old lines as stored.
 */
@Component({
  selector: 'app-workflow-journal-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTimelineModule, NzTagModule, NzEmptyModule, TranslatePipe],
  template: `
    @if (rows().length === 0) {
      <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="'workflows.journal.empty' | translate" />
    } @else {
      <nz-timeline data-test="workflow-journal">
        @for (r of rows(); track r.key) {
          <nz-timeline-item [nzColor]="r.color">
            <div class="head">
              <strong data-test="journal-step">{{ r.title }}</strong>
              @if (r.activity) {
                <nz-tag>{{ r.activity }}</nz-tag>
              }
              @if (r.outcome) {
                <nz-tag nzColor="geekblue">{{ r.outcome }}</nz-tag>
              }
              <span class="muted">{{ r.at }}</span>
            </div>
            @if (r.text) {
              <div class="text" data-test="journal-text">{{ r.text }}</div>
            }
          </nz-timeline-item>
        }
      </nz-timeline>
    }
  `,
  styles: `
    .head { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
    .muted { color: rgba(0, 0, 0, 0.45); }
    .text { color: rgba(0, 0, 0, 0.75); word-break: break-word; }
  `,
})
export class WorkflowJournalTimeline {
  readonly entries = input<readonly WorkflowJournalLine[]>([]);
  /** The instance's record type: its statuses and field names are shown by their labels. */
  readonly recordType = input<string | null | undefined>(null);

  private readonly translate = inject(TranslateService);
  private readonly language = injectUiLanguage();

  protected readonly rows = computed<Row[]>(() => {
    const language = this.language();
    return this.entries().map((e, i) => ({
      key: `${e.sequence ?? i}`,
      title: this.title(e, language),
      activity: e.activity ? this.instant(`workflows.activity.${e.activity}`, e.activity) : null,
      outcome: e.outcome && e.stepId ? this.outcomeLabel(e.outcome) : null,
      color: /fail|fault|error/i.test(e.outcome ?? '') ? 'red' : e.outcome === 'cancelled' ? 'gray' : 'blue',
      at: formatDate(e.at, language),
      text: this.text(e, language),
    }));
  });

  private title(e: WorkflowJournalLine, language: string): string {
    if (e.stepId) return labelIn(language, e.stepName, e.stepNameZh) || e.stepId;
    return this.outcomeLabel(e.outcome ?? '');
  }

  private outcomeLabel(outcome: string): string {
    return OUTCOMES.includes(outcome) ? this.instant(`workflows.journal.outcomes.${outcome}`, outcome) : outcome;
  }

  private text(e: WorkflowJournalLine, language: string): string | null {
    if (!e.code) return e.message ?? null;
    const key = `workflows.journal.codes.${e.code}`;
    const text = this.instant(key, '', this.params(e.args ?? {}, language));
    return text || e.message || null;
  }

  /** Arguments ready to show: dates in local format, texts in the viewer's language, codes by their labels. */
  private params(args: Record<string, string | null | undefined>, language: string): Record<string, string> {
    const p: Record<string, string> = {};
    for (const [k, v] of Object.entries(args)) p[k] = v ?? '';
    if (p['due']) p['due'] = formatDate(p['due'], language);
    if (p['value'] && /^\d{4}-\d{2}-\d{2}T/.test(p['value'])) p['value'] = formatDate(p['value'], language);
    p['subject'] = labelIn(language, args['subjectEn'], args['subjectZh']);
    p['title'] = labelIn(language, args['titleEn'], args['titleZh']);
    p['user'] = p['user'] || p['userId'] || '';
    p['department'] = p['department'] || p['departmentId'] || '';
    const recordType = this.recordType();
    if (p['status']) p['status'] = this.labelOr(statusLabelKey(recordType, p['status']), p['status']);
    if (p['field']) p['field'] = workflowFieldLabel(this.translate, recordType, p['field']);
    if (p['event']) p['event'] = workflowEventLabel(this.translate, p['event']);
    if (p['strategy']) p['strategy'] = this.instant(`workflows.strategy.${p['strategy']}`, p['strategy']);
    if (p['channels']) p['channels'] = p['channels'].split(',').map((c) => this.instant(`workflows.journal.channels.${c}`, c)).join(' / ');
    return p;
  }

  private labelOr(key: string | null, fallback: string): string {
    return key ? this.instant(key, fallback) : fallback;
  }

  private instant(key: string, fallback: string, params?: Record<string, string>): string {
    return translated(this.translate, key, fallback, params);
  }
}

function formatDate(value: string | null | undefined, language: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
