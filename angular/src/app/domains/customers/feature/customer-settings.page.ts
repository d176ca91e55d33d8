import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { injectFormErrorReporter } from '../../../core/http/server-errors';
import { LanguageService } from '../../../core/i18n/language.service';
import { FieldErrors } from '../../../shared/ui/field-errors';
import { CustomersService } from '../../../shared/api/generated';
import { validateForm } from '../../../shared/util/form-errors';
import { CustomerSettings } from '../model/customer';

/** The tenant's customer rules: how long a merge can be undone, how far a check-in may be from the customer. */
@Component({
  selector: 'app-customer-settings-page',
  imports: [ReactiveFormsModule, TranslatePipe, FieldErrors, NzFormModule, NzInputNumberModule, NzButtonModule, NzEmptyModule],
  template: `
    <app-field-errors #errors />
    <div class="page-card">
      <div class="page-head">
        <div>
          <h2 class="page-title" data-test="page-title">{{ 'customers.settings.title' | translate }}</h2>
          <span class="muted">{{ 'customers.settings.subtitle' | translate }}</span>
        </div>
      </div>
      @if (unavailable()) {
        <nz-empty [nzNotFoundContent]="'customers.settings.unavailable' | translate" />
      } @else {
        <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="save()" style="max-width: 420px" data-test="customer-settings-form">
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'customers.settings.unmergeDays' | translate }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errors.template()" [nzExtra]="'customers.settings.unmergeDaysHint' | translate">
              <nz-input-number formControlName="unmergeDays" [nzMin]="0" [nzMax]="365" data-test="settings-unmerge" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'customers.settings.checkInMaxDistance' | translate }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errors.template()" [nzExtra]="'customers.settings.checkInMaxDistanceHint' | translate">
              <nz-input-number formControlName="checkInMaxDistanceMeters" [nzMin]="10" [nzMax]="100000" data-test="settings-distance" />
            </nz-form-control>
          </nz-form-item>
          <button nz-button nzType="primary" [nzLoading]="saving()" data-test="settings-save">{{ 'common.save' | translate }}</button>
        </form>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerSettingsPage implements OnInit {
  private readonly api = inject(CustomersService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly message = inject(NzMessageService);
  private readonly language = inject(LanguageService);
  private readonly problems = inject(ProblemMessageService);
  private readonly reportFormErrors = injectFormErrorReporter();
  private settings: CustomerSettings | null = null;
  protected readonly saving = signal(false);
  protected readonly unavailable = signal(false);
  protected readonly form = this.fb.group({
    unmergeDays: [30, [Validators.required, Validators.min(0), Validators.max(365)]],
    checkInMaxDistanceMeters: [1000, [Validators.required, Validators.min(10), Validators.max(100000)]],
  });

  ngOnInit(): void {
    this.api.apiCustomerSettingsGet().then(
      (s) => {
        this.settings = s;
        this.form.reset({ unmergeDays: Number(s.unmergeDays), checkInMaxDistanceMeters: Number(s.checkInMaxDistanceMeters) });
      },
      (e: unknown) => {
        this.unavailable.set(true);
        if (!(e && typeof e === 'object' && 'status' in e && e.status === 404)) this.problems.show(e);
      },
    );
  }

  protected async save(): Promise<void> {
    if (!validateForm(this.form) || !this.settings) return;
    this.saving.set(true);
    try {
      this.settings = await this.api.apiCustomerSettingsPut({ body: { ...this.form.getRawValue(), concurrencyStamp: this.settings.concurrencyStamp } });
      this.message.success(this.language.instant('customers.settings.saved'));
    } catch (e) {
      this.reportFormErrors(this.form, e);
    } finally {
      this.saving.set(false);
    }
  }
}
