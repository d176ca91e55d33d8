import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import type { NamedRef } from '../../../shared/api/generated';
import { ServiceLookups } from '../data/service-lookups';
import { TicketDetailStore } from '../data/ticket-detail.store';

/** Assigns the open ticket (of the page's TicketDetailStore) to a person and team, or back to the team queue. */
@Component({
  selector: 'app-ticket-assign-dialog',
  imports: [FormsModule, TranslatePipe, NzInputModule, NzModalModule, NzSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal [nzVisible]="visible()" [nzTitle]="'service.tickets.action.assign' | translate" (nzOnCancel)="visible.set(false)" (nzOnOk)="assign()" [nzOkLoading]="store.busy()">
      <ng-container *nzModalContent>
        <div class="field">
          <label>{{ 'service.tickets.assignee' | translate }}</label>
          <nz-select class="full" nzShowSearch nzAllowClear nzServerSearch [(ngModel)]="assignee" (nzOnSearch)="searchUsers($event)" [nzPlaceHolder]="'service.tickets.backToQueue' | translate" data-test="assign-user">
            @for (u of users(); track u.id) {
              <nz-option [nzValue]="u.id" [nzLabel]="u.name" />
            }
          </nz-select>
        </div>
        <div class="field">
          <label>{{ 'service.tickets.team' | translate }}</label>
          <nz-select class="full" nzShowSearch nzAllowClear [(ngModel)]="department">
            @for (d of departments(); track d.id) {
              <nz-option [nzValue]="d.id" [nzLabel]="d.name" />
            }
          </nz-select>
        </div>
        <div class="field">
          <label>{{ 'service.common.note' | translate }}</label>
          <input nz-input [(ngModel)]="note" />
        </div>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .field { margin-bottom: 12px; }
    .field label { display: block; margin-bottom: 4px; }
    .full { width: 100%; }
  `,
})
export class TicketAssignDialog {
  protected readonly store = inject(TicketDetailStore);
  private readonly lookups = inject(ServiceLookups);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);

  protected readonly visible = signal(false);
  protected assignee: string | null = null;
  protected department: string | null = null;
  protected note = '';
  protected readonly users = signal<NamedRef[]>([]);
  protected readonly departments = signal<NamedRef[]>([]);

  async open(): Promise<void> {
    const t = this.store.ticket()!;
    this.assignee = t.assigneeId;
    this.department = t.departmentId;
    this.note = '';
    this.visible.set(true);
    const [u, d] = await Promise.all([this.lookups.users().catch(() => []), this.lookups.departments().catch(() => [])]);
    // the current assignee stays pickable even when the lookup's first page does not list them
    const current = t.assigneeId && !u.some((x) => x.id === t.assigneeId) ? [{ id: t.assigneeId, name: t.assigneeName ?? '' }] : [];
    this.users.set([...current, ...u]);
    this.departments.set(d);
  }

  protected async searchUsers(text: string): Promise<void> {
    this.users.set(await this.lookups.users(text).catch(() => []));
  }

  protected async assign(): Promise<void> {
    try {
      await this.store.assign(this.assignee, this.department, this.note.trim() || null);
      this.visible.set(false);
      this.message.success(this.translate.instant('service.tickets.done.assign'));
    } catch (error) {
      this.problems.show(error);
    }
  }
}
