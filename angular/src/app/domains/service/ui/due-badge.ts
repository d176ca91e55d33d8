import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { DueState } from '../model/ticket';

/** A due time with its SLA state: red when overdue, orange when due soon, plain otherwise. */
@Component({
  selector: 'app-due-badge',
  imports: [NzTagModule, NzTooltipModule, TranslatePipe, LocalDatePipe],
  template: `
    @if (dueAt()) {
      @switch (state()) {
        @case ('overdue') {
          <nz-tag nzColor="red" data-test="due-overdue" [nz-tooltip]="label() ? (label()! | translate) : null">
            {{ 'service.due.overdue' | translate }} · {{ dueAt() | localDate }}
          </nz-tag>
        }
        @case ('dueSoon') {
          <nz-tag nzColor="orange" data-test="due-soon" [nz-tooltip]="label() ? (label()! | translate) : null">
            {{ 'service.due.soon' | translate }} · {{ dueAt() | localDate }}
          </nz-tag>
        }
        @default {
          <span class="due" [class.done]="state() === 'none'" [attr.title]="label() ? (label()! | translate) : null">{{ dueAt() | localDate }}</span>
        }
      }
    } @else {
      <span class="muted">—</span>
    }
  `,
  styles: `
    .muted, .done { color: rgba(0, 0, 0, 0.45); }
    nz-tag { margin-inline-end: 0; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DueBadge {
  readonly dueAt = input<string | null | undefined>(null);
  readonly state = input<DueState>('none');
  /** translation key naming the clock (response / resolution) */
  readonly label = input<string | null>(null);
  protected readonly shown = computed(() => !!this.dueAt());
}
