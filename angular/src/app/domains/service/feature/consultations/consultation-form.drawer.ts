import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { ProblemMessageService } from '../../../../core/http/problem-message.service';
import { toProblem } from '../../../../core/http/problem';
import type { NamedRef } from '../../../../shared/api/generated';
import { DictionarySelect } from '../../../../shared/ui/dictionary-select';
import { ConsultationApi } from '../../data/consultation-api';
import { ServiceLookups } from '../../data/service-lookups';
import { Consultation, CONSULTATION_DICTIONARIES } from '../../model/consultation';

/** New consultation: enquiry type, category, brand, optional customer and contact, content; optionally answered at once. */
@Component({
  selector: 'app-consultation-form-drawer',
  imports: [ReactiveFormsModule, TranslatePipe, DictionarySelect, NzDrawerModule, NzFormModule, NzInputModule, NzInputNumberModule, NzSelectModule, NzSwitchModule, NzButtonModule],
  template: `
    <nz-drawer [nzVisible]="open()" [nzWidth]="640" [nzTitle]="'consultations.create' | translate" [nzFooter]="footer" (nzOnClose)="closed.emit()">
      <ng-container *nzDrawerContent>
        <form nz-form nzLayout="vertical" [formGroup]="form" data-test="consultation-form">
          <div class="row">
            <nz-form-item>
              <nz-form-label nzRequired>{{ 'consultations.type' | translate }}</nz-form-label>
              <nz-form-control [nzErrorTip]="'consultations.validation.required' | translate">
                <app-dictionary-select [type]="dict.type" formControlName="enquiryTypeCode" data-test="consultation-type" />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzRequired>{{ 'consultations.quantity' | translate }}</nz-form-label>
              <nz-form-control [nzErrorTip]="'consultations.validation.quantity' | translate">
                <nz-input-number formControlName="quantity" [nzMin]="1" [nzMax]="10000" [nzStep]="1" />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label>{{ 'consultations.productCategory' | translate }}</nz-form-label>
              <nz-form-control><app-dictionary-select [type]="dict.category" formControlName="productCategoryCode" /></nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label>{{ 'consultations.brand' | translate }}</nz-form-label>
              <nz-form-control><app-dictionary-select [type]="dict.brand" formControlName="brandCode" /></nz-form-control>
            </nz-form-item>
          </div>
          <nz-form-item>
            <nz-form-label>{{ 'consultations.customer' | translate }}</nz-form-label>
            <nz-form-control [nzExtra]="'consultations.customerHint' | translate">
              <nz-select formControlName="customerId" nzShowSearch nzServerSearch nzAllowClear [nzPlaceHolder]="'consultations.searchCustomer' | translate"
                (nzOnSearch)="searchCustomers($event)" (nzOpenChange)="$event && customers().length === 0 && searchCustomers('')">
                @for (c of customers(); track c.id) {
                  <nz-option [nzValue]="c.id" [nzLabel]="c.name" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
          <div class="row">
            <nz-form-item>
              <nz-form-label>{{ 'consultations.contactName' | translate }}</nz-form-label>
              <nz-form-control><input nz-input formControlName="contactName" maxlength="100" data-test="consultation-contact" /></nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label>{{ 'consultations.contactPhone' | translate }}</nz-form-label>
              <nz-form-control><input nz-input formControlName="contactPhone" maxlength="32" /></nz-form-control>
            </nz-form-item>
          </div>
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'consultations.content' | translate }}</nz-form-label>
            <nz-form-control [nzErrorTip]="'consultations.validation.required' | translate">
              <textarea nz-input formControlName="content" rows="4" maxlength="4000" data-test="consultation-content"></textarea>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label>{{ 'consultations.answerNow' | translate }}</nz-form-label>
            <nz-form-control><nz-switch formControlName="answerNow" data-test="consultation-answer-now" /></nz-form-control>
          </nz-form-item>
          @if (form.controls.answerNow.value) {
            <div class="row">
              <nz-form-item>
                <nz-form-label nzRequired>{{ 'consultations.replyChannel' | translate }}</nz-form-label>
                <nz-form-control><app-dictionary-select [type]="dict.channel" formControlName="replyChannelCode" /></nz-form-control>
              </nz-form-item>
            </div>
            <nz-form-item>
              <nz-form-label nzRequired>{{ 'consultations.answer' | translate }}</nz-form-label>
              <nz-form-control [nzErrorTip]="'consultations.validation.required' | translate">
                <textarea nz-input formControlName="answer" rows="3" maxlength="4000" data-test="consultation-answer"></textarea>
              </nz-form-control>
            </nz-form-item>
          }
        </form>
      </ng-container>
      <ng-template #footer>
        <div class="footer">
          <button nz-button (click)="closed.emit()">{{ 'consultations.cancel' | translate }}</button>
          <button nz-button nzType="primary" [nzLoading]="saving()" (click)="save()" data-test="consultation-save">{{ 'consultations.save' | translate }}</button>
        </div>
      </ng-template>
    </nz-drawer>
  `,
  styles: `
    .row { display: grid; grid-template-columns: 1fr 1fr; column-gap: 12px; }
    .footer { display: flex; justify-content: flex-end; gap: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsultationFormDrawer {
  private readonly api = inject(ConsultationApi);
  private readonly lookups = inject(ServiceLookups);
  private readonly problems = inject(ProblemMessageService);

  readonly open = input(false);
  readonly closed = output<void>();
  readonly saved = output<Consultation>();

  protected readonly dict = CONSULTATION_DICTIONARIES;
  protected readonly customers = signal<NamedRef[]>([]);
  protected readonly saving = signal(false);

  protected readonly form = new FormGroup({
    enquiryTypeCode: new FormControl<string | null>('product', Validators.required),
    quantity: new FormControl<number>(1, { nonNullable: true, validators: [Validators.required, Validators.min(1), Validators.max(10000)] }),
    productCategoryCode: new FormControl<string | null>(null),
    brandCode: new FormControl<string | null>(null),
    customerId: new FormControl<string | null>(null),
    contactName: new FormControl('', { nonNullable: true }),
    contactPhone: new FormControl('', { nonNullable: true }),
    content: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(4000)] }),
    answerNow: new FormControl(false, { nonNullable: true }),
    replyChannelCode: new FormControl<string | null>('phone'),
    answer: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    effect(() => {
      if (!this.open()) return;
      untracked(() => this.form.reset({ enquiryTypeCode: 'product', quantity: 1, replyChannelCode: 'phone', answerNow: false }));
    });
    // The answer is required only when the agent answers at once.
    this.form.controls.answerNow.valueChanges.subscribe((now) => {
      this.form.controls.answer.setValidators(now ? [Validators.required, Validators.maxLength(4000)] : []);
      this.form.controls.answer.updateValueAndValidity();
    });
  }

  protected async searchCustomers(text: string): Promise<void> {
    this.customers.set(await this.lookups.searchCustomers(text).catch(() => []));
  }

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      Object.values(this.form.controls).forEach((c) => {
        c.markAsDirty();
        c.updateValueAndValidity();
      });
      return;
    }
    const v = this.form.getRawValue();
    this.saving.set(true);
    try {
      const created = await this.api.create({
        enquiryTypeCode: v.enquiryTypeCode!,
        quantity: v.quantity,
        productCategoryCode: v.productCategoryCode,
        brandCode: v.brandCode,
        customerId: v.customerId,
        contactName: v.contactName.trim() || null,
        contactPhone: v.contactPhone.trim() || null,
        content: v.content.trim(),
        answer: v.answerNow ? v.answer.trim() : null,
        replyChannelCode: v.answerNow ? v.replyChannelCode : null,
      });
      this.saved.emit(created);
    } catch (error) {
      const problem = toProblem(error);
      const field = Object.keys(problem.errors ?? {})[0];
      const control = field ? this.form.get(field.charAt(0).toLowerCase() + field.slice(1)) : null;
      if (control) control.setErrors({ server: true });
      this.problems.show(error);
    } finally {
      this.saving.set(false);
    }
  }
}
