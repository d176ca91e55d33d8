import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { DictionaryItemCache, injectUiLanguage } from '../../../shared/ui/custom-field-support';
import type { CatalogField } from '../model/api';
import {
  coerceValue,
  Condition,
  ConditionRule,
  isAll,
  isNot,
  isRule,
  newRule,
  Operator,
  operatorsFor,
  takesList,
  takesNoValue,
} from '../model/condition';

export interface NamedOption {
  id: string;
  name: string;
}

/**
 * One node of a condition: a rule (field → operator by the field's type → value input by type) or an
 * all/any group, optionally negated. Used recursively; the top node is `wf-condition-builder`.
 */
@Component({
  selector: 'wf-condition-node',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslatePipe, NzButtonModule, NzIconModule, NzSelectModule, NzInputModule, NzInputNumberModule, NzSwitchModule, NzDatePickerModule, NzTagModule],
  template: `
    @let n = node();
    @if (isNot(n)) {
      <div class="not-box">
        <nz-tag nzColor="orange">{{ 'workflows.condition.not' | translate }}</nz-tag>
        <wf-condition-node [node]="n.not" [fields]="fields()" [users]="users()" [readonly]="readonly()" (nodeChange)="emit({ not: $event })" (remove)="emit(n.not)" />
      </div>
    } @else if (isRule(n)) {
      <div class="rule" data-test="condition-rule">
        <nz-select class="field" nzShowSearch [nzDisabled]="readonly()" [ngModel]="n.field" (ngModelChange)="setField(n, $event)" [nzPlaceHolder]="'workflows.condition.field' | translate" data-test="condition-field">
          @for (f of fields(); track f.name) {
            <nz-option [nzValue]="f.name" [nzLabel]="fieldLabel(f)" />
          }
        </nz-select>
        <nz-select class="op" [nzDisabled]="readonly()" [ngModel]="n.op" (ngModelChange)="setOp(n, $event)" data-test="condition-op">
          @for (op of operators(n); track op) {
            <nz-option [nzValue]="op" [nzLabel]="'workflows.condition.op.' + op | translate" />
          }
        </nz-select>
        @if (!noValue(n.op)) {
          @let f = fieldOf(n.field);
          @let list = isList(n.op);
          @switch (f?.type) {
            @case ('Dictionary') {
              <nz-select class="value" [nzMode]="list ? 'multiple' : 'default'" [nzDisabled]="readonly()" [ngModel]="n.value" (ngModelChange)="setValue(n, $event)" data-test="condition-value">
                @for (item of dictionary.itemsOf(f!.dictionaryType); track item.code) {
                  <nz-option [nzValue]="item.code" [nzLabel]="lang() === 'zh-CN' ? item.labelZh : item.labelEn" />
                }
              </nz-select>
            }
            @case ('Status') {
              <nz-select class="value" [nzMode]="list ? 'multiple' : 'default'" [nzDisabled]="readonly()" [ngModel]="n.value" (ngModelChange)="setValue(n, $event)" data-test="condition-value">
                @for (s of f!.values ?? []; track s) {
                  <nz-option [nzValue]="s" [nzLabel]="s" />
                }
              </nz-select>
            }
            @case ('User') {
              <nz-select class="value" nzShowSearch [nzMode]="list ? 'multiple' : 'default'" [nzDisabled]="readonly()" [ngModel]="n.value" (ngModelChange)="setValue(n, $event)" data-test="condition-value">
                @for (u of users(); track u.id) {
                  <nz-option [nzValue]="u.id" [nzLabel]="u.name" />
                }
              </nz-select>
            }
            @case ('Number') {
              <nz-input-number class="value" [nzDisabled]="readonly()" [ngModel]="n.value" (ngModelChange)="setValue(n, $event)" data-test="condition-value" />
            }
            @case ('Boolean') {
              <nz-switch [nzDisabled]="readonly()" [ngModel]="n.value === true" (ngModelChange)="setValue(n, $event)" data-test="condition-value" />
            }
            @case ('DateTime') {
              <nz-date-picker nzShowTime [nzDisabled]="readonly()" [ngModel]="n.value" (ngModelChange)="setValue(n, $event ? $event.toISOString() : null)" data-test="condition-value" />
            }
            @default {
              @if (list) {
                <nz-select class="value" nzMode="tags" [nzDisabled]="readonly()" [ngModel]="n.value" (ngModelChange)="setValue(n, $event)" data-test="condition-value" />
              } @else {
                <input nz-input class="value" [disabled]="readonly()" [ngModel]="n.value" (ngModelChange)="setValue(n, $event)" data-test="condition-value" />
              }
            }
          }
        }
        @if (!readonly()) {
          <button nz-button nzType="text" nzDanger (click)="remove.emit()" [attr.aria-label]="'common.remove' | translate"><nz-icon nzType="close" /></button>
        }
      </div>
    } @else {
      @let items = children(n);
      <div class="group" data-test="condition-group">
        <div class="group-head">
          <nz-select class="joiner" [nzDisabled]="readonly()" [ngModel]="isAll(n) ? 'all' : 'any'" (ngModelChange)="setJoin(items, $event)" data-test="condition-join">
            <nz-option nzValue="all" [nzLabel]="'workflows.condition.all' | translate" />
            <nz-option nzValue="any" [nzLabel]="'workflows.condition.any' | translate" />
          </nz-select>
          @if (!readonly()) {
            <button nz-button nzSize="small" (click)="addRule(n, items)" data-test="condition-add-rule"><nz-icon nzType="plus" /> {{ 'workflows.condition.addRule' | translate }}</button>
            <button nz-button nzSize="small" (click)="addGroup(n, items)"><nz-icon nzType="apartment" /> {{ 'workflows.condition.addGroup' | translate }}</button>
            @if (!root()) {
              <button nz-button nzSize="small" (click)="emit({ not: n })">{{ 'workflows.condition.negate' | translate }}</button>
              <button nz-button nzSize="small" nzType="text" nzDanger (click)="remove.emit()"><nz-icon nzType="delete" /></button>
            }
          }
        </div>
        @for (child of items; track $index; let i = $index) {
          <wf-condition-node
            [node]="child"
            [fields]="fields()"
            [users]="users()"
            [readonly]="readonly()"
            (nodeChange)="replace(n, items, i, $event)"
            (remove)="replace(n, items, i, null)"
          />
        } @empty {
          <div class="muted empty">{{ 'workflows.condition.empty' | translate }}</div>
        }
      </div>
    }
  `,
  styles: `
    .rule { display: flex; gap: 8px; align-items: center; margin: 6px 0; flex-wrap: wrap; }
    .field { width: 200px; }
    .op { width: 140px; }
    .value { min-width: 180px; flex: 1; }
    .joiner { width: 160px; }
    .group { border-left: 3px solid #91caff; padding: 6px 0 6px 12px; margin: 6px 0; background: rgba(22, 119, 255, 0.02); }
    .group-head { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
    .not-box { border-left: 3px solid #ffd591; padding-left: 8px; }
    .empty { padding: 4px 0; }
  `,
})
export class ConditionNode {
  readonly node = input.required<Condition>();
  readonly fields = input<CatalogField[]>([]);
  readonly users = input<NamedOption[]>([]);
  readonly readonly = input(false);
  readonly root = input(false);
  readonly nodeChange = output<Condition>();
  readonly remove = output<void>();

  protected readonly dictionary = inject(DictionaryItemCache);
  protected readonly lang = injectUiLanguage();
  protected readonly isRule = isRule;
  protected readonly isAll = isAll;
  protected readonly isNot = isNot;
  protected readonly noValue = takesNoValue;
  protected readonly isList = takesList;
  private readonly byName = computed(() => new Map(this.fields().map((f) => [f.name, f])));

  fieldOf = (name: string) => this.byName().get(name);
  fieldLabel = (f: CatalogField) => `${this.lang() === 'zh-CN' ? f.label.zh : f.label.en}${f.label.en === f.name ? '' : ` (${f.name})`}`;
  operators = (rule: ConditionRule): Operator[] => operatorsFor(this.fieldOf(rule.field)?.type);
  children = (group: Condition): Condition[] => (isAll(group) ? group.all : 'any' in group ? group.any : []);

  emit(node: Condition): void {
    this.nodeChange.emit(node);
  }
  setField(rule: ConditionRule, field: string): void {
    this.emit(newRule(field, this.fieldOf(field)?.type));
  }
  setOp(rule: ConditionRule, op: Operator): void {
    const value = coerceValue(op, this.fieldOf(rule.field)?.type, rule.value);
    this.emit(value === undefined ? { field: rule.field, op } : { field: rule.field, op, value });
  }
  setValue(rule: ConditionRule, value: unknown): void {
    this.emit({ ...rule, value });
  }
  setJoin(items: Condition[], join: 'all' | 'any'): void {
    this.emit(join === 'all' ? { all: items } : { any: items });
  }
  private group(group: Condition, items: Condition[]): Condition {
    return isAll(group) ? { all: items } : { any: items };
  }
  addRule(group: Condition, items: Condition[]): void {
    const first = this.fields()[0];
    this.emit(this.group(group, [...items, first ? newRule(first.name, first.type) : { field: '', op: 'eq', value: null }]));
  }
  addGroup(group: Condition, items: Condition[]): void {
    this.emit(this.group(group, [...items, { any: [] }]));
  }
  replace(group: Condition, items: Condition[], index: number, node: Condition | null): void {
    const next = [...items];
    if (node) next[index] = node;
    else next.splice(index, 1);
    this.emit(this.group(group, next));
  }
}

/** The condition of a trigger, an If or a Switch case; null means "always". */
@Component({
  selector: 'wf-condition-builder',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ConditionNode, TranslatePipe, NzButtonModule, NzIconModule],
  template: `
    @if (condition(); as c) {
      <wf-condition-node [node]="c" [root]="true" [fields]="fields()" [users]="users()" [readonly]="readonly()" (nodeChange)="conditionChange.emit($event)" (remove)="conditionChange.emit(null)" />
      @if (!readonly()) {
        <button nz-button nzType="link" nzSize="small" (click)="conditionChange.emit(null)">{{ 'workflows.condition.clear' | translate }}</button>
      }
    } @else {
      <span class="muted">{{ 'workflows.condition.always' | translate }}</span>
      @if (!readonly()) {
        <button nz-button nzType="link" (click)="conditionChange.emit({ all: [] })" data-test="condition-add"><nz-icon nzType="plus" /> {{ 'workflows.condition.add' | translate }}</button>
      }
    }
  `,
})
export class ConditionBuilder {
  readonly condition = input<Condition | null | undefined>(null);
  readonly fields = input<CatalogField[]>([]);
  readonly users = input<NamedOption[]>([]);
  readonly readonly = input(false);
  readonly conditionChange = output<Condition | null>();
}
