import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzPopoverModule } from 'ng-zorro-antd/popover';

export interface ColumnOption {
  key: string;
  label: string;
}

/** Which list columns show: built-in ones and custom fields, in the order offered. */
@Component({
  selector: 'app-column-chooser',
  imports: [FormsModule, TranslatePipe, NzButtonModule, NzCheckboxModule, NzIconModule, NzPopoverModule],
  template: `
    <button nz-button nz-popover nzPopoverTrigger="click" [nzPopoverContent]="content" nzPopoverPlacement="bottomRight" data-test="column-chooser">
      <nz-icon nzType="setting" /> {{ 'customers.columns' | translate }}
    </button>
    <ng-template #content>
      <div class="columns" data-test="column-options">
        @for (o of options(); track o.key) {
          <label nz-checkbox [ngModel]="selected().includes(o.key)" (ngModelChange)="toggle(o.key, $event)" [attr.data-test]="'column-' + o.key">{{ o.label }}</label>
        }
      </div>
    </ng-template>
  `,
  styles: `
    .columns {
      display: flex;
      flex-direction: column;
      gap: 6px;
      max-height: 360px;
      overflow: auto;
    }
    .columns label {
      margin-left: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ColumnChooser {
  readonly options = input.required<ColumnOption[]>();
  readonly selected = input.required<string[]>();
  readonly selectedChange = output<string[]>();

  protected toggle(key: string, on: boolean): void {
    const keys = this.options().map((o) => o.key);
    const next = on ? [...this.selected(), key] : this.selected().filter((k) => k !== key);
    this.selectedChange.emit(keys.filter((k) => next.includes(k)));
  }
}
