import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzDropdownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { AuthService } from '../../../core/auth/auth.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { Language, LANGUAGES } from '../../../core/i18n/languages';
import { PortalApi } from '../data/portal-api';
import { PortalMe } from '../model/portal';

/** The portal's own frame: no staff menu; tenant name, navigation, language switch and account menu. */
@Component({
  selector: 'app-portal-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslatePipe, NzLayoutModule, NzMenuModule, NzDropdownModule, NzIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .header { display: flex; align-items: center; gap: 24px; background: #fff; box-shadow: 0 1px 4px rgba(0, 21, 41, 0.08); position: relative; z-index: 1; padding: 0 24px; }
    .brand { font-weight: 600; font-size: 16px; white-space: nowrap; }
    .nav { flex: 1; }
    /* the header's shadow separates the bar; the menu's own bottom border stopped short of both ends */
    :host ::ng-deep .nav.ant-menu-horizontal { border-bottom: none; }
    .right { display: flex; gap: 16px; align-items: center; white-space: nowrap; }
    .content { padding: 24px; max-width: 1100px; margin: 0 auto; width: 100%; }
    a.link { cursor: pointer; }
  `,
  template: `
    <nz-layout style="min-height: 100vh">
      <nz-header class="header">
        <span class="brand">{{ me()?.tenant }} · {{ 'portal.title' | translate }}</span>
        <ul nz-menu nzMode="horizontal" class="nav">
          @if (me()?.kind === 'partner') {
            <li nz-menu-item routerLink="/portal/partner/customers" routerLinkActive #a="routerLinkActive" [nzSelected]="a.isActive">{{ 'portal.nav.customers' | translate }}</li>
            @if (me()?.modules?.includes('tickets')) {
              <li nz-menu-item routerLink="/portal/requests" routerLinkActive #b="routerLinkActive" [nzSelected]="b.isActive">{{ 'portal.nav.tickets' | translate }}</li>
            }
          } @else {
            <li nz-menu-item routerLink="/portal/requests" routerLinkActive #c="routerLinkActive" [nzSelected]="c.isActive">{{ 'portal.nav.requests' | translate }}</li>
            <li nz-menu-item routerLink="/portal/requests/new" routerLinkActive #d="routerLinkActive" [nzSelected]="d.isActive">{{ 'portal.nav.newRequest' | translate }}</li>
          }
          @if (me()?.modules?.includes('knowledge')) {
            <li nz-menu-item routerLink="/portal/articles">{{ 'portal.nav.articles' | translate }}</li>
          }
        </ul>
        <span class="right">
          <a class="link" nz-dropdown [nzDropdownMenu]="langs"><span nz-icon nzType="global"></span> {{ language.current() === 'zh-CN' ? '中文' : 'English' }}</a>
          <a class="link" nz-dropdown [nzDropdownMenu]="account"><span nz-icon nzType="user"></span> {{ me()?.name }}</a>
        </span>
        <nz-dropdown-menu #langs="nzDropdownMenu">
          <ul nz-menu>
            @for (l of languages; track l) {
              <li nz-menu-item (click)="switchLanguage(l)">{{ l === 'zh-CN' ? '中文' : 'English' }}</li>
            }
          </ul>
        </nz-dropdown-menu>
        <nz-dropdown-menu #account="nzDropdownMenu">
          <ul nz-menu>
            <li nz-menu-item nzDisabled>{{ me()?.customerName ?? me()?.partnerName }}</li>
            <li nz-menu-item (click)="logout()" data-test="portal-logout">{{ 'portal.signOut' | translate }}</li>
          </ul>
        </nz-dropdown-menu>
      </nz-header>
      <nz-content class="content"><router-outlet /></nz-content>
    </nz-layout>
  `,
})
export class PortalShell implements OnInit {
  private readonly api = inject(PortalApi);
  private readonly auth = inject(AuthService);
  protected readonly language = inject(LanguageService);
  protected readonly languages = LANGUAGES;
  protected readonly me = signal<PortalMe | null>(null);

  async ngOnInit(): Promise<void> {
    this.me.set(await this.api.me());
  }

  protected switchLanguage(language: Language): void {
    void this.language.use(language);
  }

  protected logout(): void {
    void this.auth.logout();
  }
}
