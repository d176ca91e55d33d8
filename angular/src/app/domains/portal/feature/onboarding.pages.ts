import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { AuthService } from '../../../core/auth/auth.service';
import { toProblem } from '../../../core/http/problem';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { validateForm } from '../../../shared/util/form-errors';
import { PortalApi } from '../data/portal-api';

const PAGE = `:host { display: flex; justify-content: center; align-items: center; min-height: 100vh; background: #f0f2f5; } nz-card { width: 420px; }`;

/** The invitation link: choose a password once, then sign in. */
@Component({
  selector: 'app-portal-accept-page',
  imports: [ReactiveFormsModule, TranslatePipe, NzCardModule, NzFormModule, NzInputModule, NzButtonModule, NzAlertModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: PAGE,
  template: `
    <nz-card [nzTitle]="'portal.accept.title' | translate">
      @if (error()) { <nz-alert nzType="error" [nzMessage]="error()!" nzShowIcon style="margin-bottom: 16px" /> }
      <p>{{ 'portal.accept.intro' | translate }}</p>
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()">
        <nz-form-item>
          <nz-form-label nzRequired>{{ 'portal.login.password' | translate }}</nz-form-label>
          <nz-form-control [nzErrorTip]="'portal.required' | translate"><input nz-input type="password" formControlName="password" name="password" autocomplete="new-password" data-test="accept-password" /></nz-form-control>
        </nz-form-item>
        <button nz-button nzType="primary" nzBlock type="submit" [nzLoading]="busy()" data-test="accept-submit">{{ 'portal.accept.submit' | translate }}</button>
      </form>
    </nz-card>
  `,
})
export class PortalAcceptPage {
  private readonly api = inject(PortalApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly problems = inject(ProblemMessageService);
  private readonly token = inject(ActivatedRoute).snapshot.queryParamMap.get('token') ?? '';
  protected readonly form = inject(NonNullableFormBuilder).group({ password: ['', [Validators.required, Validators.maxLength(256)]] });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (!validateForm(this.form)) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const { password } = this.form.getRawValue();
      const accepted = await this.api.acceptInvitation(this.token, password);
      await this.auth.login(accepted.tenant, accepted.userName, password);
      await this.router.navigateByUrl('/portal');
    } catch (e) {
      this.error.set(this.problems.problemText(toProblem(e)));
    } finally {
      this.busy.set(false);
    }
  }
}

/** Self sign-up (when the organisation allows it): the account waits for the service team to approve it. */
@Component({
  selector: 'app-portal-sign-up-page',
  imports: [ReactiveFormsModule, RouterLink, TranslatePipe, NzCardModule, NzFormModule, NzInputModule, NzButtonModule, NzAlertModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: PAGE,
  template: `
    <nz-card [nzTitle]="'portal.signUp.title' | translate">
      @if (error()) { <nz-alert nzType="error" [nzMessage]="error()!" nzShowIcon style="margin-bottom: 16px" /> }
      @if (done()) {
        <nz-alert nzType="success" [nzMessage]="'portal.signUp.done' | translate" nzShowIcon />
      } @else {
        <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()">
          @for (f of fields; track f) {
            <nz-form-item>
              <nz-form-label nzRequired>{{ 'portal.signUp.' + f | translate }}</nz-form-label>
              <nz-form-control [nzErrorTip]="'portal.required' | translate">
                <input nz-input [formControlName]="f" [type]="f === 'password' ? 'password' : 'text'" />
              </nz-form-control>
            </nz-form-item>
          }
          <button nz-button nzType="primary" nzBlock type="submit" [nzLoading]="busy()">{{ 'portal.signUp.submit' | translate }}</button>
        </form>
      }
      <p style="margin-top: 12px"><a routerLink="/portal/login">{{ 'portal.signUp.back' | translate }}</a></p>
    </nz-card>
  `,
})
export class PortalSignUpPage {
  private readonly api = inject(PortalApi);
  private readonly problems = inject(ProblemMessageService);
  protected readonly fields = ['tenant', 'company', 'name', 'email', 'phone', 'password'] as const;
  protected readonly form = inject(NonNullableFormBuilder).group({
    tenant: ['', [Validators.required]],
    company: ['', [Validators.required]],
    name: ['', [Validators.required]],
    email: ['', [Validators.required, Validators.email]],
    phone: ['', [Validators.required]],
    password: ['', [Validators.required]],
  });
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (!validateForm(this.form)) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.api.signUp(this.form.getRawValue());
      this.done.set(true);
    } catch (e) {
      this.error.set(this.problems.problemText(toProblem(e)));
    } finally {
      this.busy.set(false);
    }
  }
}
