import { ChangeDetectionStrategy, Component, inject, input, OnInit, output, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { LanguageService } from '../../../core/i18n/language.service';
import { CustomerMergesService } from '../../../shared/api/generated';
import type { CustomerMergeDto } from '../../../shared/api/generated';

/** The merges a customer took part in (customer 360), each with Unmerge while it may still be undone. */
@Component({
  selector: 'app-customer-merges',
  imports: [RouterLink, TranslatePipe, LocalDatePipe, NzButtonModule, NzEmptyModule, NzPopconfirmModule, NzTableModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-table #t nzSize="small" [nzData]="merges()" [nzFrontPagination]="false" [nzLoading]="loading()" data-test="merge-list">
      <thead>
        <tr>
          <th>{{ 'customers.merge.survivor' | translate }}</th>
          <th>{{ 'customers.merge.merged' | translate }}</th>
          <th>{{ 'customers.merge.at' | translate }}</th>
          <th>{{ 'common.status' | translate }}</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        @for (m of t.data; track m.id) {
          <tr data-test="merge-row">
            <td><a [routerLink]="['/customers', m.survivorId]">{{ m.survivorName }}</a></td>
            <td>
              @for (l of m.losers; track l.id) {
                <a [routerLink]="['/customers', l.id]">{{ l.name }}</a>&nbsp;
              }
            </td>
            <td>{{ m.mergedAt | localDate }}</td>
            <td><nz-tag [nzColor]="m.status === 'Reverted' ? 'default' : 'green'">{{ 'customers.merge.status.' + m.status | translate }}</nz-tag></td>
            <td>
              @if (m.status !== 'Reverted') {
                <button
                  nz-button
                  nzSize="small"
                  nzDanger
                  nz-popconfirm
                  [nzPopconfirmTitle]="'customers.merge.unmergeConfirm' | translate"
                  (nzOnConfirm)="unmerge(m)"
                  [disabled]="!m.canUnmerge"
                  data-test="merge-unmerge"
                >
                  {{ 'customers.merge.unmerge' | translate }}
                </button>
                <div class="muted">{{ 'customers.merge.until' | translate: { date: (m.unmergeableUntil | localDate) } }}</div>
              }
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
})
export class CustomerMerges implements OnInit {
  readonly customerId = input.required<string>();
  readonly changed = output<void>();
  private readonly api = inject(CustomerMergesService);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly language = inject(LanguageService);
  protected readonly merges = signal<CustomerMergeDto[]>([]);
  protected readonly loading = signal(false);

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      const page = await this.api.apiCustomerMergesGet({ customerId: this.customerId() });
      this.merges.set(page.items);
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.loading.set(false);
    }
  }

  protected async unmerge(m: CustomerMergeDto): Promise<void> {
    try {
      await this.api.apiCustomerMergesIdUnmergePost({ id: m.id });
      this.message.success(this.language.instant('customers.merge.unmerged'));
      await this.load();
      this.changed.emit();
    } catch (e) {
      this.problems.show(e);
    }
  }
}
