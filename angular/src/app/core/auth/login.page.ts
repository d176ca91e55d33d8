import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDropdownModule } from 'ng-zorro-antd/dropdown';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { validateForm } from '../../shared/util/form-errors';
import { toProblem } from '../http/problem';
import { ProblemMessageService } from '../http/problem-message.service';
import { LanguageService } from '../i18n/language.service';
import { Language, LANGUAGES } from '../i18n/languages';
import { PermissionStore } from '../permissions/permission.store';
import { TenantMemory } from '../tenant/tenant-memory';
import { AuthService } from './auth.service';

/** Sign-in with tenant name (blank for the SaaS operator), user name and password. */
@Component({
  selector: 'app-login-page',
  imports: [ReactiveFormsModule, TranslatePipe, NzFormModule, NzInputModule, NzButtonModule, NzAlertModule, NzIconModule, NzDropdownModule, NzMenuModule],
  templateUrl: './login.page.html',
  styleUrl: './login.page.less',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly permissions = inject(PermissionStore);
  private readonly tenantMemory = inject(TenantMemory);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly problems = inject(ProblemMessageService);
  protected readonly language = inject(LanguageService);
  protected readonly languages = LANGUAGES;

  protected readonly form = inject(NonNullableFormBuilder).group({
    tenant: [this.tenantMemory.name(), [Validators.maxLength(64)]],
    userName: ['', [Validators.required, Validators.maxLength(256)]],
    password: ['', [Validators.required, Validators.maxLength(256)]],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected switchLanguage(language: Language): void {
    void this.language.use(language);
  }

  protected async submit(): Promise<void> {
    if (!validateForm(this.form)) return;
    const { tenant, userName, password } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.auth.login(tenant, userName, password);
      this.tenantMemory.remember(tenant);
      await this.permissions.load();
      await this.language.adopt(this.permissions.preferredLanguage());
      const returnUrl = this.route.snapshot.queryParamMap.get('returnUrl');
      await this.router.navigateByUrl(returnUrl && returnUrl.startsWith('/') && !returnUrl.startsWith('//') ? returnUrl : '/');
    } catch (error) {
      const problem = toProblem(error);
      this.error.set(this.problems.problemText(problem));
    } finally {
      this.busy.set(false);
    }
  }
}
