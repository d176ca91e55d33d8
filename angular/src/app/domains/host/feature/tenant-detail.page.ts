import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LocalDatePipe, LocalNumberPipe } from '../../../core/i18n/format.pipes';
import { TenantDetailStore } from '../data/tenant-detail.store';
import { TenantStatusTag } from '../ui/tenant-status-tag';

/** A tenant's details and usage. */
@Component({
  selector: 'app-tenant-detail-page',
  imports: [
    RouterLink,
    TranslatePipe,
    LocalDatePipe,
    LocalNumberPipe,
    TenantStatusTag,
    NzDescriptionsModule,
    NzSkeletonModule,
    NzStatisticModule,
    NzGridModule,
    NzButtonModule,
    NzIconModule,
    NzResultModule,
  ],
  template: `
    <div class="page-card">
      <div class="page-head">
        <h2 class="page-title" data-test="page-title">{{ store.tenant()?.displayName ?? ('tenants.detail' | translate) }}</h2>
        <a nz-button routerLink="/host/tenants"><nz-icon nzType="arrow-left" /> {{ 'common.back' | translate }}</a>
      </div>
      @if (store.loading() && !store.tenant()) {
        <nz-skeleton [nzActive]="true" [nzParagraph]="{ rows: 6 }" />
      } @else if (store.failed()) {
        <nz-result nzStatus="warning" [nzTitle]="'common.loadFailed' | translate" />
      } @else if (store.tenant(); as tenant) {
        <nz-descriptions nzBordered [nzColumn]="{ xxl: 2, xl: 2, lg: 2, md: 1, sm: 1, xs: 1 }" data-test="tenant-detail">
          <nz-descriptions-item [nzTitle]="'tenants.name' | translate">{{ tenant.name }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'tenants.displayName' | translate">{{ tenant.displayName }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'tenants.statusLabel' | translate">
            <app-tenant-status-tag [active]="tenant.isActive" [reason]="tenant.suspensionReason" />
          </nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'common.createdAt' | translate">{{ tenant.createdAt | localDate }}</nz-descriptions-item>
          @if (!tenant.isActive) {
            <nz-descriptions-item [nzTitle]="'tenants.suspendReason' | translate">{{ tenant.suspensionReason }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'tenants.suspendedAt' | translate">{{ tenant.suspendedAt | localDate }}</nz-descriptions-item>
          }
          <nz-descriptions-item [nzTitle]="'tenants.edition' | translate">{{ store.edition()?.name ?? ('tenants.noEdition' | translate) }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'tenants.database' | translate">
            {{ (tenant.hasOwnDatabase ? 'tenants.ownDatabase' : 'tenants.sharedDatabase') | translate }}
          </nz-descriptions-item>
        </nz-descriptions>
        <h3 class="section-title">{{ 'tenants.usage' | translate }}</h3>
        <div nz-row [nzGutter]="16">
          <div nz-col [nzSpan]="8">
            <nz-statistic
              [nzTitle]="'tenants.users' | translate"
              [nzValue]="(tenant.usage?.users ?? 0 | localNumber) + (store.edition()?.maxUsers ? ' / ' + (store.edition()?.maxUsers | localNumber) : '')"
              data-test="tenant-usage-users"
            />
          </div>
        </div>
      }
    </div>
  `,
  styles: `.section-title { margin: 24px 0 12px; font-size: 16px; font-weight: 600; }`,
  providers: [TenantDetailStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenantDetailPage {
  protected readonly store = inject(TenantDetailStore);
  private readonly problems = inject(ProblemMessageService);
  /** route parameter */
  readonly id = input.required<string>();

  constructor() {
    effect(() => {
      this.store.load(this.id()).catch((e: unknown) => this.problems.show(e));
    });
  }
}
