import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, ValidatorFn, Validators } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { ProblemMessageService } from '../../../../core/http/problem-message.service';
import { toProblem } from '../../../../core/http/problem';
import type { NamedRef, ReturnEntryRequest } from '../../../../shared/api/generated';
import { DictionarySelect } from '../../../../shared/ui/dictionary-select';
import { ReturnApi } from '../../data/return-api';
import { ServiceLookups } from '../../data/service-lookups';
import { reasonDictionary, RETURN_CURRENCIES, RETURN_DICTIONARIES, RETURN_KIND_FIELDS, RETURN_KINDS, ReturnEntry, ReturnField, ReturnKind } from '../../model/return';

const TEXT_LIMITS: Partial<Record<ReturnField, number>> = {
  customerName: 100, customerPhone: 32, address: 300, orderNumber: 64, productCode: 64, productName: 200, coordinationMatter: 1000,
};

/**
 * A new return or compensation entry (or a correction of a draft/rejected one): the kind decides which fields show and
 * which are required, as the server's rules do; saved as a draft or submitted for approval.
 */
@Component({
  selector: 'app-return-form-drawer',
  imports: [ReactiveFormsModule, TranslatePipe, DictionarySelect, NzDrawerModule, NzFormModule, NzInputModule, NzInputNumberModule, NzSelectModule, NzDatePickerModule, NzRadioModule, NzButtonModule],
  template: `
    <nz-drawer [nzVisible]="open()" [nzWidth]="680" [nzTitle]="(entry() ? 'returns.edit' : 'returns.create') | translate" [nzFooter]="footer" (nzOnClose)="closed.emit()">
      <ng-container *nzDrawerContent>
        <form nz-form nzLayout="vertical" [formGroup]="form" data-test="return-form">
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'returns.kind' | translate }}</nz-form-label>
            <nz-form-control>
              <nz-radio-group formControlName="kind" data-test="return-kind">
                @for (k of kinds; track k) {
                  <label nz-radio-button [nzValue]="k" [nzDisabled]="!!entry()" [attr.data-test]="'return-kind-' + k">{{ 'returns.kinds.' + k | translate }}</label>
                }
              </nz-radio-group>
            </nz-form-control>
          </nz-form-item>
          <div class="grid">
            @for (f of shown(); track f) {
              <nz-form-item [class.wide]="f === 'address' || f === 'coordinationMatter'" [attr.data-test]="'return-field-' + f">
                <nz-form-label [nzRequired]="required().includes(f)">{{ 'returns.fields.' + f | translate }}</nz-form-label>
                <nz-form-control [nzErrorTip]="'returns.validation.' + (f === 'amount' ? 'amount' : 'required') | translate">
                  @switch (f) {
                    @case ('productCategoryCode') { <app-dictionary-select [type]="dict.category" [formControlName]="f" /> }
                    @case ('brandCode') { <app-dictionary-select [type]="dict.brand" [formControlName]="f" [attr.data-test]="'return-' + f" /> }
                    @case ('pickupMethodCode') { <app-dictionary-select [type]="dict.pickup" [formControlName]="f" /> }
                    @case ('resultCode') { <app-dictionary-select [type]="dict.result" [formControlName]="f" /> }
                    @case ('reasonCode') { <app-dictionary-select [type]="reasonDictionary()" [formControlName]="f" /> }
                    @case ('quantity') { <nz-input-number [formControlName]="f" [nzMin]="1" [nzStep]="1" data-test="return-quantity" /> }
                    @case ('amount') {
                      <nz-input-number class="amount" [formControlName]="f" [nzMin]="0" [nzStep]="1" [nzPrecision]="2" data-test="return-amount" />
                      <nz-select class="currency" formControlName="currencyCode" [attr.aria-label]="'returns.fields.currencyCode' | translate" data-test="return-currency">
                        @for (c of currencies; track c) { <nz-option [nzValue]="c" [nzLabel]="c" /> }
                      </nz-select>
                    }
                    @case ('purchaseDate') { <nz-date-picker [formControlName]="f" /> }
                    @case ('departmentId') {
                      <nz-select [formControlName]="f" nzShowSearch nzAllowClear data-test="return-department">
                        @for (d of departments(); track d.id) { <nz-option [nzValue]="d.id" [nzLabel]="d.name" /> }
                      </nz-select>
                    }
                    @case ('coordinationMatter') { <textarea nz-input rows="2" [formControlName]="f" maxlength="1000"></textarea> }
                    @default { <input nz-input [formControlName]="f" [attr.maxlength]="limits[f] ?? 200" [attr.data-test]="'return-' + f" /> }
                  }
                </nz-form-control>
              </nz-form-item>
            }
          </div>
          <nz-form-item>
            <nz-form-label>{{ 'returns.fields.remark' | translate }}</nz-form-label>
            <nz-form-control><textarea nz-input rows="2" formControlName="remark" maxlength="2000"></textarea></nz-form-control>
          </nz-form-item>
        </form>
      </ng-container>
      <ng-template #footer>
        <div class="footer">
          <button nz-button (click)="closed.emit()">{{ 'returns.cancel' | translate }}</button>
          <button nz-button [nzLoading]="saving()" (click)="save(false)" data-test="return-save-draft">{{ 'returns.saveDraft' | translate }}</button>
          <button nz-button nzType="primary" [nzLoading]="saving()" (click)="save(true)" data-test="return-submit">{{ 'returns.saveSubmit' | translate }}</button>
        </div>
      </ng-template>
    </nz-drawer>
  `,
  styles: `
    .grid { display: grid; grid-template-columns: 1fr 1fr; column-gap: 12px; }
    .wide { grid-column: 1 / span 2; }
    .amount { width: 180px; }
    .currency { width: 90px; margin-left: 8px; }
    .footer { display: flex; justify-content: flex-end; gap: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReturnFormDrawer {
  private readonly api = inject(ReturnApi);
  private readonly lookups = inject(ServiceLookups);
  private readonly problems = inject(ProblemMessageService);

  readonly open = input(false);
  /** An entry to correct (draft or rejected); null for a new one. */
  readonly entry = input<ReturnEntry | null>(null);
  readonly closed = output<void>();
  readonly saved = output<ReturnEntry>();

  protected readonly kinds = RETURN_KINDS;
  protected readonly currencies = RETURN_CURRENCIES;
  protected readonly dict = RETURN_DICTIONARIES;
  protected readonly limits = TEXT_LIMITS as Record<string, number>;
  protected readonly departments = signal<NamedRef[]>([]);
  protected readonly saving = signal(false);

  protected readonly form = new FormGroup({
    kind: new FormControl<ReturnKind>('ReturnExchange', { nonNullable: true }),
    customerName: new FormControl<string | null>(null),
    customerPhone: new FormControl<string | null>(null),
    address: new FormControl<string | null>(null),
    orderNumber: new FormControl<string | null>(null),
    productCode: new FormControl<string | null>(null),
    productName: new FormControl<string | null>(null),
    productCategoryCode: new FormControl<string | null>(null),
    brandCode: new FormControl<string | null>(null),
    quantity: new FormControl<number | null>(null),
    amount: new FormControl<number | null>(null),
    currencyCode: new FormControl('CNY', { nonNullable: true }),
    purchaseDate: new FormControl<Date | null>(null),
    pickupMethodCode: new FormControl<string | null>(null),
    resultCode: new FormControl<string | null>(null),
    reasonCode: new FormControl<string | null>(null),
    coordinationMatter: new FormControl<string | null>(null),
    departmentId: new FormControl<string | null>(null),
    remark: new FormControl<string | null>(null),
  });

  private readonly kind = toSignal(this.form.controls.kind.valueChanges, { initialValue: this.form.controls.kind.value });
  protected readonly shown = computed(() => RETURN_KIND_FIELDS[this.kind()].shown);
  protected readonly required = computed(() => RETURN_KIND_FIELDS[this.kind()].required);
  protected readonly reasonDictionary = computed(() => reasonDictionary(this.kind()));

  constructor() {
    effect(() => {
      if (!this.open()) return;
      const entry = this.entry();
      untracked(() => {
        this.form.reset({ kind: 'ReturnExchange', currencyCode: 'CNY' });
        if (entry) this.form.patchValue({ ...entry, purchaseDate: entry.purchaseDate ? new Date(entry.purchaseDate) : null } as never);
        this.applyValidators();
        if (!this.departments().length) this.lookups.departments().then((d) => this.departments.set(d), () => undefined);
      });
    });
    this.form.controls.kind.valueChanges.subscribe(() => {
      this.form.controls.reasonCode.setValue(null);
      this.applyValidators();
    });
  }

  /** Required fields follow the kind; amounts have at most two decimals. */
  private applyValidators(): void {
    const required = RETURN_KIND_FIELDS[this.form.controls.kind.value].required;
    for (const [name, control] of Object.entries(this.form.controls)) {
      if (name === 'kind' || name === 'currencyCode') continue;
      const validators: ValidatorFn[] = [];
      if (required.includes(name as ReturnField)) validators.push(Validators.required);
      if (name === 'amount') validators.push(Validators.min(0));
      if (name === 'quantity') validators.push(Validators.min(1));
      const limit = TEXT_LIMITS[name as ReturnField];
      if (limit) validators.push(Validators.maxLength(limit));
      control.setValidators(validators);
      control.updateValueAndValidity({ emitEvent: false });
    }
  }

  protected async save(submit: boolean): Promise<void> {
    if (this.form.invalid) {
      Object.values(this.form.controls).forEach((c) => {
        c.markAsDirty();
        c.updateValueAndValidity(); // the status event makes nz-form-control show its error tip
      });
      return;
    }
    const v = this.form.getRawValue();
    const shown = new Set<string>(RETURN_KIND_FIELDS[v.kind].shown);
    // Only the kind's fields go with it; the form's controls are named after the request's fields.
    const fields: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(v)) {
      if (!shown.has(name)) continue;
      fields[name] = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value.trim() || null : value;
    }
    const body = { ...fields, kind: v.kind, currencyCode: v.currencyCode, remark: v.remark?.trim() || null, submit } as ReturnEntryRequest;
    this.saving.set(true);
    try {
      const entry = this.entry();
      const saved = entry ? await this.api.update(entry.id, { ...body, concurrencyStamp: entry.concurrencyStamp }) : await this.api.create(body);
      this.saved.emit(saved);
    } catch (error) {
      const problem = toProblem(error);
      for (const field of Object.keys(problem.errors ?? {})) {
        const name = field.charAt(0).toLowerCase() + field.slice(1);
        this.form.get(name === 'customer' ? 'customerName' : name)?.setErrors({ server: true });
      }
      this.problems.show(error);
    } finally {
      this.saving.set(false);
    }
  }
}
