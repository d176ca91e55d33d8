import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { DictionaryItemCache, injectUiLanguage } from '../../../shared/ui/custom-field-support';
import type { CatalogEvent, CatalogField } from '../model/api';
import type { Condition } from '../model/condition';
import type { StepProperties, WorkflowStep } from '../model/definition';
import { DeadlineMatrix, setMatrixCell } from '../model/duration';
import { ConditionBuilder, NamedOption } from './condition-builder';
import { DeadlineMatrixGrid, MatrixValue } from './deadline-matrix';
import { DurationInput } from './duration-input';

type Obj = Record<string, unknown>;

/** The property form of one step, by activity (docs/workflows.md's table); emits the whole new properties object. */
@Component({
  selector: 'wf-step-properties',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    FormsModule,
    TranslatePipe,
    NzFormModule,
    NzSelectModule,
    NzInputModule,
    NzInputNumberModule,
    NzSwitchModule,
    NzCheckboxModule,
    NzRadioModule,
    NzButtonModule,
    NzIconModule,
    ConditionBuilder,
    DeadlineMatrixGrid,
    DurationInput,
  ],
  template: `
    @let p = step().properties;
    @let ro = readonly();
    <div class="props" [attr.data-test]="'props-' + step().activity">
      @switch (step().activity) {
        @case ('If') {
          <label class="lbl">{{ 'workflows.props.condition' | translate }}</label>
          <wf-condition-builder [condition]="$any(p['condition'])" [fields]="conditionFields()" [users]="users()" [readonly]="ro" (conditionChange)="set('condition', $event)" />
        }
        @case ('Switch') {
          @for (c of cases(); track $index; let i = $index) {
            <div class="case">
              <div class="row">
                <input nz-input class="w200" [disabled]="ro" [placeholder]="'workflows.props.caseName' | translate" [ngModel]="c.name" (ngModelChange)="setCase(i, { name: $event, condition: c.condition })" />
                @if (!ro) {
                  <button nz-button nzType="text" nzDanger (click)="removeCase(i)"><nz-icon nzType="delete" /></button>
                }
              </div>
              <wf-condition-builder [condition]="c.condition" [fields]="conditionFields()" [users]="users()" [readonly]="ro" (conditionChange)="setCase(i, { name: c.name, condition: $event })" />
            </div>
          }
          @if (!ro) {
            <button nz-button nzType="dashed" (click)="addCase()"><nz-icon nzType="plus" /> {{ 'workflows.props.addCase' | translate }}</button>
          }
        }
        @case ('Assign') {
          <div class="grid">
            <label>{{ 'workflows.props.strategy' | translate }}</label>
            <nz-select [nzDisabled]="ro" [ngModel]="p['strategy']" (ngModelChange)="set('strategy', $event)">
              @for (s of strategies; track s) {
                <nz-option [nzValue]="s" [nzLabel]="'workflows.strategy.' + s | translate" />
              }
            </nz-select>
            @if (p['strategy'] === 'user') {
              <label>{{ 'workflows.props.userField' | translate }}</label>
              <nz-select nzAllowClear [nzDisabled]="ro" [ngModel]="p['userField']" (ngModelChange)="set('userField', $event)">
                @for (f of fieldsOf('User'); track f.name) {
                  <nz-option [nzValue]="f.name" [nzLabel]="label(f)" />
                }
              </nz-select>
            }
            <label>{{ 'workflows.props.candidateUsers' | translate }}</label>
            <nz-select nzMode="multiple" nzShowSearch [nzDisabled]="ro" [ngModel]="candidates()['userIds'] ?? []" (ngModelChange)="setCandidates('userIds', $event)">
              @for (u of users(); track u.id) {
                <nz-option [nzValue]="u.id" [nzLabel]="u.name" />
              }
            </nz-select>
            <label>{{ 'workflows.props.candidateDepartments' | translate }}</label>
            <nz-select nzMode="multiple" [nzDisabled]="ro" [ngModel]="candidates()['departmentIds'] ?? []" (ngModelChange)="setCandidates('departmentIds', $event)">
              @for (d of departments(); track d.id) {
                <nz-option [nzValue]="d.id" [nzLabel]="d.name" />
              }
            </nz-select>
            <label>{{ 'workflows.props.role' | translate }}</label>
            <input nz-input [disabled]="ro" [ngModel]="candidates()['role']" (ngModelChange)="setCandidates('role', $event || null)" />
            <label>{{ 'workflows.props.skill' | translate }}</label>
            <input nz-input [disabled]="ro" [ngModel]="p['skill']" (ngModelChange)="set('skill', $event || null)" />
            @if (p['strategy'] === 'leastLoaded') {
              <label>{{ 'workflows.props.capacity' | translate }}</label>
              <nz-input-number [nzMin]="1" [nzDisabled]="ro" [ngModel]="p['capacity']" (ngModelChange)="set('capacity', $event)" />
            }
          </div>
        }
        @case ('ComputeDeadline') {
          <div class="grid">
            <label>{{ 'workflows.props.deadlineField' | translate }}</label>
            <nz-select [nzDisabled]="ro" [ngModel]="p['field']" (ngModelChange)="set('field', $event)" data-test="deadline-field">
              @for (f of writableOf('DateTime'); track f.name) {
                <nz-option [nzValue]="f.name" [nzLabel]="label(f)" />
              }
            </nz-select>
            <label>{{ 'workflows.props.deadlineMode' | translate }}</label>
            <nz-radio-group [nzDisabled]="ro" [ngModel]="p['matrix'] ? 'matrix' : 'duration'" (ngModelChange)="setDeadlineMode($event)">
              <label nz-radio-button nzValue="duration">{{ 'workflows.props.fixedDuration' | translate }}</label>
              <label nz-radio-button nzValue="matrix" data-test="deadline-mode-matrix">{{ 'workflows.props.matrix' | translate }}</label>
            </nz-radio-group>
            @if (matrix(); as m) {
              <label>{{ 'workflows.props.rowField' | translate }}</label>
              <nz-select [nzDisabled]="ro" [ngModel]="m.rowField" (ngModelChange)="set('matrix', { ...m, rowField: $event, cells: {} })" data-test="matrix-row-field">
                @for (f of matrixFields(); track f.name) {
                  <nz-option [nzValue]="f.name" [nzLabel]="label(f)" />
                }
              </nz-select>
              <label>{{ 'workflows.props.columnField' | translate }}</label>
              <nz-select [nzDisabled]="ro" [ngModel]="m.columnField" (ngModelChange)="set('matrix', { ...m, columnField: $event, cells: {} })" data-test="matrix-column-field">
                @for (f of matrixFields(); track f.name) {
                  <nz-option [nzValue]="f.name" [nzLabel]="label(f)" />
                }
              </nz-select>
              <label>{{ 'workflows.props.default' | translate }}</label>
              <wf-duration-input [readonly]="ro" [value]="m.default" (valueChange)="set('matrix', { ...m, default: $event })" />
            } @else {
              <label>{{ 'workflows.props.duration' | translate }}</label>
              <wf-duration-input [readonly]="ro" [value]="$any(p['duration'])" (valueChange)="set('duration', $event)" />
            }
            <label>{{ 'workflows.props.workingTime' | translate }}</label>
            <nz-switch [nzDisabled]="ro" [ngModel]="p['workingTime'] === true" (ngModelChange)="set('workingTime', $event)" />
          </div>
          @if (matrix(); as m) {
            <wf-deadline-matrix
              [matrix]="m"
              [rows]="valuesOf(m.rowField)"
              [columns]="valuesOf(m.columnField)"
              [rowTitle]="labelOf(m.rowField)"
              [columnTitle]="labelOf(m.columnField)"
              [defaultText]="m.default ?? ''"
              [readonly]="ro"
              (cellChange)="setCell(m, $event.row, $event.column, $event.value)"
            />
          }
        }
        @case ('Notify') {
          <div class="grid">
            <label>{{ 'workflows.props.channels' | translate }}</label>
            <nz-checkbox-group [nzDisabled]="ro" [ngModel]="p['channels'] ?? []" (ngModelChange)="set('channels', $event)" [nzOptions]="channelOptions()" />
            <label>{{ 'workflows.props.recipients' | translate }}</label>
            <nz-select nzMode="tags" [nzDisabled]="ro" [ngModel]="p['recipients'] ?? []" (ngModelChange)="set('recipients', $event)" [nzPlaceHolder]="'workflows.props.recipientsHint' | translate" data-test="notify-recipients">
              @for (r of recipients; track r) {
                <nz-option [nzValue]="r" [nzLabel]="'workflows.recipient.' + r | translate" />
              }
              @for (u of users(); track u.id) {
                <nz-option [nzValue]="'user:' + u.id" [nzLabel]="u.name" />
              }
            </nz-select>
            <label>{{ 'workflows.props.subjectEn' | translate }}</label>
            <input nz-input [disabled]="ro" [ngModel]="text('subject').en" (ngModelChange)="setText('subject', 'en', $event)" data-test="notify-subject-en" />
            <label>{{ 'workflows.props.subjectZh' | translate }}</label>
            <input nz-input [disabled]="ro" [ngModel]="text('subject').zh" (ngModelChange)="setText('subject', 'zh', $event)" data-test="notify-subject-zh" />
            <label>{{ 'workflows.props.bodyEn' | translate }}</label>
            <textarea nz-input rows="2" [disabled]="ro" [ngModel]="text('body').en" (ngModelChange)="setText('body', 'en', $event)"></textarea>
            <label>{{ 'workflows.props.bodyZh' | translate }}</label>
            <textarea nz-input rows="2" [disabled]="ro" [ngModel]="text('body').zh" (ngModelChange)="setText('body', 'zh', $event)"></textarea>
          </div>
          <div class="muted hint">{{ 'workflows.props.placeholders' | translate }}</div>
        }
        @case ('Escalate') {
          <div class="grid">
            <label>{{ 'workflows.props.maxLevel' | translate }}</label>
            <nz-input-number [nzMin]="1" [nzDisabled]="ro" [ngModel]="p['maxLevel']" (ngModelChange)="set('maxLevel', $event)" />
            <label>{{ 'workflows.props.levelField' | translate }}</label>
            <nz-select nzAllowClear [nzDisabled]="ro" [ngModel]="p['levelField']" (ngModelChange)="set('levelField', $event)">
              @for (f of writableOf('Number'); track f.name) {
                <nz-option [nzValue]="f.name" [nzLabel]="label(f)" />
              }
            </nz-select>
            <label>{{ 'workflows.props.departmentField' | translate }}</label>
            <nz-select nzAllowClear [nzDisabled]="ro" [ngModel]="p['departmentField']" (ngModelChange)="set('departmentField', $event)">
              @for (f of fieldsOf('Department'); track f.name) {
                <nz-option [nzValue]="f.name" [nzLabel]="label(f)" />
              }
            </nz-select>
          </div>
        }
        @case ('WaitForEvent') {
          <div class="grid">
            <label>{{ 'workflows.props.event' | translate }}</label>
            <ng-container *ngTemplateOutlet="eventSelect; context: { key: 'event' }" />
          </div>
        }
        @case ('WaitUntil') {
          <div class="grid">
            <label>{{ 'workflows.props.dateField' | translate }}</label>
            <nz-select nzAllowClear [nzDisabled]="ro" [ngModel]="p['field']" (ngModelChange)="set('field', $event)">
              @for (f of fieldsOf('DateTime'); track f.name) {
                <nz-option [nzValue]="f.name" [nzLabel]="label(f)" />
              }
            </nz-select>
            @if (!p['field']) {
              <label>{{ 'workflows.props.duration' | translate }}</label>
              <wf-duration-input [readonly]="ro" [value]="$any(p['duration'])" (valueChange)="set('duration', $event)" />
              <label>{{ 'workflows.props.workingTime' | translate }}</label>
              <nz-switch [nzDisabled]="ro" [ngModel]="p['workingTime'] === true" (ngModelChange)="set('workingTime', $event)" />
            }
          </div>
        }
        @case ('WaitForEventOrTimer') {
          <div class="grid">
            <label>{{ 'workflows.props.event' | translate }}</label>
            <ng-container *ngTemplateOutlet="eventSelect; context: { key: 'event' }" />
            <label>{{ 'workflows.props.timer' | translate }}</label>
            <wf-duration-input [readonly]="ro" [value]="$any(obj('timer')['duration'])" (valueChange)="set('timer', { ...obj('timer'), duration: $event })" />
            <label>{{ 'workflows.props.workingTime' | translate }}</label>
            <nz-switch [nzDisabled]="ro" [ngModel]="obj('timer')['workingTime'] === true" (ngModelChange)="set('timer', { ...obj('timer'), workingTime: $event })" />
          </div>
        }
        @case ('SetStatus') {
          <div class="grid">
            <label>{{ 'workflows.props.status' | translate }}</label>
            <nz-select nzShowSearch [nzDisabled]="ro" [ngModel]="p['status']" (ngModelChange)="set('status', $event)">
              @for (s of statuses(); track s) {
                <nz-option [nzValue]="s" [nzLabel]="s" />
              }
            </nz-select>
            <label>{{ 'workflows.props.note' | translate }}</label>
            <input nz-input [disabled]="ro" [ngModel]="p['note']" (ngModelChange)="set('note', $event || null)" />
          </div>
        }
        @case ('SetField') {
          <div class="grid">
            <label>{{ 'workflows.props.field' | translate }}</label>
            <nz-select nzShowSearch [nzDisabled]="ro" [ngModel]="p['field']" (ngModelChange)="set('field', $event)">
              @for (f of writable(); track f.name) {
                <nz-option [nzValue]="f.name" [nzLabel]="label(f)" />
              }
            </nz-select>
            <label>{{ 'workflows.props.value' | translate }}</label>
            <input nz-input [disabled]="ro" [ngModel]="p['value']" (ngModelChange)="set('value', $event)" />
            <label>{{ 'workflows.props.increment' | translate }}</label>
            <nz-input-number [nzDisabled]="ro" [ngModel]="p['increment']" (ngModelChange)="set('increment', $event)" />
            <label>{{ 'workflows.props.fromField' | translate }}</label>
            <nz-select nzAllowClear nzShowSearch [nzDisabled]="ro" [ngModel]="p['fromField']" (ngModelChange)="set('fromField', $event)">
              @for (f of conditionFields(); track f.name) {
                <nz-option [nzValue]="f.name" [nzLabel]="label(f)" />
              }
            </nz-select>
          </div>
        }
        @case ('CreateTask') {
          <div class="grid">
            <label>{{ 'workflows.props.titleEn' | translate }}</label>
            <input nz-input [disabled]="ro" [ngModel]="text('title').en" (ngModelChange)="setText('title', 'en', $event)" />
            <label>{{ 'workflows.props.titleZh' | translate }}</label>
            <input nz-input [disabled]="ro" [ngModel]="text('title').zh" (ngModelChange)="setText('title', 'zh', $event)" />
            <label>{{ 'workflows.props.assignee' | translate }}</label>
            <nz-select [nzDisabled]="ro" [ngModel]="p['assignee']" (ngModelChange)="set('assignee', $event)">
              @for (r of recipients; track r) {
                <nz-option [nzValue]="r" [nzLabel]="'workflows.recipient.' + r | translate" />
              }
              @for (u of users(); track u.id) {
                <nz-option [nzValue]="'user:' + u.id" [nzLabel]="u.name" />
              }
            </nz-select>
            <label>{{ 'workflows.props.dueIn' | translate }}</label>
            <wf-duration-input [readonly]="ro" [value]="$any(p['dueIn'])" (valueChange)="set('dueIn', $event)" />
            <label>{{ 'workflows.props.workingTime' | translate }}</label>
            <nz-switch [nzDisabled]="ro" [ngModel]="p['workingTime'] === true" (ngModelChange)="set('workingTime', $event)" />
            <label>{{ 'workflows.props.wait' | translate }}</label>
            <nz-switch [nzDisabled]="ro" [ngModel]="p['wait'] === true" (ngModelChange)="set('wait', $event)" />
          </div>
        }
        @case ('Complete') {
          <div class="grid">
            <label>{{ 'workflows.props.outcome' | translate }}</label>
            <input nz-input [disabled]="ro" [ngModel]="p['outcome']" (ngModelChange)="set('outcome', $event || null)" />
          </div>
        }
      }
    </div>
    <ng-template #eventSelect let-key="key">
      <nz-select [nzDisabled]="ro" [ngModel]="p[key]" (ngModelChange)="set(key, $event)">
        @for (e of events(); track e.name) {
          <nz-option [nzValue]="e.name" [nzLabel]="lang() === 'zh-CN' ? e.label.zh : e.label.en" />
        }
      </nz-select>
    </ng-template>
  `,
  styles: `
    .grid { display: grid; grid-template-columns: 160px minmax(0, 1fr); gap: 8px 12px; align-items: center; margin-bottom: 8px; }
    .grid > label { color: rgba(0, 0, 0, 0.65); }
    .lbl { display: block; color: rgba(0, 0, 0, 0.65); margin-bottom: 4px; }
    .case { border: 1px dashed #d9d9d9; border-radius: 6px; padding: 8px; margin-bottom: 8px; }
    .row { display: flex; gap: 8px; align-items: center; }
    .w200 { width: 200px; }
    .hint { font-size: 12px; }
  `,
})
export class StepPropertiesForm {
  readonly step = input.required<WorkflowStep>();
  readonly fields = input<CatalogField[]>([]);
  readonly conditionFields = input<CatalogField[]>([]);
  readonly events = input<CatalogEvent[]>([]);
  readonly users = input<NamedOption[]>([]);
  readonly departments = input<NamedOption[]>([]);
  readonly readonly = input(false);
  readonly propertiesChange = output<StepProperties>();

  private readonly dictionary = inject(DictionaryItemCache);
  protected readonly lang = injectUiLanguage();
  protected readonly strategies = ['user', 'departmentHead', 'roundRobin', 'leastLoaded', 'queue'];
  protected readonly recipients = ['assignee', 'departmentHead', 'customer'];
  protected readonly channelOptions = computed(() => {
    const channels = (this.step().properties['channels'] as string[] | undefined) ?? [];
    return ['inApp', 'email', 'sms'].map((c) => ({ label: c === 'inApp' ? 'In-app' : c === 'sms' ? 'SMS' : 'Email', value: c, checked: channels.includes(c) }));
  });
  protected readonly writable = computed(() => this.fields().filter((f) => f.writable));
  protected readonly matrixFields = computed(() => this.fields().filter((f) => f.type === 'Dictionary' || f.type === 'Status'));
  protected readonly statuses = computed(() => this.fields().find((f) => f.type === 'Status')?.values ?? []);
  protected readonly cases = computed(() => (this.step().properties['cases'] as { name: string; condition: Condition | null }[] | undefined) ?? []);
  protected readonly candidates = computed(() => (this.step().properties['candidates'] as Obj | undefined) ?? {});
  protected readonly matrix = computed(() => (this.step().properties['matrix'] as DeadlineMatrix | undefined) ?? null);

  fieldsOf = (type: string) => this.fields().filter((f) => f.type === type);
  writableOf = (type: string) => this.writable().filter((f) => f.type === type);
  label = (f: CatalogField) => `${this.lang() === 'zh-CN' ? f.label.zh : f.label.en}`;
  labelOf = (name: string) => {
    const f = this.fields().find((x) => x.name === name);
    return f ? this.label(f) : name;
  };
  obj = (key: string): Obj => (this.step().properties[key] as Obj | undefined) ?? {};
  text = (key: string): { en: string; zh: string } => ({ en: '', zh: '', ...((this.step().properties[key] as object | undefined) ?? {}) });

  /** Rows/columns of the matrix: the dictionary's items (or the status values) of the chosen field. */
  valuesOf(name: string): MatrixValue[] {
    const f = this.fields().find((x) => x.name === name);
    if (!f) return [];
    if (f.type === 'Status') return (f.values ?? []).map((v) => ({ code: v, label: v }));
    return this.dictionary.itemsOf(f.dictionaryType).map((i) => ({ code: i.code, label: this.lang() === 'zh-CN' ? i.labelZh : i.labelEn }));
  }

  set(key: string, value: unknown): void {
    const next: StepProperties = { ...this.step().properties };
    if (value === null || value === undefined) delete next[key];
    else next[key] = value;
    this.propertiesChange.emit(next);
  }
  setText(key: string, lang: 'en' | 'zh', value: string): void {
    this.set(key, { ...this.text(key), [lang]: value });
  }
  setCandidates(key: string, value: unknown): void {
    const c: Obj = { ...this.candidates() };
    if (value === null || (Array.isArray(value) && value.length === 0)) delete c[key];
    else c[key] = value;
    this.set('candidates', c);
  }
  setCase(index: number, value: { name: string; condition: Condition | null }): void {
    const cases = [...this.cases()];
    cases[index] = value;
    this.set('cases', cases);
  }
  addCase(): void {
    this.set('cases', [...this.cases(), { name: `case${this.cases().length + 1}`, condition: { all: [] } }]);
  }
  removeCase(index: number): void {
    this.set('cases', this.cases().filter((_, i) => i !== index));
  }
  setDeadlineMode(mode: 'duration' | 'matrix'): void {
    const next: StepProperties = { ...this.step().properties };
    if (mode === 'matrix') {
      const [row, column] = this.matrixFields();
      next['matrix'] = { rowField: row?.name ?? '', columnField: column?.name ?? row?.name ?? '', cells: {}, default: (next['duration'] as string) ?? 'P1D' };
      delete next['duration'];
    } else {
      next['duration'] = this.matrix()?.default ?? 'P1D';
      delete next['matrix'];
    }
    this.propertiesChange.emit(next);
  }
  setCell(matrix: DeadlineMatrix, row: string, column: string, value: string | null): void {
    const next = setMatrixCell(matrix, row, column, value ?? '');
    if (next) this.set('matrix', next);
  }
}
