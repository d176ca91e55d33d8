import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzBreadCrumbModule } from 'ng-zorro-antd/breadcrumb';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDropdownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { filter, map } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { LanguageService } from '../core/i18n/language.service';
import { Language, LANGUAGES } from '../core/i18n/languages';
import { PermissionStore } from '../core/permissions/permission.store';
import { collectCrumbs } from './breadcrumbs';
import { MENU, visibleMenu } from './menu';
import { NotificationBell } from '../domains/notifications/feature/notification-bell';
import { SearchBox } from '../domains/search/feature/search-box';
import { CallCenterScreenPop } from '../domains/callcenter/feature/screen-pop';

/** The frame of every signed-in page: header, side menu built from the user's permissions, breadcrumbs. */
@Component({
  selector: 'app-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    FormsModule,
    TranslatePipe,
    NzLayoutModule,
    NzMenuModule,
    NzIconModule,
    NzDropdownModule,
    NzBreadCrumbModule,
    NzBadgeModule,
    NzInputModule,
    NzButtonModule,
    NzTooltipModule,
    NotificationBell,
    SearchBox,
    CallCenterScreenPop,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.less',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly permissions = inject(PermissionStore);
  protected readonly language = inject(LanguageService);
  protected readonly languages = LANGUAGES;

  protected readonly collapsed = signal(false);
  protected readonly menu = computed(() => visibleMenu(MENU, (p) => this.permissions.has(p)));
  protected readonly crumbs = toSignal(
    this.router.events.pipe(
      filter((e) => e instanceof NavigationEnd),
      map(() => collectCrumbs(this.route.snapshot)),
    ),
    { initialValue: collectCrumbs(this.route.snapshot) },
  );

  protected switchLanguage(language: Language): void {
    void this.language.use(language).then(() => this.permissions.saveLanguage(language));
  }

  protected logout(): void {
    void this.auth.logout().then(() => this.permissions.reset());
  }
}
