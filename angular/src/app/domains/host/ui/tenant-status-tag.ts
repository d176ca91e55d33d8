import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

@Component({
  selector: 'app-tenant-status-tag',
  imports: [TranslatePipe, NzTagModule, NzTooltipModule],
  template: `
    @if (active()) {
      <nz-tag nzColor="success">{{ 'tenants.status.active' | translate }}</nz-tag>
    } @else {
      <nz-tag nzColor="error" [nz-tooltip]="reason() ?? ''">{{ 'tenants.status.suspended' | translate }}</nz-tag>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenantStatusTag {
  readonly active = input.required<boolean>();
  readonly reason = input<string | null>(null);
}
