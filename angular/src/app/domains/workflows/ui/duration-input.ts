import { ChangeDetectionStrategy, Component, effect, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { toIsoDuration, toShortDuration } from '../model/duration';

/** A duration typed as "4h", "1d", "1d 4h" (or ISO), emitted as ISO 8601; a text that is no duration is marked and not emitted. */
@Component({
  selector: 'wf-duration-input',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzInputModule, NzTooltipModule, TranslatePipe],
  template: `
    <input
      nz-input
      [nzSize]="size()"
      [nzStatus]="invalid() ? 'error' : ''"
      [disabled]="readonly()"
      [placeholder]="placeholder() || ('workflows.duration.placeholder' | translate)"
      [ngModel]="text()"
      (ngModelChange)="typed($event)"
      nz-tooltip
      [nzTooltipTitle]="invalid() ? ('workflows.duration.invalid' | translate) : null"
      [attr.aria-invalid]="invalid()"
    />
  `,
  styles: `:host { display: inline-block; width: 100%; }`,
})
export class DurationInput {
  readonly value = input<string | null | undefined>(null);
  readonly readonly = input(false);
  readonly placeholder = input('');
  readonly size = input<'small' | 'default'>('default');
  readonly valueChange = output<string | null>();
  protected readonly text = signal('');
  protected readonly invalid = signal(false);

  constructor() {
    effect(() => {
      const iso = this.value();
      if (toIsoDuration(this.text()) !== (iso ?? null)) this.text.set(toShortDuration(iso));
    });
  }

  typed(text: string): void {
    this.text.set(text);
    const iso = toIsoDuration(text);
    this.invalid.set(!!text.trim() && !iso);
    if (!text.trim()) this.valueChange.emit(null);
    else if (iso) this.valueChange.emit(iso);
  }
}
