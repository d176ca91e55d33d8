import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { AuthService } from '../../../core/auth/auth.service';
import { toProblem } from '../../../core/http/problem';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { TenantMemory } from '../../../core/tenant/tenant-memory';
import { validateForm } from '../../../shared/util/form-errors';

/** Sign-in for customer and partner portal accounts: the same login as staff, landing in the portal. */
@Component({
  selector: 'app-portal-login-page',
  imports: [ReactiveFormsModule, RouterLink, TranslatePipe, NzCardModule, NzFormModule, NzInputModule, NzButtonModule, NzAlertModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: flex; justify-content: center; align-items: center; min-height: 100vh; background: #f0f2f5; }
    nz-card { width: 380px; }
    .links { display: flex; justify-content: space-between; margin-top: 12px; }
  `,
  template: `
    <nz-card [nzTitle]="'portal.login.title' | translate" [nzExtra]="lang">
      @if (error()) {
        <nz-alert nzType="error" [nzMessage]="error()!" nzShowIcon style="margin-bottom: 16px" />
      }
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()">
        <nz-form-item>
          <nz-form-label nzRequired>{{ 'portal.login.tenant' | translate }}</nz-form-label>
          <nz-form-control [nzErrorTip]="'portal.required' | translate"><input nz-input formControlName="tenant" name="tenant" data-test="portal-login-tenant" /></nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired>{{ 'portal.login.userName' | translate }}</nz-form-label>
          <nz-form-control [nzErrorTip]="'portal.required' | translate"><input nz-input formControlName="userName" name="userName" data-test="portal-login-user" autocomplete="username" /></nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired>{{ 'portal.login.password' | translate }}</nz-form-label>
          <nz-form-control [nzErrorTip]="'portal.required' | translate">
            <input nz-input type="password" formControlName="password" name="password" data-test="portal-login-password" autocomplete="current-password" />
          </nz-form-control>
        </nz-form-item>
        <button nz-button nzType="primary" nzBlock [nzLoading]="busy()" type="submit" data-test="portal-login-submit">{{ 'portal.login.submit' | translate }}</button>
      </form>
      <div class="links"><a routerLink="/portal/sign-up">{{ 'portal.signUp.link' | translate }}</a></div>
    </nz-card>
    <ng-template #lang>
      <a (click)="toggleLanguage()">{{ language.current() === 'zh-CN' ? 'English' : '中文' }}</a>
    </ng-template>
  `,
})
export class PortalLoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly problems = inject(ProblemMessageService);
  private readonly tenantMemory = inject(TenantMemory);
  protected readonly language = inject(LanguageService);
  protected readonly form = inject(NonNullableFormBuilder).group({
    tenant: [this.tenantMemory.name(), [Validators.required, Validators.maxLength(64)]],
    userName: ['', [Validators.required, Validators.maxLength(256)]],
    password: ['', [Validators.required, Validators.maxLength(256)]],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected toggleLanguage(): void {
    void this.language.use(this.language.current() === 'zh-CN' ? 'en-US' : 'zh-CN');
  }

  protected async submit(): Promise<void> {
    if (!validateForm(this.form)) return;
    const { tenant, userName, password } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.auth.login(tenant, userName, password);
      this.tenantMemory.remember(tenant);
      await this.router.navigateByUrl(this.auth.kind() === 'staff' ? '/' : '/portal');
    } catch (e) {
      this.error.set(this.problems.problemText(toProblem(e)));
    } finally {
      this.busy.set(false);
    }
  }
}
