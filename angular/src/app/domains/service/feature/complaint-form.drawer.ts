import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { toProblem } from '../../../core/http/problem';
import { ComplaintsService } from '../../../shared/api/generated';
import type { ComplaintDto, ContactDto, NamedRef } from '../../../shared/api/generated';
import { DictionaryItemCache } from '../../../shared/ui/custom-field-support';
import { ServiceLookups } from '../data/service-lookups';
import { COMPLAINT_DICTIONARIES } from '../model/complaint';
import { DictionarySelect } from '../../../shared/ui/dictionary-select';

/**
 * New complaint: type, severity, product category, brand, customer, contact, title and content; a responsible
 * department (for users who may transfer), recorded with it; the escalation workflow hands it to the head.
 */
@Component({
  selector: 'app-complaint-form-drawer',
  imports: [ReactiveFormsModule, TranslatePipe, DictionarySelect, NzDrawerModule, NzFormModule, NzInputModule, NzSelectModule, NzButtonModule],
  template: `
    <nz-drawer [nzVisible]="open()" [nzWidth]="640" [nzTitle]="'service.complaints.create' | translate" [nzFooter]="footer" (nzOnClose)="closed.emit()">
      <ng-container *nzDrawerContent>
        <form nz-form nzLayout="vertical" [formGroup]="form" data-test="complaint-form">
          <div class="row">
            <nz-form-item>
              <nz-form-label nzRequired>{{ 'service.complaints.type' | translate }}</nz-form-label>
              <nz-form-control [nzErrorTip]="'service.validation.required' | translate">
                <app-dictionary-select [type]="dict.type" formControlName="typeCode" data-test="complaint-type" />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzRequired>{{ 'service.complaints.severity' | translate }}</nz-form-label>
              <nz-form-control [nzErrorTip]="'service.validation.required' | translate">
                <app-dictionary-select [type]="dict.severity" formControlName="severityCode" data-test="complaint-severity" />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label>{{ 'service.complaints.productCategory' | translate }}</nz-form-label>
              <nz-form-control><app-dictionary-select [type]="dict.productCategory" formControlName="productCategoryCode" /></nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label>{{ 'service.complaints.brand' | translate }}</nz-form-label>
              <nz-form-control><app-dictionary-select [type]="dict.brand" formControlName="brandCode" /></nz-form-control>
            </nz-form-item>
          </div>
          <div class="row">
            <nz-form-item>
              <nz-form-label nzRequired>{{ 'service.complaints.customer' | translate }}</nz-form-label>
              <nz-form-control [nzErrorTip]="'service.validation.required' | translate">
                <nz-select
                  formControlName="customerId"
                  nzShowSearch
                  nzServerSearch
                  nzAllowClear
                  [nzPlaceHolder]="'service.common.searchCustomer' | translate"
                  (nzOnSearch)="searchCustomers($event)"
                  (nzOpenChange)="$event && customers().length === 0 && searchCustomers('')"
                  data-test="complaint-customer"
                >
                  @for (c of customers(); track c.id) {
                    <nz-option [nzValue]="c.id" [nzLabel]="c.name" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label>{{ 'service.complaints.contact' | translate }}</nz-form-label>
              <nz-form-control>
                <nz-select formControlName="contactId" nzAllowClear [nzPlaceHolder]="'service.tickets.contactPlaceholder' | translate">
                  @for (c of contacts(); track c.id) {
                    <nz-option [nzValue]="c.id" [nzLabel]="c.name + (c.mobile ? ' · ' + c.mobile : '')" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
          </div>
          @if (canTransfer()) {
            <nz-form-item>
              <nz-form-label>{{ 'service.complaints.responsibleDepartment' | translate }}</nz-form-label>
              <nz-form-control [nzExtra]="'service.complaints.responsibleHint' | translate">
                <nz-select formControlName="departmentId" nzAllowClear nzShowSearch data-test="complaint-department">
                  @for (d of departments(); track d.id) {
                    <nz-option [nzValue]="d.id" [nzLabel]="d.name" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
          }
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'service.complaints.subject' | translate }}</nz-form-label>
            <nz-form-control [nzErrorTip]="'service.validation.title' | translate">
              <input nz-input formControlName="title" maxlength="200" data-test="complaint-title" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'service.complaints.content' | translate }}</nz-form-label>
            <nz-form-control [nzErrorTip]="'service.validation.required' | translate">
              <textarea nz-input formControlName="content" rows="5" data-test="complaint-content"></textarea>
            </nz-form-control>
          </nz-form-item>
        </form>
      </ng-container>
      <ng-template #footer>
        <div class="footer">
          <button nz-button (click)="closed.emit()">{{ 'service.common.cancel' | translate }}</button>
          <button nz-button nzType="primary" [nzLoading]="saving()" (click)="save()" data-test="complaint-save">{{ 'service.common.save' | translate }}</button>
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
export class ComplaintFormDrawer {
  private readonly api = inject(ComplaintsService);
  private readonly lookups = inject(ServiceLookups);
  private readonly problems = inject(ProblemMessageService);
  private readonly dictionaries = inject(DictionaryItemCache);

  readonly open = input(false);
  /** Service.Complaints.Manage: the responsible department can be chosen here */
  readonly canTransfer = input(false);
  readonly closed = output<void>();
  readonly saved = output<ComplaintDto>();

  protected readonly dict = COMPLAINT_DICTIONARIES;
  protected readonly customers = signal<NamedRef[]>([]);
  protected readonly contacts = signal<ContactDto[]>([]);
  protected readonly departments = signal<NamedRef[]>([]);
  protected readonly saving = signal(false);

  protected readonly form = new FormGroup({
    typeCode: new FormControl<string | null>(null, Validators.required),
    severityCode: new FormControl<string | null>(null, Validators.required),
    productCategoryCode: new FormControl<string | null>(null),
    brandCode: new FormControl<string | null>(null),
    customerId: new FormControl<string | null>(null, Validators.required),
    contactId: new FormControl<string | null>(null),
    departmentId: new FormControl<string | null>(null),
    title: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    content: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  constructor() {
    effect(() => {
      if (!this.open()) return;
      untracked(() => {
        this.form.reset({ title: '', content: '' });
        void this.applyDefaults();
        if (this.canTransfer() && !this.departments().length) this.lookups.departments().then((d) => this.departments.set(d), () => undefined);
      });
    });
    this.form.controls.customerId.valueChanges.subscribe((id) => {
      this.form.controls.contactId.setValue(null);
      this.contacts.set([]);
      if (id) this.lookups.contactsOf(id).then((c) => this.contacts.set(c), () => undefined);
    });
  }

  /** The tenant's default type and severity (dictionary items marked as default). */
  private async applyDefaults(): Promise<void> {
    for (const [control, type] of [
      [this.form.controls.typeCode, this.dict.type],
      [this.form.controls.severityCode, this.dict.severity],
    ] as const) {
      await this.dictionaries.load(type);
      const item = this.dictionaries.itemsOf(type).find((i) => i.isDefault && i.isEnabled);
      if (item && !control.value) control.setValue(item.code);
    }
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
      // The responsible department is recorded with the complaint; the escalation workflow hands it to the head.
      const complaint = await this.api.apiComplaintsPost({
        body: {
          customerId: v.customerId!,
          contactId: v.contactId,
          typeCode: v.typeCode!,
          severityCode: v.severityCode!,
          productCategoryCode: v.productCategoryCode,
          brandCode: v.brandCode,
          departmentId: v.departmentId,
          title: v.title.trim(),
          content: v.content.trim(),
        },
      });
      this.saved.emit(complaint);
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
