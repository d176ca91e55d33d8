import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { AgentExtensionDto, ApiKeyDto } from '../../../shared/api/generated';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { TelephonySettingsStore } from '../data/telephony-settings.store';

/** The tenant admin's telephony settings: API keys for the telephony system (shown once, revocable) and agent extensions. */
@Component({
  selector: 'app-telephony-settings-page',
  imports: [
    FormsModule, TranslatePipe, LocalDatePipe, NzAlertModule, NzButtonModule, NzEmptyModule, NzIconModule, NzInputModule, NzModalModule,
    NzPopconfirmModule, NzSelectModule, NzTableModule, NzTabsModule, NzTagModule,
  ],
  providers: [TelephonySettingsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .row { display: flex; gap: 8px; margin-bottom: 12px; flex-wrap: wrap; }
    .w240 { width: 240px; }
    .key { font-family: monospace; word-break: break-all; padding: 12px; background: #f5f5f5; border-radius: 6px; margin: 12px 0; }
  `,
  template: `
    <div class="page-card">
      <div class="page-head">
        <div>
          <h2 class="page-title" data-test="page-title">{{ 'callcenter.settings.title' | translate }}</h2>
          <span class="muted">{{ 'callcenter.settings.subtitle' | translate }}</span>
        </div>
      </div>
      <nz-tabs nzSize="small">
        <nz-tab [nzTitle]="'callcenter.keys.title' | translate">
          <div class="row">
            <input nz-input class="w240" [placeholder]="'callcenter.keys.namePlaceholder' | translate" [ngModel]="keyName()" (ngModelChange)="keyName.set($event)" data-test="key-name" />
            <button nz-button nzType="primary" [disabled]="!keyName().trim()" (click)="issue()" data-test="key-issue"><nz-icon nzType="key" /> {{ 'callcenter.keys.issue' | translate }}</button>
          </div>
          <nz-table #keys [nzData]="store.keys()" [nzShowPagination]="false" [nzLoading]="store.loading()" nzSize="middle" [nzNoResult]="noKeys" data-test="key-table">
            <thead>
              <tr>
                <th>{{ 'callcenter.keys.name' | translate }}</th>
                <th>{{ 'callcenter.keys.prefix' | translate }}</th>
                <th>{{ 'callcenter.keys.created' | translate }}</th>
                <th>{{ 'callcenter.keys.lastUsed' | translate }}</th>
                <th>{{ 'callcenter.keys.status' | translate }}</th>
                <th nzWidth="110px"></th>
              </tr>
            </thead>
            <tbody>
              @for (k of keys.data; track k.id) {
                <tr data-test="key-row">
                  <td>{{ k.name }}</td>
                  <td><code>…{{ k.prefix }}</code></td>
                  <td>{{ k.createdAt | localDate }}</td>
                  <td>{{ k.lastUsedAt ? (k.lastUsedAt | localDate) : ('callcenter.keys.never' | translate) }}</td>
                  <td>
                    @if (k.revokedAt) {
                      <nz-tag nzColor="default">{{ 'callcenter.keys.revoked' | translate }}</nz-tag>
                    } @else {
                      <nz-tag nzColor="green">{{ 'callcenter.keys.active' | translate }}</nz-tag>
                    }
                  </td>
                  <td>
                    @if (!k.revokedAt) {
                      <button nz-button nzType="link" nzDanger nz-popconfirm [nzPopconfirmTitle]="'callcenter.keys.revokeConfirm' | translate" (nzOnConfirm)="revoke(k)" data-test="key-revoke">
                        {{ 'callcenter.keys.revoke' | translate }}
                      </button>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </nz-table>
        </nz-tab>
        <nz-tab [nzTitle]="'callcenter.extensions.title' | translate">
          <div class="row">
            <nz-select class="w240" nzShowSearch nzServerSearch [nzPlaceHolder]="'callcenter.extensions.user' | translate" [ngModel]="userId()" (ngModelChange)="userId.set($event)"
              (nzOnSearch)="searchUsers($event)" data-test="extension-user">
              @for (u of store.users(); track u.id) {
                <nz-option [nzValue]="u.id" [nzLabel]="u.name" />
              }
            </nz-select>
            <input nz-input class="w240" [placeholder]="'callcenter.extensions.extension' | translate" [ngModel]="extension()" (ngModelChange)="extension.set($event)" data-test="extension-value" />
            <button nz-button nzType="primary" [disabled]="!userId() || !extension().trim()" (click)="setExtension()" data-test="extension-save"><nz-icon nzType="save" /> {{ 'callcenter.extensions.save' | translate }}</button>
          </div>
          <nz-table #ext [nzData]="store.extensions()" [nzShowPagination]="false" nzSize="middle" [nzNoResult]="noExtensions" data-test="extension-table">
            <thead>
              <tr>
                <th>{{ 'callcenter.extensions.user' | translate }}</th>
                <th>{{ 'callcenter.extensions.extension' | translate }}</th>
                <th nzWidth="110px"></th>
              </tr>
            </thead>
            <tbody>
              @for (e of ext.data; track e.id) {
                <tr data-test="extension-row">
                  <td>{{ e.userName }}</td>
                  <td><code>{{ e.extension }}</code></td>
                  <td>
                    <button nz-button nzType="link" nzDanger nz-popconfirm [nzPopconfirmTitle]="'callcenter.extensions.removeConfirm' | translate" (nzOnConfirm)="removeExtension(e)">
                      {{ 'callcenter.extensions.remove' | translate }}
                    </button>
                  </td>
                </tr>
              }
            </tbody>
          </nz-table>
        </nz-tab>
      </nz-tabs>
    </div>
    <ng-template #noKeys><nz-empty [nzNotFoundContent]="'callcenter.keys.empty' | translate" /></ng-template>
    <ng-template #noExtensions><nz-empty [nzNotFoundContent]="'callcenter.extensions.empty' | translate" /></ng-template>
    <nz-modal [nzVisible]="!!store.issued()" [nzTitle]="'callcenter.keys.issuedTitle' | translate" [nzClosable]="true" (nzOnCancel)="store.forgetIssued()" [nzFooter]="issuedFooter">
      <ng-container *nzModalContent>
        @if (store.issued(); as issued) {
          <nz-alert nzType="warning" nzShowIcon [nzMessage]="'callcenter.keys.onceWarning' | translate" />
          <div class="key" data-test="issued-key">{{ issued.key }}</div>
        }
      </ng-container>
      <ng-template #issuedFooter>
        <button nz-button (click)="copy()" data-test="issued-copy"><nz-icon nzType="copy" /> {{ 'callcenter.keys.copy' | translate }}</button>
        <button nz-button nzType="primary" (click)="store.forgetIssued()" data-test="issued-done">{{ 'callcenter.keys.done' | translate }}</button>
      </ng-template>
    </nz-modal>
  `,
})
export class TelephonySettingsPage implements OnInit {
  protected readonly store = inject(TelephonySettingsStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly clipboard = inject(Clipboard);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  protected readonly keyName = signal('');
  protected readonly userId = signal<string | null>(null);
  protected readonly extension = signal('');

  ngOnInit(): void {
    this.store.load().catch((e) => this.problems.show(e));
    this.searchUsers('');
  }

  protected issue(): void {
    this.store.issue(this.keyName().trim()).then(() => this.keyName.set(''), (e) => this.problems.show(e));
  }

  protected copy(): void {
    const key = this.store.issued()?.key;
    if (key && this.clipboard.copy(key)) this.message.success(this.translate.instant('callcenter.keys.copied'));
  }

  protected revoke(key: ApiKeyDto): void {
    this.store.revoke(key).catch((e) => this.problems.show(e));
  }

  protected searchUsers(filter: string): void {
    this.store.searchUsers(filter).catch(() => undefined);
  }

  protected setExtension(): void {
    this.store.setExtension(this.userId()!, this.extension().trim()).then(() => {
      this.userId.set(null);
      this.extension.set('');
    }, (e) => this.problems.show(e));
  }

  protected removeExtension(row: AgentExtensionDto): void {
    this.store.removeExtension(row).catch((e) => this.problems.show(e));
  }
}
