import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { PermissionStore } from '../core/permissions/permission.store';
import { MENU, visibleMenu } from './menu';

/** The start page: a welcome and a card for each area the user may open. */
@Component({
  selector: 'app-home-page',
  imports: [RouterLink, TranslatePipe, NzCardModule, NzGridModule, NzIconModule, NzEmptyModule],
  template: `
    <h2 class="page-title" data-test="page-title">{{ 'home.welcome' | translate: { name: permissions.userName() } }}</h2>
    <p class="muted">{{ (permissions.isHost() ? 'home.hostIntro' : 'home.tenantIntro') | translate }}</p>
    @if (items().length === 0) {
      <nz-empty [nzNotFoundContent]="'home.nothingToOpen' | translate" />
    } @else {
      <div nz-row [nzGutter]="[16, 16]">
        @for (item of items(); track item.route) {
          <div nz-col [nzXs]="24" [nzMd]="12" [nzXl]="8">
            <a [routerLink]="item.route">
              <nz-card nzHoverable>
                <div class="tile">
                  <nz-icon [nzType]="item.icon" class="tile-icon" />
                  <span>{{ item.label | translate }}</span>
                </div>
              </nz-card>
            </a>
          </div>
        }
      </div>
    }
  `,
  styles: `
    .tile { display: flex; align-items: center; gap: 12px; font-size: 16px; }
    .tile-icon { font-size: 24px; color: #1677ff; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  protected readonly permissions = inject(PermissionStore);
  protected readonly items = computed(() => visibleMenu(MENU, (p) => this.permissions.has(p)).flatMap((g) => g.items));
}
