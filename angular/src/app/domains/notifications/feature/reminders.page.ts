import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDropdownModule } from 'ng-zorro-antd/dropdown';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { LanguageService } from '../../../core/i18n/language.service';
import { RemindersService } from '../../../shared/api/generated';
import type { ReminderDto, ReminderStatus } from '../../../shared/api/generated';
import { snoozeBody, SnoozeChoice } from '../model/notification';

/** My and my team's reminders: status filter, done, snooze (10 min, 1 h, tomorrow), cancel. */
@Component({
  selector: 'app-reminders-page',
  imports: [FormsModule, RouterLink, TranslatePipe, LocalDatePipe, NzButtonModule, NzDropdownModule, NzPopconfirmModule, NzSelectModule, NzTableModule, NzTabsModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <div>
        <h2 class="page-title">{{ 'notifications.remindersTitle' | translate }}</h2>
      </div>
      <nz-select style="width: 160px" nzAllowClear [ngModel]="status()" (ngModelChange)="status.set($event); load()" [nzPlaceHolder]="'common.status' | translate" data-test="reminder-status">
        @for (s of statuses; track s) {
          <nz-option [nzValue]="s" [nzLabel]="'notifications.status.' + s | translate" />
        }
      </nz-select>
    </div>
    <nz-tabs [nzSelectedIndex]="scope() === 'mine' ? 0 : 1" (nzSelectedIndexChange)="scope.set($event === 0 ? 'mine' : 'team'); load()">
      <nz-tab [nzTitle]="'notifications.mine' | translate" />
      <nz-tab [nzTitle]="'notifications.team' | translate" />
    </nz-tabs>
    <nz-table #t nzSize="small" [nzData]="items()" [nzFrontPagination]="false" [nzLoading]="loading()" data-test="reminder-table">
      <thead>
        <tr>
          <th>{{ 'notifications.subject' | translate }}</th>
          <th>{{ 'notifications.dueAt' | translate }}</th>
          <th>{{ 'common.status' | translate }}</th>
          <th>{{ 'customers.detail' | translate }}</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        @for (r of t.data; track r.id) {
          <tr [attr.data-test]="'reminder-' + r.subject">
            <td>{{ r.subject }}<div class="muted">{{ r.note }}</div></td>
            <td>{{ r.dueAt | localDate }}</td>
            <td><nz-tag>{{ 'notifications.status.' + r.status | translate }}</nz-tag></td>
            <td>@if (r.customerId) { <a [routerLink]="['/customers', r.customerId]">{{ 'common.view' | translate }}</a> }</td>
            <td>
              @if (r.status === 'Pending' || r.status === 'Fired') {
                <button nz-button nzSize="small" nzType="link" (click)="act(r, 'done')" data-test="reminder-done">{{ 'notifications.done' | translate }}</button>
                <button nz-button nzSize="small" nzType="link" nz-dropdown [nzDropdownMenu]="snoozeMenu">{{ 'notifications.snooze' | translate }}</button>
                <nz-dropdown-menu #snoozeMenu="nzDropdownMenu">
                  <ul nz-menu>
                    @for (c of snoozes; track c) {
                      <li nz-menu-item (click)="snooze(r, c)">{{ 'notifications.snoozeFor.' + c | translate }}</li>
                    }
                  </ul>
                </nz-dropdown-menu>
                <button nz-button nzSize="small" nzType="link" nzDanger nz-popconfirm [nzPopconfirmTitle]="'notifications.cancelConfirm' | translate" (nzOnConfirm)="act(r, 'cancel')">
                  {{ 'common.cancel' | translate }}
                </button>
              }
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
})
export class RemindersPage implements OnInit {
  private readonly api = inject(RemindersService);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly language = inject(LanguageService);
  protected readonly statuses: ReminderStatus[] = ['Pending', 'Fired', 'Done', 'Cancelled'];
  protected readonly snoozes: SnoozeChoice[] = ['10m', '1h', 'tomorrow'];
  protected readonly scope = signal<'mine' | 'team'>('mine');
  protected readonly status = signal<ReminderStatus | null>(null);
  protected readonly items = signal<ReminderDto[]>([]);
  protected readonly loading = signal(false);

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    try {
      const page = await this.api.apiRemindersGet({ scope: this.scope(), status: this.status() ?? undefined, pageSize: 50 });
      this.items.set(page.items);
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.loading.set(false);
    }
  }

  protected async act(r: ReminderDto, what: 'done' | 'cancel'): Promise<void> {
    try {
      if (what === 'done') await this.api.apiRemindersIdDonePost({ id: r.id });
      else await this.api.apiRemindersIdCancelPost({ id: r.id });
      await this.load();
    } catch (e) {
      this.problems.show(e);
    }
  }

  protected async snooze(r: ReminderDto, choice: SnoozeChoice): Promise<void> {
    try {
      const b = snoozeBody(choice, new Date());
      await this.api.apiRemindersIdSnoozePost({ id: r.id, body: { minutes: b.minutes ?? null, until: b.until ?? null } });
      this.message.success(this.language.instant('notifications.snoozed'));
      await this.load();
    } catch (e) {
      this.problems.show(e);
    }
  }
}
