import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { injectUiLanguage } from '../../../shared/ui/custom-field-support';
import type { CatalogField, CatalogRecordType } from '../model/api';
import { nextRuns } from '../model/cron';
import { TRIGGER_KINDS, VARIABLE_TYPES, WorkflowTrigger, WorkflowVariable } from '../model/definition';
import { ConditionBuilder, NamedOption } from '../ui/condition-builder';

/** The trigger (kind, record type, fields/status/event/cron with a preview, condition) and the variables table. */
@Component({
  selector: 'wf-trigger-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslatePipe, LocalDatePipe, NzSelectModule, NzInputModule, NzCardModule, NzTableModule, NzButtonModule, NzIconModule, NzPopconfirmModule, ConditionBuilder],
  template: `
    @let t = trigger();
    @let ro = readonly();
    <nz-card nzSize="small" [nzTitle]="'workflows.trigger.title' | translate" class="section" data-test="trigger-form">
      <div class="grid">
        <label>{{ 'workflows.trigger.kind' | translate }}</label>
        <nz-select [nzDisabled]="ro" [ngModel]="t.kind" (ngModelChange)="set({ kind: $event })">
          @for (k of kinds; track k) {
            <nz-option [nzValue]="k" [nzLabel]="'workflows.trigger.kinds.' + k | translate" />
          }
        </nz-select>
        @if (t.kind !== 'schedule') {
          <label>{{ 'workflows.recordType' | translate }}</label>
          <nz-select [nzDisabled]="ro" [ngModel]="t.recordType" (ngModelChange)="set({ recordType: $event })">
            @for (r of recordTypes(); track r.name) {
              <nz-option [nzValue]="r.name" [nzLabel]="lang() === 'zh-CN' ? r.displayName.zh : r.displayName.en" />
            }
          </nz-select>
        }
        @switch (t.kind) {
          @case ('recordUpdated') {
            <label>{{ 'workflows.trigger.fields' | translate }}</label>
            <nz-select nzMode="multiple" [nzDisabled]="ro" [ngModel]="t.fields ?? []" (ngModelChange)="set({ fields: $event.length ? $event : null })" [nzPlaceHolder]="'workflows.trigger.anyField' | translate">
              @for (f of fields(); track f.name) {
                <nz-option [nzValue]="f.name" [nzLabel]="lang() === 'zh-CN' ? f.label.zh : f.label.en" />
              }
            </nz-select>
          }
          @case ('statusChanged') {
            <label>{{ 'workflows.trigger.status' | translate }}</label>
            <nz-select nzAllowClear [nzDisabled]="ro" [ngModel]="t.status" (ngModelChange)="set({ status: $event })" [nzPlaceHolder]="'workflows.trigger.anyStatus' | translate">
              @for (s of statuses(); track s) {
                <nz-option [nzValue]="s" [nzLabel]="s" />
              }
            </nz-select>
          }
          @case ('event') {
            <label>{{ 'workflows.props.event' | translate }}</label>
            <nz-select [nzDisabled]="ro" [ngModel]="t.event" (ngModelChange)="set({ event: $event })">
              @for (e of events(); track e.name) {
                <nz-option [nzValue]="e.name" [nzLabel]="lang() === 'zh-CN' ? e.label.zh : e.label.en" />
              }
            </nz-select>
          }
          @case ('schedule') {
            <label>{{ 'workflows.trigger.cron' | translate }}</label>
            <input nz-input [disabled]="ro" placeholder="0 9 * * 1-5" [ngModel]="t.cron" (ngModelChange)="set({ cron: $event })" />
            <label>{{ 'workflows.trigger.timeZone' | translate }}</label>
            <nz-select nzShowSearch [nzDisabled]="ro" [ngModel]="t.timeZone" (ngModelChange)="set({ timeZone: $event })">
              @for (z of zones; track z) {
                <nz-option [nzValue]="z" [nzLabel]="z" />
              }
            </nz-select>
            <label>{{ 'workflows.trigger.nextRuns' | translate }}</label>
            <span data-test="cron-preview">
              @if (runs(); as r) {
                @for (d of r; track $index) {
                  <div>{{ d | localDate }}</div>
                }
              } @else {
                <span class="muted">{{ 'workflows.trigger.noPreview' | translate }}</span>
              }
            </span>
          }
        }
        <label>{{ 'workflows.trigger.condition' | translate }}</label>
        <wf-condition-builder [condition]="t.condition" [fields]="conditionFields()" [users]="users()" [readonly]="ro" (conditionChange)="set({ condition: $event })" />
      </div>
    </nz-card>
    <nz-card nzSize="small" [nzTitle]="'workflows.variables.title' | translate" [nzExtra]="addVar">
      <ng-template #addVar>
        @if (!ro) {
          <button nz-button nzSize="small" (click)="addVariable()"><nz-icon nzType="plus" /> {{ 'common.add' | translate }}</button>
        }
      </ng-template>
      <nz-table nzSize="small" [nzData]="variables()" [nzShowPagination]="false" nzTemplateMode>
        <thead>
          <tr>
            <th>{{ 'workflows.variables.name' | translate }}</th>
            <th>{{ 'workflows.variables.type' | translate }}</th>
            <th>{{ 'workflows.variables.default' | translate }}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          @for (v of variables(); track $index; let i = $index) {
            <tr>
              <td><input nz-input [disabled]="ro" [ngModel]="v.name" (ngModelChange)="setVariable(i, { name: $event })" /></td>
              <td>
                <nz-select class="w140" [nzDisabled]="ro" [ngModel]="v.type" (ngModelChange)="setVariable(i, { type: $event })">
                  @for (ty of types; track ty) {
                    <nz-option [nzValue]="ty" [nzLabel]="'workflows.variables.types.' + ty | translate" />
                  }
                </nz-select>
              </td>
              <td><input nz-input [disabled]="ro" [ngModel]="v.default ?? ''" (ngModelChange)="setVariable(i, { default: $event === '' ? null : $event })" /></td>
              <td>
                @if (!ro) {
                  <button nz-button nzType="text" nzDanger nz-popconfirm [nzPopconfirmTitle]="'common.deleteConfirm' | translate" (nzOnConfirm)="removeVariable(i)"><nz-icon nzType="delete" /></button>
                }
              </td>
            </tr>
          } @empty {
            <tr><td colspan="4" class="muted">{{ 'workflows.variables.empty' | translate }}</td></tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
  `,
  styles: `
    .grid { display: grid; grid-template-columns: 160px minmax(0, 1fr); gap: 8px 12px; align-items: center; }
    .section { margin-bottom: 16px; }
    .w140 { width: 140px; }
  `,
})
export class TriggerForm {
  readonly trigger = input.required<WorkflowTrigger>();
  readonly variables = input<WorkflowVariable[]>([]);
  readonly recordTypes = input<CatalogRecordType[]>([]);
  readonly fields = input<CatalogField[]>([]);
  readonly conditionFields = input<CatalogField[]>([]);
  readonly users = input<NamedOption[]>([]);
  readonly readonly = input(false);
  readonly triggerChange = output<WorkflowTrigger>();
  readonly variablesChange = output<WorkflowVariable[]>();

  protected readonly lang = injectUiLanguage();
  protected readonly kinds = TRIGGER_KINDS;
  protected readonly types = VARIABLE_TYPES;
  protected readonly zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Shanghai', 'UTC'];
  protected readonly statuses = computed(() => this.fields().find((f) => f.type === 'Status')?.values ?? []);
  protected readonly events = computed(() => this.recordTypes().find((r) => r.name === this.trigger().recordType)?.events ?? []);
  protected readonly runs = computed(() => nextRuns(this.trigger().cron, new Date(), 5));

  set(change: Partial<WorkflowTrigger>): void {
    this.triggerChange.emit({ ...this.trigger(), ...change });
  }
  addVariable(): void {
    this.variablesChange.emit([...this.variables(), { name: `var${this.variables().length + 1}`, type: 'text' }]);
  }
  setVariable(index: number, change: Partial<WorkflowVariable>): void {
    this.variablesChange.emit(this.variables().map((v, i) => (i === index ? { ...v, ...change } : v)));
  }
  removeVariable(index: number): void {
    this.variablesChange.emit(this.variables().filter((_, i) => i !== index));
  }
}
