import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { CustomerMergesService, CustomersService } from '../../../shared/api/generated';
import type { MergePreviewDto } from '../../../shared/api/generated';
import { mergeRequest, suggestedChoices, valueText } from '../model/merge';

/** Merge customers: pick the survivor, preview conflicts (a radio per field chooses the source), united lists and what moves, then confirm. */
@Component({
  selector: 'app-merge-page',
  imports: [FormsModule, TranslatePipe, NzAlertModule, NzButtonModule, NzDescriptionsModule, NzPopconfirmModule, NzRadioModule, NzSpinModule, NzTableModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <div>
        <h2 class="page-title">{{ 'customers.merge.title' | translate }}</h2>
        <span class="muted">{{ 'customers.merge.subtitle' | translate }}</span>
      </div>
    </div>
    <div class="page-card" data-test="merge-page">
      <h4>{{ 'customers.merge.chooseSurvivor' | translate }}</h4>
      <nz-radio-group [ngModel]="survivorId()" (ngModelChange)="pickSurvivor($event)" data-test="merge-survivor">
        @for (c of candidates(); track c.id) {
          <label nz-radio [nzValue]="c.id" [attr.data-test]="'merge-survivor-' + c.name">{{ c.name }}</label>
        }
      </nz-radio-group>
      @if (loading()) {
        <nz-spin nzSimple />
      }
      @if (preview(); as p) {
        <h4 style="margin-top: 16px">{{ 'customers.merge.conflicts' | translate }}</h4>
        @if (p.conflicts.length === 0) {
          <p class="muted">{{ 'customers.merge.noConflicts' | translate }}</p>
        } @else {
          <nz-table nzSize="small" [nzData]="p.conflicts" [nzShowPagination]="false" data-test="merge-conflicts">
            <thead>
              <tr>
                <th>{{ 'customers.merge.field' | translate }}</th>
                @for (c of p.customers; track c.id) {
                  <th>{{ c.name }} @if (c.isSurvivor) { <nz-tag nzColor="blue">{{ 'customers.merge.survivor' | translate }}</nz-tag> }</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (f of p.conflicts; track f.field) {
                <tr [attr.data-test]="'merge-conflict-' + f.field">
                  <td>{{ zh() ? f.labelZh : f.labelEn }}</td>
                  @for (c of p.customers; track c.id) {
                    <td>
                      <label nz-radio [ngModel]="choices()[f.field] === c.id" (ngModelChange)="choose(f.field, c.id)" [attr.data-test]="'merge-choose-' + f.field + '-' + c.name">
                        {{ text(valueOf(f.values, c.id)) }}
                      </label>
                    </td>
                  }
                </tr>
              }
            </tbody>
          </nz-table>
        }
        <nz-descriptions nzBordered nzSize="small" [nzColumn]="1" style="margin-top: 16px" [nzTitle]="'customers.merge.united' | translate">
          <nz-descriptions-item [nzTitle]="'customers.phones' | translate">{{ p.united.phones.join(', ') || '—' }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'customers.emails' | translate">{{ p.united.emails.join(', ') || '—' }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'customers.tags' | translate">{{ p.united.tags.join(', ') || '—' }}</nz-descriptions-item>
        </nz-descriptions>
        <h4 style="margin-top: 16px">{{ 'customers.merge.moves' | translate }}</h4>
        <div data-test="merge-moves">
          @for (m of p.moves; track m.kind) {
            <nz-tag>{{ zh() ? m.labelZh : m.labelEn }}: {{ m.count }}</nz-tag>
          }
        </div>
        <nz-alert nzType="warning" [nzMessage]="'customers.merge.warning' | translate" style="margin: 16px 0" />
        <button nz-button nzType="primary" nz-popconfirm [nzPopconfirmTitle]="'customers.merge.confirm' | translate" (nzOnConfirm)="merge()" [nzLoading]="busy()" data-test="merge-confirm">
          {{ 'customers.merge.action' | translate }}
        </button>
      }
    </div>
  `,
})
export class MergePage implements OnInit {
  /** Comma-separated customer ids (from the list's selection). */
  readonly ids = input<string>('');
  private readonly api = inject(CustomerMergesService);
  private readonly customers = inject(CustomersService);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly language = inject(LanguageService);
  private readonly router = inject(Router);
  protected readonly candidates = signal<{ id: string; name: string }[]>([]);
  protected readonly survivorId = signal<string | null>(null);
  protected readonly preview = signal<MergePreviewDto | null>(null);
  protected readonly choices = signal<Record<string, string>>({});
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly zh = computed(() => this.language.current().startsWith('zh'));
  protected readonly text = valueText;

  ngOnInit(): void {
    const ids = this.ids().split(',').filter(Boolean);
    void Promise.all(ids.map((id) => this.customers.apiCustomersIdGet({ id }))).then(
      (list) => {
        this.candidates.set(list.map((c) => ({ id: c.id, name: c.name })));
        if (list[0]) this.pickSurvivor(list[0].id);
      },
      (e: unknown) => this.problems.show(e),
    );
  }

  protected valueOf(values: { customerId: string; value: unknown }[], id: string): unknown {
    return values.find((v) => v.customerId === id)?.value;
  }

  protected async pickSurvivor(id: string): Promise<void> {
    this.survivorId.set(id);
    this.loading.set(true);
    this.preview.set(null);
    try {
      const loserIds = this.candidates().map((c) => c.id).filter((x) => x !== id);
      const p = await this.api.apiCustomerMergesPreviewPost({ body: { survivorId: id, loserIds } });
      this.preview.set(p);
      this.choices.set(suggestedChoices(p));
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.loading.set(false);
    }
  }

  protected choose(field: string, customerId: string): void {
    this.choices.update((c) => ({ ...c, [field]: customerId }));
  }

  protected async merge(): Promise<void> {
    const p = this.preview();
    if (!p) return;
    this.busy.set(true);
    try {
      await this.api.apiCustomerMergesPost({ body: mergeRequest(p, this.choices()) });
      this.message.success(this.language.instant('customers.merge.done'));
      await this.router.navigate(['/customers', p.survivorId]);
    } catch (e) {
      this.problems.show(e);
    } finally {
      this.busy.set(false);
    }
  }
}
