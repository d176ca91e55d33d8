import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { COMPLAINT_STATUS_COLORS, ComplaintStatus } from '../model/complaint';
import { STATUS_COLORS, TicketStatus } from '../model/ticket';

/** A ticket or complaint status as a coloured tag in the user's language. */
@Component({
  selector: 'app-service-status-tag',
  imports: [NzTagModule, TranslatePipe],
  template: `<nz-tag [nzColor]="color()" [attr.data-status]="status()" data-test="status-tag">{{ key() | translate }}</nz-tag>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServiceStatusTag {
  readonly kind = input<'ticket' | 'complaint'>('ticket');
  readonly status = input.required<string>();
  protected readonly key = computed(() => `service.${this.kind() === 'ticket' ? 'ticketStatus' : 'complaintStatus'}.${this.status()}`);
  protected readonly color = computed(() =>
    this.kind() === 'ticket' ? STATUS_COLORS[this.status() as TicketStatus] : COMPLAINT_STATUS_COLORS[this.status() as ComplaintStatus],
  );
}
