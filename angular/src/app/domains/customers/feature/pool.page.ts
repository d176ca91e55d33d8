import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { toProblem } from '../../../core/http/problem';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { LanguageService } from '../../../core/i18n/language.service';
import { PoolStore } from '../data/pool.store';
import { DICTIONARIES } from '../model/customer';
import { claimRefusal, usage } from '../model/pool';
import { DictionarySelect } from '../../../shared/ui/dictionary-select';
import { DictionaryTag } from '../../../shared/ui/dictionary-tag';

/** Public pool (公海): my pools with my standing against their limits, the customers waiting in one, and claiming. */
@Component({
  selector: 'app-pool-page',
  imports: [
    FormsModule,
    RouterLink,
    TranslatePipe,
    LocalDatePipe,
    DictionarySelect,
    DictionaryTag,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzIconModule,
    NzInputModule,
    NzPopconfirmModule,
    NzTableModule,
    NzTagModule,
  ],
  providers: [PoolStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .pools { display: flex; gap: 12px; flex-wrap: wrap; margin-bottom: 16px; }
    .pool { width: 260px; cursor: pointer; }
    .pool.active { border-color: #1677ff; box-shadow: 0 0 0 1px #1677ff; }
    .stat { display: flex; justify-content: space-between; }
    .filters { display: flex; gap: 8px; margin-bottom: 12px; flex-wrap: wrap; }
  `,
  template: `
    <div class="page-head">
      <div>
        <h2 class="page-title">{{ 'customers.pool.title' | translate }}</h2>
        <span class="muted">{{ 'customers.pool.subtitle' | translate }}</span>
      </div>
    </div>
    @if (store.pools().length === 0 && loaded()) {
      <nz-empty [nzNotFoundContent]="'customers.pool.noPools' | translate" data-test="pool-none" />
    }
    <div class="pools" data-test="pool-cards">
      @for (p of store.pools(); track p.id) {
        <nz-card nzSize="small" class="pool" [class.active]="p.id === store.poolId()" (click)="select(p.id)" [attr.data-test]="'pool-card-' + p.name">
          <strong>{{ p.name }}</strong>
          <div class="stat"><span>{{ 'customers.pool.waiting' | translate }}</span><span>{{ p.customerCount }}</span></div>
          <div class="stat" data-test="pool-held"><span>{{ 'customers.pool.held' | translate }}</span><span>{{ usage(p.held, p.maxCustomersPerRep) }}</span></div>
          <div class="stat" data-test="pool-claims-today"><span>{{ 'customers.pool.claimsToday' | translate }}</span><span>{{ usage(p.claimsToday, p.maxClaimsPerDay) }}</span></div>
          @if (p.reclaimCooldownDays) {
            <div class="stat"><span>{{ 'customers.pool.cooldown' | translate }}</span><span>{{ 'customers.pool.days' | translate: { days: p.reclaimCooldownDays } }}</span></div>
          }
        </nz-card>
      }
    </div>
    @if (store.pool()) {
      <div class="filters">
        <nz-input-wrapper style="width: 240px">
          <input nz-input [placeholder]="'customers.name' | translate" [(ngModel)]="name" (keyup.enter)="apply({ name: name })" data-test="pool-name-filter" />
        </nz-input-wrapper>
        <app-dictionary-select style="width: 180px" [type]="dict.level" [ngModel]="store.filter().levelCode" (ngModelChange)="apply({ levelCode: $event })" [placeholder]="'customers.level' | translate" />
        <button nz-button (click)="apply({ name: name })"><nz-icon nzType="search" /> {{ 'common.search' | translate }}</button>
      </div>
      <nz-table
        #t
        nzSize="small"
        [nzData]="store.items()"
        [nzFrontPagination]="false"
        [nzTotal]="store.total()"
        [nzPageIndex]="store.page()"
        [nzPageSize]="store.pageSize()"
        [nzLoading]="store.loading()"
        (nzQueryParams)="page($event.pageIndex, $event.pageSize)"
        nzShowSizeChanger
        data-test="pool-table"
      >
        <thead>
          <tr>
            <th>{{ 'customers.name' | translate }}</th>
            <th>{{ 'customers.level' | translate }}</th>
            <th>{{ 'customers.column.region' | translate }}</th>
            <th>{{ 'customers.pool.previousOwner' | translate }}</th>
            <th>{{ 'customers.pool.releaseReason' | translate }}</th>
            <th>{{ 'customers.pool.pooledAt' | translate }}</th>
            <th>{{ 'customers.column.lastFollowUpAt' | translate }}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          @for (c of t.data; track c.id) {
            <tr [attr.data-test]="'pool-row-' + c.name">
              <td><a [routerLink]="['/customers', c.id]">{{ c.name }}</a></td>
              <td><app-dictionary-tag [type]="dict.level" [code]="c.levelCode" /></td>
              <td>{{ (c.province ?? '') + ' ' + (c.city ?? '') }}</td>
              <td>{{ c.previousOwnerName ?? '—' }}</td>
              <td>{{ c.releaseReason ?? '—' }}</td>
              <td>{{ c.pooledAt | localDate }}</td>
              <td>{{ c.lastFollowUpAt | localDate }}</td>
              <td>
                <button nz-button nzType="primary" nzSize="small" [nzLoading]="store.claiming() === c.id" (click)="claim(c.id, c.name)" data-test="pool-claim">
                  {{ 'customers.pool.claim' | translate }}
                </button>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    }
  `,
})
export class PoolPage implements OnInit {
  protected readonly store = inject(PoolStore);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly language = inject(LanguageService);
  protected readonly dict = DICTIONARIES;
  protected readonly usage = usage;
  protected readonly loaded = signal(false);
  protected name = '';

  ngOnInit(): void {
    this.store
      .init()
      .catch((e: unknown) => this.problems.show(e))
      .finally(() => this.loaded.set(true));
  }

  protected select(id: string): void {
    this.store.select(id).catch((e: unknown) => this.problems.show(e));
  }

  protected apply(change: { name?: string; levelCode?: string | null }): void {
    this.store.applyFilter(change).catch((e: unknown) => this.problems.show(e));
  }

  protected page(index: number, size: number): void {
    if (index === this.store.page() && size === this.store.pageSize()) return;
    this.store.setPage(index, size).catch((e: unknown) => this.problems.show(e));
  }

  protected async claim(id: string, name: string): Promise<void> {
    try {
      await this.store.claim(id);
      this.message.success(this.language.instant('customers.pool.claimed', { name }));
    } catch (e) {
      const refusal = claimRefusal(toProblem(e), (iso) => new Date(iso).toLocaleDateString(this.language.current()));
      if (refusal) this.message.error(this.language.instant(refusal.key, refusal.params), { nzDuration: 6000 });
      else this.problems.show(e);
    }
  }
}
