import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { TranslateService } from '@ngx-translate/core';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { RealtimeHub } from '../../../core/realtime/realtime-hub';
import { DictionarySelect } from '../../../shared/ui/dictionary-select';
import { DictionaryTag } from '../../../shared/ui/dictionary-tag';
import { ScreenPopApi } from '../data/screen-pop-api';
import { SCREEN_POP_METHOD, ScreenPop as Pop } from '../model/callcenter';

/**
 * Mounted once in the shell for every signed-in staff user: when the telephony system reports a call at the
 * user's extension, the server pushes it over the notification hub and this drawer opens with the caller's
 * customer 360 summary (or an offer to create the customer with the number prefilled).
 */
@Component({
  selector: 'app-callcenter-screen-pop',
  imports: [
    FormsModule,
    TranslatePipe,
    LocalDatePipe,
    DictionarySelect,
    DictionaryTag,
    NzAlertModule,
    NzButtonModule,
    NzDescriptionsModule,
    NzDrawerModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzRadioModule,
    NzTagModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .number { font-size: 20px; font-weight: 600; letter-spacing: .5px; }
    .sub { color: rgba(0,0,0,.55); margin-bottom: 16px; }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 16px 0; }
    .form { margin-top: 8px; padding: 12px; background: #fafafa; border-radius: 8px; }
    .form nz-form-item { margin-bottom: 12px; }
  `,
  template: `
    <nz-drawer
      [nzVisible]="!!pop()"
      [nzWidth]="420"
      nzPlacement="right"
      [nzMask]="false"
      [nzTitle]="'callcenter.pop.title' | translate"
      (nzOnClose)="close()"
    >
      <ng-container *nzDrawerContent>
        @if (pop(); as p) {
          <div data-test="screen-pop" [attr.data-call]="p.callId">
            <div class="number" data-test="screen-pop-number"><nz-icon nzType="phone" /> {{ p.number }}</div>
            <div class="sub">{{ 'callcenter.pop.startedAt' | translate }} {{ p.startedAt | localDate }}</div>
            @if (p.customer; as c) {
              <nz-descriptions nzBordered [nzColumn]="1" nzSize="small" data-test="screen-pop-customer">
                <nz-descriptions-item [nzTitle]="'callcenter.pop.customer' | translate"><strong data-test="screen-pop-customer-name">{{ c.name }}</strong></nz-descriptions-item>
                @if (c.contactName) {
                  <nz-descriptions-item [nzTitle]="'callcenter.pop.contact' | translate">{{ c.contactName }}</nz-descriptions-item>
                }
                <nz-descriptions-item [nzTitle]="'callcenter.pop.owner' | translate">{{ c.ownerName ?? ('callcenter.pop.noOwner' | translate) }}</nz-descriptions-item>
                <nz-descriptions-item [nzTitle]="'callcenter.pop.level' | translate"><app-dictionary-tag type="customer-level" [code]="c.levelCode" [tag]="true" /></nz-descriptions-item>
                <nz-descriptions-item [nzTitle]="'callcenter.pop.lastFollowUp' | translate">{{ c.lastFollowUpAt ? (c.lastFollowUpAt | localDate) : ('callcenter.pop.never' | translate) }}</nz-descriptions-item>
                <nz-descriptions-item [nzTitle]="'callcenter.pop.openTickets' | translate">
                  <nz-tag [nzColor]="c.openTickets > 0 ? 'orange' : 'default'" data-test="screen-pop-open-tickets">{{ c.openTickets }}</nz-tag>
                </nz-descriptions-item>
              </nz-descriptions>
              <div class="actions">
                <button nz-button nzType="primary" (click)="openCustomer(c.id)" data-test="screen-pop-open"><nz-icon nzType="contacts" /> {{ 'callcenter.pop.openCustomer' | translate }}</button>
                <button nz-button (click)="followingUp.set(!followingUp())" data-test="screen-pop-follow-up"><nz-icon nzType="form" /> {{ 'callcenter.pop.addFollowUp' | translate }}</button>
              </div>
              @if (followingUp()) {
                <div class="form">
                  <nz-form-item>
                    <nz-form-label nzRequired>{{ 'callcenter.pop.method' | translate }}</nz-form-label>
                    <app-dictionary-select type="contact-method" [ngModel]="method()" (ngModelChange)="method.set($event)" />
                  </nz-form-item>
                  <nz-form-item>
                    <nz-form-label nzRequired>{{ 'callcenter.pop.content' | translate }}</nz-form-label>
                    <textarea nz-input rows="3" [ngModel]="content()" (ngModelChange)="content.set($event)" data-test="screen-pop-follow-up-content"></textarea>
                  </nz-form-item>
                  <button nz-button nzType="primary" [nzLoading]="saving()" [disabled]="!method() || !content().trim()" (click)="saveFollowUp(c.id)" data-test="screen-pop-follow-up-save">
                    {{ 'callcenter.pop.save' | translate }}
                  </button>
                </div>
              }
            } @else {
              <nz-alert
                nzType="info"
                nzShowIcon
                [nzMessage]="(p.matchedHidden ? 'callcenter.pop.hidden' : 'callcenter.pop.unknown') | translate"
                data-test="screen-pop-unknown"
              />
              @if (!p.matchedHidden) {
                <div class="form">
                  <nz-form-item>
                    <nz-form-label nzRequired>{{ 'callcenter.pop.newName' | translate }}</nz-form-label>
                    <input nz-input [ngModel]="newName()" (ngModelChange)="newName.set($event)" data-test="screen-pop-new-name" />
                  </nz-form-item>
                  <nz-form-item>
                    <nz-radio-group [ngModel]="newKind()" (ngModelChange)="newKind.set($event)">
                      <label nz-radio nzValue="Company">{{ 'callcenter.pop.company' | translate }}</label>
                      <label nz-radio nzValue="Person">{{ 'callcenter.pop.person' | translate }}</label>
                    </nz-radio-group>
                  </nz-form-item>
                  <nz-form-item>
                    <nz-form-label>{{ 'callcenter.pop.phone' | translate }}</nz-form-label>
                    <input nz-input [ngModel]="p.number" disabled data-test="screen-pop-new-phone" />
                  </nz-form-item>
                  <button nz-button nzType="primary" [nzLoading]="saving()" [disabled]="!newName().trim()" (click)="createCustomer(p.number)" data-test="screen-pop-create">
                    <nz-icon nzType="user-add" /> {{ 'callcenter.pop.createCustomer' | translate }}
                  </button>
                </div>
              }
            }
          </div>
        }
      </ng-container>
    </nz-drawer>
  `,
})
export class CallCenterScreenPop {
  private readonly router = inject(Router);
  private readonly api = inject(ScreenPopApi);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);

  protected readonly pop = signal<Pop | null>(null);
  protected readonly followingUp = signal(false);
  protected readonly method = signal<string | null>(null);
  protected readonly content = signal('');
  protected readonly newName = signal('');
  protected readonly newKind = signal<'Company' | 'Person'>('Person');
  protected readonly saving = signal(false);

  constructor() {
    const off = inject(RealtimeHub).on<Pop>(SCREEN_POP_METHOD, (p) => this.show(p));
    inject(DestroyRef).onDestroy(off);
  }

  private show(p: Pop): void {
    this.pop.set(p);
    this.followingUp.set(false);
    this.content.set('');
    this.newName.set('');
  }

  protected close(): void {
    this.pop.set(null);
  }

  protected openCustomer(id: string): void {
    void this.router.navigate(['/customers', id]);
  }

  protected async saveFollowUp(customerId: string): Promise<void> {
    this.saving.set(true);
    try {
      const contactId = this.pop()?.customer?.contactId ?? null;
      await this.api.addFollowUp(customerId, { methodCode: this.method()!, content: this.content().trim(), at: new Date().toISOString(), contactId });
      this.message.success(this.translate.instant('callcenter.pop.followUpSaved'));
      this.followingUp.set(false);
      this.content.set('');
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.saving.set(false);
    }
  }

  protected async createCustomer(number: string): Promise<void> {
    this.saving.set(true);
    try {
      const id = await this.api.createCustomer(this.newName().trim(), this.newKind(), number);
      this.close();
      await this.router.navigate(['/customers', id]);
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.saving.set(false);
    }
  }
}
