import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { AuditStore } from '../data/audit.store';
import { toRange } from '../model/audit';

/** Audit log viewer: record changes (who changed which field from what to what) and sign-in/security events. */
@Component({
  selector: 'app-audit-page',
  imports: [FormsModule, TranslatePipe, LocalDatePipe, NzTabsModule, NzTableModule, NzInputModule, NzDatePickerModule, NzButtonModule, NzIconModule, NzTagModule, NzEmptyModule],
  templateUrl: './audit.page.html',
  styles: `
    .changes { margin: 0; padding: 0; list-style: none; }
    .changes li { font-size: 12px; }
    .old { color: #cf1322; text-decoration: line-through; }
    .new { color: #389e0d; }
    .more { text-align: center; margin-top: 12px; }
  `,
  providers: [AuditStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage implements OnInit {
  protected readonly store = inject(AuditStore);
  private readonly permissions = inject(PermissionStore);
  private readonly problems = inject(ProblemMessageService);

  protected readonly canChanges = computed(() => this.permissions.has('Audit.EntityChanges'));
  protected readonly canLogs = computed(() => this.permissions.has('Audit.SecurityLogs'));
  protected readonly entityType = signal('');
  protected readonly entityId = signal('');
  protected readonly changeRange = signal<Date[] | null>(null);
  protected readonly action = signal('');
  protected readonly userName = signal('');
  protected readonly logRange = signal<Date[] | null>(null);
  protected readonly changeColors: Record<string, string> = { Created: 'green', Updated: 'blue', Deleted: 'red' };

  ngOnInit(): void {
    if (this.canChanges()) this.searchChanges();
    if (this.canLogs()) this.searchLogs();
  }

  protected searchChanges(): void {
    this.store
      .searchChanges({ entityType: this.entityType().trim(), entityId: this.entityId().trim(), ...toRange(this.changeRange()) })
      .catch((e: unknown) => this.problems.show(e));
  }

  protected searchLogs(): void {
    this.store
      .searchLogs({ action: this.action().trim(), userName: this.userName().trim(), ...toRange(this.logRange()) })
      .catch((e: unknown) => this.problems.show(e));
  }

  protected moreChanges(): void {
    this.store.moreChanges().catch((e: unknown) => this.problems.show(e));
  }

  protected moreLogs(): void {
    this.store.moreLogs().catch((e: unknown) => this.problems.show(e));
  }
}
