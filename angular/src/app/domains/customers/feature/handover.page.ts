import { ChangeDetectionStrategy, Component, computed, inject, OnDestroy, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { CustomerHandoversService, UsersService } from '../../../shared/api/generated';
import type { HandoverDto, NamedRef } from '../../../shared/api/generated';
import { DICTIONARIES } from '../model/customer';
import { DictionarySelect } from '../../../shared/ui/dictionary-select';
import { CustomerFilesApi } from '../data/customer-files-api';

const running = (h: HandoverDto) => h.status === 'Queued' || h.status === 'Running';

/** Handover of a rep's customers to another rep: the form, the running handover's progress and summary, and past handovers. */
@Component({
  selector: 'app-handover-page',
  imports: [
    FormsModule,
    TranslatePipe,
    LocalDatePipe,
    DictionarySelect,
    NzButtonModule,
    NzCheckboxModule,
    NzDatePickerModule,
    NzDescriptionsModule,
    NzFormModule,
    NzInputModule,
    NzModalModule,
    NzProgressModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <div>
        <h2 class="page-title">{{ 'customers.handover.title' | translate }}</h2>
        <span class="muted">{{ 'customers.handover.subtitle' | translate }}</span>
      </div>
    </div>
    <div class="page-card" nz-form nzLayout="vertical" data-test="handover-form" style="max-width: 720px">
      <div style="display: flex; gap: 12px">
        <nz-form-item style="flex: 1">
          <nz-form-label nzRequired>{{ 'customers.handover.from' | translate }}</nz-form-label>
          <nz-select nzShowSearch style="width: 100%" [(ngModel)]="fromUserId" data-test="handover-from">
            @for (u of users(); track u.id) {
              <nz-option [nzValue]="u.id" [nzLabel]="u.name" />
            }
          </nz-select>
        </nz-form-item>
        <nz-form-item style="flex: 1">
          <nz-form-label nzRequired>{{ 'customers.handover.to' | translate }}</nz-form-label>
          <nz-select nzShowSearch style="width: 100%" [(ngModel)]="toUserId" data-test="handover-to">
            @for (u of users(); track u.id) {
              <nz-option [nzValue]="u.id" [nzLabel]="u.name" [nzDisabled]="u.id === fromUserId" />
            }
          </nz-select>
        </nz-form-item>
      </div>
      <div style="display: flex; gap: 12px">
        <nz-form-item style="flex: 1">
          <nz-form-label>{{ 'customers.handover.levels' | translate }}</nz-form-label>
          <app-dictionary-select [type]="dict.level" [multiple]="true" [(ngModel)]="levels" [placeholder]="'customers.handover.allLevels' | translate" />
        </nz-form-item>
        <nz-form-item style="flex: 1">
          <nz-form-label>{{ 'customers.tags' | translate }}</nz-form-label>
          <nz-select nzMode="tags" style="width: 100%" [nzOpen]="false" [(ngModel)]="tags" [nzPlaceHolder]="'customers.handover.allTags' | translate" />
        </nz-form-item>
      </div>
      <label nz-checkbox [(ngModel)]="includeReminders" data-test="handover-reminders">{{ 'customers.handover.includeReminders' | translate }}</label>
      <nz-form-item style="margin-top: 12px">
        <nz-form-label>{{ 'customers.handover.keepUntil' | translate }}</nz-form-label>
        <nz-date-picker [(ngModel)]="keepUntil" />
      </nz-form-item>
      <nz-form-item>
        <nz-form-label nzRequired>{{ 'customers.pool.reason' | translate }}</nz-form-label>
        <textarea nz-input rows="2" [(ngModel)]="reason" data-test="handover-reason"></textarea>
      </nz-form-item>
      <button nz-button nzType="primary" [disabled]="!fromUserId || !toUserId || fromUserId === toUserId || !reason.trim()" (click)="confirming.set(true)" data-test="handover-start">
        {{ 'customers.handover.start' | translate }}
      </button>
    </div>

    @if (current(); as h) {
      <div class="page-card" data-test="handover-progress" style="margin-top: 16px">
        <h4>{{ h.fromUserName }} → {{ h.toUserName }} <nz-tag data-test="handover-status">{{ 'customers.handover.status.' + h.status | translate }}</nz-tag></h4>
        <nz-progress [nzPercent]="+h.percent" [nzStatus]="h.status === 'Failed' ? 'exception' : h.status === 'Completed' ? 'success' : 'active'" />
        <nz-descriptions nzSize="small" [nzColumn]="4" data-test="handover-summary">
          <nz-descriptions-item [nzTitle]="'customers.handover.customersMoved' | translate">{{ h.summary.customersMoved }} / {{ h.total }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'customers.handover.remindersMoved' | translate">{{ h.summary.remindersMoved }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'customers.handover.collaboratorsAdded' | translate">{{ h.summary.collaboratorsAdded }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'customers.handover.batches' | translate">{{ h.summary.batches }}</nz-descriptions-item>
        </nz-descriptions>
        @if (h.error) {
          <p class="error">{{ h.error }}</p>
        }
      </div>
    }

    <div class="page-card" style="margin-top: 16px">
      <h4>{{ 'customers.handover.history' | translate }}</h4>
      <nz-table #t nzSize="small" [nzData]="list()" [nzFrontPagination]="false" data-test="handover-list">
        <thead>
          <tr>
            <th>{{ 'customers.handover.from' | translate }}</th>
            <th>{{ 'customers.handover.to' | translate }}</th>
            <th>{{ 'common.status' | translate }}</th>
            <th>{{ 'customers.handover.customersMoved' | translate }}</th>
            <th>{{ 'customers.pool.reason' | translate }}</th>
            <th>{{ 'common.createdAt' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (h of t.data; track h.id) {
            <tr (click)="current.set(h)" style="cursor: pointer">
              <td>{{ h.fromUserName }}</td>
              <td>{{ h.toUserName }}</td>
              <td><nz-tag>{{ 'customers.handover.status.' + h.status | translate }}</nz-tag></td>
              <td>{{ h.summary.customersMoved }} / {{ h.total }}</td>
              <td>{{ h.reason }}</td>
              <td>{{ h.requestedAt | localDate }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </div>

    <nz-modal
      [nzVisible]="confirming()"
      [nzTitle]="'customers.handover.confirmTitle' | translate"
      [nzOkText]="'customers.handover.start' | translate"
      [nzCancelText]="'common.cancel' | translate"
      [nzOkLoading]="busy()"
      (nzOnOk)="start()"
      (nzOnCancel)="confirming.set(false)"
    >
      <p *nzModalContent data-test="handover-confirm">{{ 'customers.handover.confirmText' | translate: { from: nameOf(fromUserId), to: nameOf(toUserId) } }}</p>
    </nz-modal>
  `,
})
export class HandoverPage implements OnInit, OnDestroy {
  private readonly api = inject(CustomerHandoversService);
  private readonly usersApi = inject(UsersService);
  private readonly files = inject(CustomerFilesApi);
  private readonly problems = inject(ProblemMessageService);
  protected readonly dict = DICTIONARIES;
  protected readonly users = signal<NamedRef[]>([]);
  protected readonly list = signal<HandoverDto[]>([]);
  protected readonly current = signal<HandoverDto | null>(null);
  protected readonly confirming = signal(false);
  protected readonly busy = signal(false);
  protected readonly isRunning = computed(() => !!this.current() && running(this.current()!));
  protected fromUserId: string | null = null;
  protected toUserId: string | null = null;
  protected levels: string[] = [];
  protected tags: string[] = [];
  protected includeReminders = true;
  protected keepUntil: Date | null = null;
  protected reason = '';
  private timer: ReturnType<typeof setTimeout> | null = null;

  ngOnInit(): void {
    this.usersApi.apiIdentityUsersLookupGet({ max: 200 }).then((u) => this.users.set(u), (e: unknown) => this.problems.show(e));
    void this.loadList();
  }

  ngOnDestroy(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  protected nameOf(id: string | null): string {
    return this.users().find((u) => u.id === id)?.name ?? '';
  }

  private async loadList(): Promise<void> {
    try {
      this.list.set((await this.api.apiCustomerHandoversGet({ pageSize: 20 })).items);
    } catch (e) {
      this.problems.show(e);
    }
  }

  protected async start(): Promise<void> {
    if (!this.fromUserId || !this.toUserId) return;
    this.busy.set(true);
    try {
      const h = await this.files.startHandover({
          fromUserId: this.fromUserId,
          toUserId: this.toUserId,
          filter: this.levels.length || this.tags.length ? { levelCodes: this.levels, tags: this.tags } : null,
          customerIds: null,
          includeReminders: this.includeReminders,
          keepCollaboratorUntil: this.keepUntil ? this.keepUntil.toISOString() : null,
          reason: this.reason.trim(),
      });
      this.confirming.set(false);
      this.current.set(h);
      this.poll(h.id);
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.busy.set(false);
    }
  }

  /** Reads the handover again every second until it has finished. */
  private poll(id: string): void {
    this.timer = setTimeout(async () => {
      try {
        const h = await this.api.apiCustomerHandoversIdGet({ id });
        this.current.set(h);
        if (running(h)) this.poll(id);
        else void this.loadList();
      } catch (e) {
        this.problems.show(e);
      }
    }, 1000);
  }
}
