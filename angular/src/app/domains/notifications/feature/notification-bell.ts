import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, signal, TemplateRef, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { HubConnection, HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { TranslatePipe } from '@ngx-translate/core';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDropdownModule } from 'ng-zorro-antd/dropdown';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzNotificationComponent, NzNotificationService } from 'ng-zorro-antd/notification';
import { AuthService } from '../../../core/auth/auth.service';
import { RealtimeHub } from '../../../core/realtime/realtime-hub';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { NotificationStore } from '../data/notification.store';
import { AppNotification } from '../model/notification';

/**
 * Header bell: unread count, the latest notifications (click opens the link and marks read), all read; and the
 * real-time hub, whose pushes pop up once each (duplicates by id are dropped) and which reconnects by itself.
 */
@Component({
  selector: 'app-notification-bell',
  imports: [RouterLink, TranslatePipe, LocalDatePipe, NzBadgeModule, NzButtonModule, NzDropdownModule, NzEmptyModule, NzIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .panel { width: 360px; max-height: 460px; overflow: auto; background: #fff; box-shadow: 0 6px 16px rgba(0,0,0,.12); border-radius: 8px; }
    .head { display: flex; justify-content: space-between; align-items: center; padding: 8px 12px; border-bottom: 1px solid #f0f0f0; }
    .item { padding: 8px 12px; cursor: pointer; border-bottom: 1px solid #f5f5f5; }
    .item:hover { background: #fafafa; }
    .item.unread .t { font-weight: 600; }
    .body, .at { color: rgba(0,0,0,.55); font-size: 12px; }
  `,
  template: `
    <button nz-button nzType="text" nz-dropdown nzTrigger="click" [nzDropdownMenu]="panel" (nzVisibleChange)="$event && refresh()" data-test="notifications" [attr.data-live]="live()">
      <nz-badge [nzCount]="store.unread()" nzSize="small" data-test="notifications-count"><nz-icon nzType="bell" class="header-icon" /></nz-badge>
    </button>
    <nz-dropdown-menu #panel="nzDropdownMenu">
      <div class="panel" data-test="notifications-panel">
        <div class="head">
          <strong>{{ 'notifications.title' | translate }}</strong>
          <span>
            <button nz-button nzType="link" nzSize="small" (click)="allRead()" [disabled]="store.unread() === 0" data-test="notifications-all-read">{{ 'notifications.allRead' | translate }}</button>
            <a nz-button nzType="link" nzSize="small" routerLink="/reminders">{{ 'notifications.reminders' | translate }}</a>
            <a nz-button nzType="link" nzSize="small" routerLink="/notifications/preferences"><nz-icon nzType="setting" /></a>
          </span>
        </div>
        @for (n of store.items(); track n.id) {
          <div class="item" [class.unread]="!n.readAt" (click)="open(n)" data-test="notification-item">
            <div class="t">{{ n.title }}</div>
            @if (n.body) {
              <div class="body">{{ n.body }}</div>
            }
            <div class="at">{{ n.createdAt | localDate }}</div>
          </div>
        } @empty {
          <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="'notifications.empty' | translate" />
        }
      </div>
    </nz-dropdown-menu>
    <ng-template #popup let-data="data">
      <div data-test="notification-popup">
        <div class="ant-notification-notice-message">{{ data.title }}</div>
        <div class="ant-notification-notice-description">
          @if (data.body) {
            <div>{{ data.body }}</div>
          }
          @if (data.link) {
            <a (click)="open(data)" data-test="notification-popup-link">{{ 'notifications.open' | translate }}</a>
          }
        </div>
      </div>
    </ng-template>
  `,
})
export class NotificationBell {
  protected readonly store = inject(NotificationStore);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly notify = inject(NzNotificationService);
  private readonly popup = viewChild.required<TemplateRef<{ $implicit: NzNotificationComponent; data: AppNotification }>>('popup');
  private connection: HubConnection | null = null;
  private readonly realtime = inject(RealtimeHub);
  /** Whether pushes can arrive now: shown as data-live, so a test waits for the connection, not for a pause. */
  protected readonly live = signal(false);

  constructor() {
    this.refresh();
    this.connect();
    inject(DestroyRef).onDestroy(() => {
      void this.connection?.stop();
      this.store.reset();
    });
    // a new sign-in (other token) on the same page connects again as that user
    effect(() => {
      if (!this.auth.accessToken()) void this.connection?.stop();
    });
  }

  protected refresh(): void {
    this.store.load().catch(() => undefined);
  }

  private connect(): void {
    const connection = new HubConnectionBuilder()
      .withUrl('/hubs/notifications', { accessTokenFactory: () => this.auth.accessToken() ?? '' })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(30_000, 1000 * 2 ** Math.min(ctx.previousRetryCount, 5)) })
      .configureLogging(LogLevel.Warning)
      .build();
    connection.on('notification', (n: AppNotification) => {
      if (!this.store.receive(n)) return;
      this.notify.template(this.popup(), { nzData: n, nzDuration: 10_000, nzKey: n.id });
    });
    // after a reconnect, read the list again: pushes sent while offline are not replayed
    connection.onreconnected(() => {
      this.live.set(true);
      this.refresh();
    });
    connection.onreconnecting(() => this.live.set(false));
    connection.onclose(() => this.live.set(false));
    this.connection = connection;
    this.realtime.attach(connection); // other listeners (call center screen pop) share this connection
    const start = (): void => {
      connection.start().then(() => this.live.set(true)).catch(() => setTimeout(() => this.connection === connection && connection.state === 'Disconnected' && start(), 5000));
    };
    start();
  }

  protected async open(n: AppNotification): Promise<void> {
    await this.store.markRead(n).catch(() => undefined);
    this.notify.remove(n.id);
    if (n.link) await this.router.navigateByUrl(n.link);
  }

  protected allRead(): void {
    this.store.markAllRead().catch(() => undefined);
  }
}
