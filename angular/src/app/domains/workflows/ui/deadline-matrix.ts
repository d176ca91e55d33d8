import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzTableModule } from 'ng-zorro-antd/table';
import { DeadlineMatrix, orphanCells } from '../model/duration';
import { DurationInput } from './duration-input';

export interface MatrixValue {
  code: string;
  label: string;
}

/** ComputeDeadline's grid: rows are the row field's dictionary values, columns the column field's, each cell a duration. */
@Component({
  selector: 'wf-deadline-matrix',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTableModule, NzAlertModule, TranslatePipe, DurationInput],
  template: `
    @if (rows().length === 0 || columns().length === 0) {
      <span class="muted">{{ 'workflows.matrix.pickFields' | translate }}</span>
    } @else {
      <nz-table nzSize="small" nzBordered [nzData]="rows()" [nzShowPagination]="false" [nzFrontPagination]="false" nzTemplateMode data-test="deadline-matrix">
        <thead>
          <tr>
            <th>{{ rowTitle() }} \\ {{ columnTitle() }}</th>
            @for (c of columns(); track c.code) {
              <th>{{ c.label }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (r of rows(); track r.code) {
            <tr>
              <td class="row-head">{{ r.label }}</td>
              @for (c of columns(); track c.code) {
                <td [attr.data-test]="'matrix-cell-' + r.code + '-' + c.code">
                  <wf-duration-input size="small" [readonly]="readonly()" [value]="matrix().cells[r.code]?.[c.code]" [placeholder]="defaultText()" (valueChange)="cellChange.emit({ row: r.code, column: c.code, value: $event })" />
                </td>
              }
            </tr>
          }
        </tbody>
      </nz-table>
      @if (orphans().length) {
        <nz-alert nzType="warning" nzShowIcon [nzMessage]="'workflows.matrix.orphans' | translate: { cells: orphans().join(', ') }" />
      }
    }
  `,
  styles: `
    .row-head { font-weight: 500; white-space: nowrap; }
    td { min-width: 90px; }
  `,
})
export class DeadlineMatrixGrid {
  readonly matrix = input.required<DeadlineMatrix>();
  readonly rows = input<MatrixValue[]>([]);
  readonly columns = input<MatrixValue[]>([]);
  readonly rowTitle = input('');
  readonly columnTitle = input('');
  readonly defaultText = input('');
  readonly readonly = input(false);
  readonly cellChange = output<{ row: string; column: string; value: string | null }>();
  protected readonly orphans = computed(() => orphanCells(this.matrix(), this.rows().map((r) => r.code), this.columns().map((c) => c.code)));
}
