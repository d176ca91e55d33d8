import { ChangeDetectionStrategy, Component, inject, OnInit, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { PortalApi } from '../data/portal-api';
import { Partner, PartnerModule } from '../model/portal';
import { PortalCustomerPicker } from './customer-picker';

interface Draft {
  id: string | null;
  name: string;
  type: Partner['type'];
  contactName: string;
  phone: string;
  email: string;
  modules: string[];
  isActive: boolean;
  concurrencyStamp: string | null;
  customerIds: string[];
}

/** Staff: partner organisations — type, granted modules, assigned customers and portal users. */
@Component({
  selector: 'app-partners-page',
  imports: [FormsModule, TranslatePipe, NzTableModule, NzButtonModule, NzDrawerModule, NzFormModule, NzInputModule, NzSelectModule, NzCheckboxModule,
    NzSwitchModule, NzTagModule, NzPopconfirmModule, NzEmptyModule, PortalCustomerPicker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div style="display: flex; justify-content: space-between; margin-bottom: 16px">
      <h2 style="margin: 0">{{ 'portal.admin.partners' | translate }}</h2>
      <button nz-button nzType="primary" (click)="edit(null)">{{ 'portal.admin.newPartner' | translate }}</button>
    </div>
    <nz-table #table [nzData]="rows()" [nzNoResult]="empty" nzSize="middle">
      <thead>
        <tr>
          <th>{{ 'portal.admin.name' | translate }}</th><th>{{ 'portal.admin.type' | translate }}</th><th>{{ 'portal.admin.modules' | translate }}</th>
          <th>{{ 'portal.admin.customers' | translate }}</th><th>{{ 'portal.admin.users' | translate }}</th><th></th>
        </tr>
      </thead>
      <tbody>
        @for (p of table.data; track p.id) {
          <tr>
            <td>{{ p.name }} @if (!p.isActive) { <nz-tag nzColor="red">{{ 'portal.admin.status.Disabled' | translate }}</nz-tag> }</td>
            <td>{{ 'portal.admin.types.' + p.type | translate }}</td>
            <td>@for (m of p.modules; track m) { <nz-tag>{{ moduleLabel(m) }}</nz-tag> }</td>
            <td>{{ p.customerCount }}</td>
            <td>{{ p.userCount }}</td>
            <td>
              <a (click)="edit(p)" data-test="partner-edit">{{ 'portal.admin.edit' | translate }}</a>
              <a nz-popconfirm [nzPopconfirmTitle]="'portal.admin.deleteConfirm' | translate" (nzOnConfirm)="remove(p)" style="margin-left: 8px">{{ 'portal.admin.delete' | translate }}</a>
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
    <ng-template #empty><nz-empty [nzNotFoundContent]="'portal.admin.noPartners' | translate" /></ng-template>

    <nz-drawer [nzVisible]="draft() !== null" [nzWidth]="520" [nzTitle]="'portal.admin.partner' | translate" (nzOnClose)="draft.set(null)">
      <ng-container *nzDrawerContent>
        @if (draft(); as d) {
          <form nz-form nzLayout="vertical">
            <nz-form-item><nz-form-label nzRequired>{{ 'portal.admin.name' | translate }}</nz-form-label>
              <nz-form-control><input nz-input name="name" [(ngModel)]="d.name" maxlength="200" /></nz-form-control></nz-form-item>
            <nz-form-item><nz-form-label>{{ 'portal.admin.type' | translate }}</nz-form-label>
              <nz-form-control><nz-select name="type" [(ngModel)]="d.type">
                @for (t of types; track t) { <nz-option [nzValue]="t" [nzLabel]="'portal.admin.types.' + t | translate" /> }
              </nz-select></nz-form-control></nz-form-item>
            <nz-form-item><nz-form-label>{{ 'portal.admin.partnerContact' | translate }}</nz-form-label>
              <nz-form-control><input nz-input name="contactName" [(ngModel)]="d.contactName" maxlength="100" data-test="partner-contact" /></nz-form-control></nz-form-item>
            <nz-form-item><nz-form-label>{{ 'portal.admin.partnerPhone' | translate }}</nz-form-label>
              <nz-form-control><input nz-input name="phone" [(ngModel)]="d.phone" maxlength="32" data-test="partner-phone" /></nz-form-control></nz-form-item>
            <nz-form-item><nz-form-label>{{ 'portal.admin.partnerEmail' | translate }}</nz-form-label>
              <nz-form-control><input nz-input name="email" type="email" [(ngModel)]="d.email" maxlength="256" data-test="partner-email" /></nz-form-control></nz-form-item>
            <nz-form-item><nz-form-label>{{ 'portal.admin.modules' | translate }}</nz-form-label>
              <nz-form-control>
                @for (m of modules(); track m.code) {
                  <label nz-checkbox [name]="'m-' + m.code" [nzDisabled]="!m.available" [ngModel]="d.modules.includes(m.code)" (ngModelChange)="toggle(d, m.code, $event)">{{ label(m) }}</label>
                }
              </nz-form-control></nz-form-item>
            <nz-form-item><nz-form-label>{{ 'portal.admin.customers' | translate }}</nz-form-label>
              <nz-form-control><app-portal-customer-picker #picker [multiple]="true" name="customers" [(ngModel)]="d.customerIds" /></nz-form-control></nz-form-item>
            <nz-form-item><nz-form-label>{{ 'portal.admin.active' | translate }}</nz-form-label>
              <nz-form-control><nz-switch name="active" [(ngModel)]="d.isActive" /></nz-form-control></nz-form-item>
            <button nz-button nzType="primary" type="button" [disabled]="!d.name.trim()" (click)="save(d)" data-test="partner-save">{{ 'portal.admin.save' | translate }}</button>
          </form>
          @if (d.id) {
            <h4 style="margin-top: 24px">{{ 'portal.admin.users' | translate }}</h4>
            @for (u of users(); track u.id) { <div>{{ u.name }} ({{ u.userName }}) @if (!u.isActive) { <nz-tag>{{ 'portal.admin.status.Disabled' | translate }}</nz-tag> }</div> }
            <div style="display: flex; gap: 8px; margin-top: 8px">
              <input nz-input [(ngModel)]="newUser.userName" [placeholder]="'portal.login.userName' | translate" />
              <input nz-input [(ngModel)]="newUser.name" [placeholder]="'portal.admin.name' | translate" />
              <input nz-input type="password" [(ngModel)]="newUser.password" [placeholder]="'portal.login.password' | translate" />
              <button nz-button (click)="addUser(d.id)">{{ 'portal.admin.addUser' | translate }}</button>
            </div>
          }
        }
      </ng-container>
    </nz-drawer>
  `,
})
export class PartnersPage implements OnInit {
  private readonly api = inject(PortalApi);
  private readonly problems = inject(ProblemMessageService);
  private readonly language = inject(LanguageService);
  private readonly picker = viewChild<PortalCustomerPicker>('picker');
  protected readonly types: Partner['type'][] = ['Dealer', 'Supplier', 'Branch'];
  protected readonly rows = signal<Partner[]>([]);
  protected readonly modules = signal<PartnerModule[]>([]);
  protected readonly draft = signal<Draft | null>(null);
  protected readonly users = signal<{ id: string; userName: string; name: string; isActive: boolean }[]>([]);
  protected newUser = { userName: '', name: '', password: '' };

  async ngOnInit(): Promise<void> {
    this.modules.set(await this.api.partnerModules());
    await this.reload();
  }

  protected label(m: PartnerModule): string {
    return this.language.current() === 'zh-CN' ? m.labelZh : m.labelEn;
  }

  protected moduleLabel(code: string): string {
    const m = this.modules().find((x) => x.code === code);
    return m ? this.label(m) : code;
  }

  protected toggle(d: Draft, code: string, on: boolean): void {
    d.modules = on ? [...d.modules, code] : d.modules.filter((m) => m !== code);
  }

  protected async edit(p: Partner | null): Promise<void> {
    const assigned = p ? await this.api.assignedCustomers(p.id) : [];
    this.users.set(p ? await this.api.partnerUsers(p.id) : []);
    this.draft.set({
      id: p?.id ?? null, name: p?.name ?? '', type: p?.type ?? 'Dealer', contactName: p?.contactName ?? '', phone: p?.phone ?? '', email: p?.email ?? '',
      modules: p?.modules ?? ['tickets'], isActive: p?.isActive ?? true, concurrencyStamp: p?.concurrencyStamp ?? null,
      customerIds: assigned.map((c) => c.customerId),
    });
    setTimeout(() => {
      const picker = this.picker();
      if (!picker) return;
      picker.known(assigned.map((c) => ({ id: c.customerId, name: c.customerName ?? c.customerId })));
    });
  }

  protected async save(d: Draft): Promise<void> {
    try {
      const saved = await this.api.savePartner(d.id, {
        name: d.name.trim(), type: d.type, contactName: d.contactName.trim() || null, phone: d.phone.trim() || null,
        // the API replaces every field: one left out would be cleared
        email: d.email.trim() || null, modules: d.modules, isActive: d.isActive,
        concurrencyStamp: d.concurrencyStamp ?? undefined,
      });
      await this.api.setAssignedCustomers(saved.id, d.customerIds);
      this.draft.set(null);
      await this.reload();
    } catch (e) {
      this.problems.show(e);
    }
  }

  protected async addUser(id: string): Promise<void> {
    try {
      await this.api.addPartnerUser(id, this.newUser);
      this.newUser = { userName: '', name: '', password: '' };
      this.users.set(await this.api.partnerUsers(id));
      await this.reload();
    } catch (e) {
      this.problems.show(e);
    }
  }

  protected async remove(p: Partner): Promise<void> {
    try {
      await this.api.deletePartner(p.id);
      await this.reload();
    } catch (e) {
      this.problems.show(e);
    }
  }

  private async reload(): Promise<void> {
    this.rows.set(await this.api.partners());
  }
}
