import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { validateForm } from '../../../shared/util/form-errors';
import { AuthService } from '../../../core/auth/auth.service';
import { PortalApi } from '../data/portal-api';
import { PartnerCustomerItem, PortalCategory } from '../model/portal';

/** A new request: the customer's own, or (partner) for one of the partner's customers. */
@Component({
  selector: 'app-portal-new-request-page',
  imports: [ReactiveFormsModule, TranslatePipe, NzCardModule, NzFormModule, NzInputModule, NzSelectModule, NzButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-card [nzTitle]="'portal.newRequest.title' | translate">
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()">
        @if (partner) {
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'portal.fields.customer' | translate }}</nz-form-label>
            <nz-form-control [nzErrorTip]="'portal.required' | translate">
              <nz-select formControlName="customerId" nzShowSearch data-test="customer" [nzPlaceHolder]="'portal.newRequest.pickCustomer' | translate">
                @for (c of customers(); track c.id) { <nz-option [nzValue]="c.id" [nzLabel]="c.name" /> }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
        }
        <nz-form-item>
          <nz-form-label nzRequired>{{ 'portal.fields.category' | translate }}</nz-form-label>
          <nz-form-control [nzErrorTip]="'portal.required' | translate">
            <nz-select formControlName="categoryCode" data-test="category">
              @for (c of categories(); track c.code) {
                <nz-option [nzValue]="c.code" [nzLabel]="language.current() === 'zh-CN' ? c.labelZh : c.labelEn" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired>{{ 'portal.fields.title' | translate }}</nz-form-label>
          <nz-form-control [nzErrorTip]="'portal.titleTip' | translate"><input nz-input formControlName="title" name="title" maxlength="200" /></nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label>{{ 'portal.fields.description' | translate }}</nz-form-label>
          <nz-form-control><textarea nz-input rows="5" formControlName="description" name="description" maxlength="4000"></textarea></nz-form-control>
        </nz-form-item>
        <button nz-button nzType="primary" type="submit" [nzLoading]="busy()" data-test="submit-request">{{ 'portal.newRequest.submit' | translate }}</button>
      </form>
    </nz-card>
  `,
})
export class PortalNewRequestPage implements OnInit {
  private readonly api = inject(PortalApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly problems = inject(ProblemMessageService);
  protected readonly language = inject(LanguageService);
  protected readonly partner = this.route.snapshot.data['partner'] === true || inject(AuthService).kind() === 'partner';
  protected readonly categories = signal<PortalCategory[]>([]);
  protected readonly customers = signal<PartnerCustomerItem[]>([]);
  protected readonly busy = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    customerId: [this.route.snapshot.queryParamMap.get('customerId') ?? '', this.partner ? [Validators.required] : []],
    categoryCode: ['', [Validators.required]],
    title: ['', [Validators.required, Validators.maxLength(200)]],
    description: [''],
  });

  async ngOnInit(): Promise<void> {
    const categories = await this.api.categories();
    this.categories.set(categories);
    this.form.controls.categoryCode.setValue(categories.find((c) => c.isDefault)?.code ?? categories[0]?.code ?? '');
    if (this.partner) {
      const customers = await this.api.partnerCustomers();
      this.customers.set(customers);
      // A customer passed in the link that is not (or no longer) assigned is not offered: the field starts empty.
      const preset = this.form.controls.customerId;
      if (preset.value && !customers.some((c) => c.id === preset.value)) preset.setValue('');
    }
  }

  protected async submit(): Promise<void> {
    if (!validateForm(this.form)) return;
    const v = this.form.getRawValue();
    this.busy.set(true);
    try {
      const created = await this.api.create(this.partner, {
        title: v.title.trim(),
        categoryCode: v.categoryCode,
        description: v.description.trim() || null,
        customerId: this.partner ? v.customerId : null,
      });
      await this.router.navigate([this.partner ? '/portal/partner/tickets' : '/portal/requests', created.id]);
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.busy.set(false);
    }
  }
}
