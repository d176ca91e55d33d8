import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { KnowledgeService } from '../../../shared/api/generated';
import type { ArticleSuggestionDto } from '../../../shared/api/generated';

/**
 * Knowledge on a ticket: articles related to its title and description, and for a resolved or closed ticket a
 * button that writes a prefilled article draft from it and opens the draft.
 */
@Component({
  selector: 'app-ticket-articles',
  imports: [TranslatePipe, NzButtonModule, NzCardModule, NzIconModule],
  styles: `
    .hit { display: block; padding: 6px 0; border-bottom: 1px solid #f0f0f0; cursor: pointer; }
    .hit:last-child { border-bottom: none; }
    .frag { color: rgba(0, 0, 0, 0.55); font-size: 12px; }
    :host ::ng-deep em { color: #d4380d; font-style: normal; font-weight: 600; }
    .error { color: #ff4d4f; font-size: 12px; }
  `,
  template: `
    <nz-card nzSize="small" [nzTitle]="'knowledge.ticket.related' | translate" [nzExtra]="extra" data-test="ticket-articles">
      @for (s of suggestions(); track s.id) {
        <a class="hit" (click)="open(s.id)" data-test="ticket-article-suggestion">
          <div [innerHTML]="s.title"></div>
          <div class="frag" [innerHTML]="s.summary"></div>
        </a>
      } @empty {
        <span class="muted">{{ 'knowledge.ticket.none' | translate }}</span>
      }
      @if (error()) {
        <div class="error">{{ error() }}</div>
      }
    </nz-card>
    <ng-template #extra>
      @if (canCreate() && resolved()) {
        <button nz-button nzSize="small" nzType="link" [nzLoading]="busy()" (click)="createArticle()" data-test="ticket-create-article">
          <nz-icon nzType="file-add" /> {{ 'knowledge.ticket.createArticle' | translate }}
        </button>
      }
    </ng-template>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketArticles {
  readonly ticketId = input.required<string>();
  /** Resolved or closed: only then can it become an article. */
  readonly resolved = input(false);
  readonly canCreate = input(false);
  private readonly api = inject(KnowledgeService);
  private readonly router = inject(Router);
  protected readonly suggestions = signal<ArticleSuggestionDto[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const ticketId = this.ticketId();
      this.api
        .apiKnowledgeSuggestionsGet({ ticketId })
        .then((s) => this.suggestions.set(s))
        .catch(() => this.suggestions.set([]));
    });
  }

  protected open(id: string): void {
    void this.router.navigate(['/knowledge/articles', id]);
  }

  protected async createArticle(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      const article = await this.api.apiKnowledgeArticlesFromTicketTicketIdPost({ ticketId: this.ticketId() });
      void this.router.navigate(['/knowledge/articles', article.id, 'edit']);
    } catch (e) {
      this.error.set((e as { error?: { detail?: string; title?: string } }).error?.detail ?? (e as { error?: { title?: string } }).error?.title ?? String(e));
    } finally {
      this.busy.set(false);
    }
  }
}
