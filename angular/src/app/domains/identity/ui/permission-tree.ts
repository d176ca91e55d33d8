import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { groupState, PermissionGroupRows } from '../model/permission-tree';

/** The permission tree: a card per group with a group checkbox, permissions indented under their parent. */
@Component({
  selector: 'app-permission-tree',
  imports: [FormsModule, NzCheckboxModule, NzCardModule, NzGridModule],
  template: `
    <div nz-row [nzGutter]="[16, 16]">
      @for (group of groups(); track group.name) {
        <div nz-col [nzXs]="24" [nzLg]="12" [nzXXl]="8">
          <nz-card [nzTitle]="groupTitle" nzSize="small" [attr.data-test]="'permission-group-' + group.name">
            <ng-template #groupTitle>
              <label
                nz-checkbox
                [nzDisabled]="disabled()"
                [ngModel]="state(group) === 'all'"
                [nzIndeterminate]="state(group) === 'some'"
                (ngModelChange)="groupToggled.emit({ group: group.name, on: $event })"
                [attr.data-test]="'permission-group-check-' + group.name"
              >
                {{ zh() ? group.label.zh : group.label.en }}
              </label>
            </ng-template>
            @for (row of group.rows; track row.name) {
              <div class="row" [style.padding-left.px]="row.depth * 24">
                <label
                  nz-checkbox
                  [nzDisabled]="disabled()"
                  [ngModel]="granted().has(row.name)"
                  (ngModelChange)="toggled.emit({ name: row.name, on: $event })"
                  [attr.data-test]="'permission-' + row.name"
                >
                  {{ zh() ? row.label.zh : row.label.en }}
                  <span class="code">{{ row.name }}</span>
                </label>
              </div>
            }
          </nz-card>
        </div>
      }
    </div>
  `,
  styles: `
    .row { padding: 4px 0; }
    .code { color: rgba(0, 0, 0, 0.35); font-size: 12px; margin-left: 6px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PermissionTree {
  readonly groups = input.required<PermissionGroupRows[]>();
  readonly granted = input.required<ReadonlySet<string>>();
  readonly zh = input(false);
  readonly disabled = input(false);
  readonly toggled = output<{ name: string; on: boolean }>();
  readonly groupToggled = output<{ group: string; on: boolean }>();

  protected state(group: PermissionGroupRows) {
    return groupState(group, this.granted());
  }
}
