import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTableModule } from 'ng-zorro-antd/table';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { NotificationsService } from '../../../shared/api/generated';
import type { NotificationPreferenceDto } from '../../../shared/api/generated';

const CHANNELS = ['InApp', 'Email', 'Sms'] as const;

/** Which channels each kind of notification reaches me on. */
@Component({
  selector: 'app-notification-preferences-page',
  imports: [FormsModule, TranslatePipe, NzButtonModule, NzCheckboxModule, NzTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h2 class="page-title">{{ 'notifications.preferences' | translate }}</h2>
      <button nz-button nzType="primary" [nzLoading]="busy()" (click)="save()" data-test="preferences-save">{{ 'common.save' | translate }}</button>
    </div>
    <nz-table #t nzSize="small" [nzData]="items()" [nzShowPagination]="false" data-test="preferences-table">
      <thead>
        <tr>
          <th>{{ 'notifications.kind' | translate }}</th>
          @for (c of channels; track c) {
            <th>{{ 'notifications.channel.' + c | translate }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (p of t.data; track p.kind) {
          <tr>
            <td>{{ zh() ? p.displayName.zh : p.displayName.en }}</td>
            @for (c of channels; track c) {
              <td><label nz-checkbox [ngModel]="p.channels.includes(c)" (ngModelChange)="toggle(p, c, $event)"></label></td>
            }
          </tr>
        }
      </tbody>
    </nz-table>
  `,
})
export class PreferencesPage implements OnInit {
  private readonly api = inject(NotificationsService);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly language = inject(LanguageService);
  protected readonly channels = CHANNELS;
  protected readonly items = signal<NotificationPreferenceDto[]>([]);
  protected readonly busy = signal(false);
  protected readonly zh = computed(() => this.language.current().startsWith('zh'));

  ngOnInit(): void {
    this.api.apiNotificationsPreferencesGet().then((p) => this.items.set(p), (e: unknown) => this.problems.show(e));
  }

  protected toggle(p: NotificationPreferenceDto, channel: string, on: boolean): void {
    this.items.update((list) =>
      list.map((x) => (x.kind === p.kind ? { ...x, channels: on ? [...x.channels.filter((c) => c !== channel), channel] : x.channels.filter((c) => c !== channel) } : x)),
    );
  }

  protected async save(): Promise<void> {
    this.busy.set(true);
    try {
      const saved = await this.api.apiNotificationsPreferencesPut({ body: { items: this.items().map((p) => ({ kind: p.kind, channels: p.channels })) } });
      if (Array.isArray(saved)) this.items.set(saved);
      this.message.success(this.language.instant('common.saved'));
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.busy.set(false);
    }
  }
}
