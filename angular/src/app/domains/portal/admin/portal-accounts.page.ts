import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { PortalApi } from '../data/portal-api';
import { PortalAccount } from '../model/portal';
import { PortalCustomerPicker } from './customer-picker';

/** Staff: customer portal accounts — invite a customer's contact, approve sign-ups, disable and enable; the sign-up setting. */
@Component({
  selector: 'app-portal-accounts-page',
  imports: [DatePipe, FormsModule, TranslatePipe, NzCardModule, NzTableModule, NzTagModule, NzButtonModule, NzPopconfirmModule, NzSelectModule,
    NzSwitchModule, NzAlertModule, NzEmptyModule, PortalCustomerPicker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-card [nzTitle]="'portal.admin.invite' | translate" [nzExtra]="settingsTpl">
      <div style="display: flex; gap: 12px; align-items: center; flex-wrap: wrap">
        <app-portal-customer-picker style="width: 280px" [(ngModel)]="customerId" (ngModelChange)="loadContacts()" />
        <nz-select style="width: 280px" [(ngModel)]="contactId" [nzPlaceHolder]="'portal.admin.contact' | translate">
          @for (c of contacts(); track c.id) { <nz-option [nzValue]="c.id" [nzLabel]="c.name + (c.email ? ' <' + c.email + '>' : '')" [nzDisabled]="!c.email" /> }
        </nz-select>
        <button nz-button nzType="primary" [disabled]="!contactId" (click)="invite()">{{ 'portal.admin.sendInvitation' | translate }}</button>
      </div>
      @if (link()) {
        <nz-alert nzType="success" style="margin-top: 12px" nzShowIcon [nzMessage]="'portal.admin.invited' | translate" [nzDescription]="link()!" />
      }
    </nz-card>
    <ng-template #settingsTpl>
      <span>{{ 'portal.admin.allowSignUp' | translate }}</span>
      <nz-switch style="margin-left: 8px" [ngModel]="allowSignUp()" (ngModelChange)="saveSetting($event)" [nzDisabled]="!canSettings" />
    </ng-template>

    <nz-table #table style="margin-top: 16px" [nzData]="rows()" [nzNoResult]="empty" nzSize="middle">
      <thead>
        <tr>
          <th>{{ 'portal.admin.name' | translate }}</th><th>{{ 'portal.login.userName' | translate }}</th><th>{{ 'portal.fields.customer' | translate }}</th>
          <th>{{ 'portal.fields.status' | translate }}</th><th>{{ 'portal.admin.created' | translate }}</th><th></th>
        </tr>
      </thead>
      <tbody>
        @for (a of table.data; track a.id) {
          <tr>
            <td>{{ a.name }}</td>
            <td>{{ a.userName }}</td>
            <td>{{ a.customerName ?? a.signUpCompany }} @if (a.suggestedCustomerName && !a.customerId) { <nz-tag>{{ 'portal.admin.suggested' | translate }}: {{ a.suggestedCustomerName }}</nz-tag> }</td>
            <td><nz-tag [nzColor]="a.status === 'Active' ? 'green' : a.status === 'Disabled' ? 'red' : 'orange'">{{ 'portal.admin.status.' + a.status | translate }}</nz-tag></td>
            <td>{{ a.createdAt | date: 'yyyy-MM-dd' }}</td>
            <td>
              @if (a.status === 'PendingApproval' && a.suggestedCustomerId) {
                <a nz-popconfirm [nzPopconfirmTitle]="'portal.admin.approveConfirm' | translate" (nzOnConfirm)="approve(a)">{{ 'portal.admin.approve' | translate }}</a>
              }
              @if (a.status === 'Disabled') {
                <a (click)="setEnabled(a, true)">{{ 'portal.admin.enable' | translate }}</a>
              } @else {
                <a nz-popconfirm [nzPopconfirmTitle]="'portal.admin.disableConfirm' | translate" (nzOnConfirm)="setEnabled(a, false)" style="margin-left: 8px">
                  {{ 'portal.admin.disable' | translate }}</a>
              }
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
    <ng-template #empty><nz-empty [nzNotFoundContent]="'portal.admin.noAccounts' | translate" /></ng-template>
  `,
})
export class PortalAccountsPage implements OnInit {
  private readonly api = inject(PortalApi);
  private readonly problems = inject(ProblemMessageService);
  protected readonly canSettings = inject(PermissionStore).has('Portal.Settings');
  protected readonly rows = signal<PortalAccount[]>([]);
  protected readonly contacts = signal<{ id: string; name: string; email: string | null }[]>([]);
  protected readonly link = signal<string | null>(null);
  protected readonly allowSignUp = signal(false);
  private stamp = '';
  protected customerId: string | null = null;
  protected contactId: string | null = null;

  async ngOnInit(): Promise<void> {
    const s = await this.api.settings();
    this.allowSignUp.set(s.allowSelfSignUp);
    this.stamp = s.concurrencyStamp;
    await this.reload();
  }

  protected async reload(): Promise<void> {
    this.rows.set(await this.api.accounts());
  }

  protected async loadContacts(): Promise<void> {
    this.contactId = null;
    this.contacts.set(this.customerId ? await this.api.customerContacts(this.customerId) : []);
  }

  protected async invite(): Promise<void> {
    try {
      const r = await this.api.invite(this.customerId!, this.contactId!);
      this.link.set(location.origin + new URL(r.acceptUrl, location.origin).pathname + new URL(r.acceptUrl, location.origin).search);
      await this.reload();
    } catch (e) {
      this.problems.show(e);
    }
  }

  protected async approve(a: PortalAccount): Promise<void> {
    await this.run(() => this.api.approve(a.id, a.suggestedCustomerId!));
  }

  protected async setEnabled(a: PortalAccount, enabled: boolean): Promise<void> {
    await this.run(() => this.api.setAccountEnabled(a.id, enabled));
  }

  protected async saveSetting(value: boolean): Promise<void> {
    try {
      const s = await this.api.saveSettings(value, this.stamp);
      this.allowSignUp.set(s.allowSelfSignUp);
      this.stamp = s.concurrencyStamp;
    } catch (e) {
      this.problems.show(e);
    }
  }

  private async run(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
      await this.reload();
    } catch (e) {
      this.problems.show(e);
    }
  }
}
