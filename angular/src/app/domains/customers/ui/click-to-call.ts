import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { CallCenterService } from '../../../shared/api/generated';

/** A small phone button beside a number: asks the tenant's telephony provider to ring my extension and dial it. */
@Component({
  selector: 'app-click-to-call',
  imports: [TranslatePipe, NzButtonModule, NzIconModule, NzTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button nz-button nzType="link" nzSize="small" [nzLoading]="dialling()" (click)="dial()" [nz-tooltip]="'callcenter.clickToCall.tooltip' | translate" data-test="click-to-call">
      <nz-icon nzType="phone" />
    </button>
  `,
})
export class ClickToCall {
  readonly number = input.required<string>();
  readonly customerId = input<string | null>(null);
  readonly contactId = input<string | null>(null);
  private readonly api = inject(CallCenterService);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  protected readonly dialling = signal(false);

  protected async dial(): Promise<void> {
    this.dialling.set(true);
    try {
      await this.api.apiTelephonyCallsPost({ body: { number: this.number(), customerId: this.customerId(), contactId: this.contactId() } });
      this.message.success(this.translate.instant('callcenter.clickToCall.placed', { number: this.number() }));
    } catch (e) {
      const code = e instanceof HttpErrorResponse ? (e.error?.code as string | undefined) : undefined;
      this.message.error(this.translate.instant(code === 'callcenter.no_extension' ? 'callcenter.clickToCall.noExtension' : 'callcenter.clickToCall.failed'));
    } finally {
      this.dialling.set(false);
    }
  }
}
