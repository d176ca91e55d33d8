import { ChangeDetectionStrategy, Component, inject, input, OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { ArticleStore } from '../data/article.store';
import { ArticleAttachments } from '../ui/article-attachments';
import { ArticleBody } from '../ui/article-body';
import { HelpfulButtons } from '../ui/helpful-buttons';

/** A portal reader's article page (the server counts the view) with "was this helpful". */
@Component({
  selector: 'app-portal-article-page',
  imports: [RouterLink, TranslatePipe, NzIconModule, NzResultModule, NzSpinModule, ArticleBody, ArticleAttachments, HelpfulButtons],
  providers: [ArticleStore],
  styles: `
    :host { display: block; max-width: 880px; margin: 0 auto; padding: 24px; }
    .card { background: #fff; padding: 24px; border-radius: 8px; }
  `,
  template: `
    <a routerLink=".." data-test="portal-article-back"><nz-icon nzType="arrow-left" /> {{ 'knowledge.read.back' | translate }}</a>
    <div class="card">
      @if (store.notFound()) {
        <nz-result nzStatus="404" [nzTitle]="'knowledge.read.notFound' | translate" />
      }
      <nz-spin [nzSpinning]="store.loading()">
        @if (store.article(); as a) {
          <app-article-body [article]="a" />
          <app-article-attachments [files]="a.attachments" (download)="download($event)" />
          <app-helpful-buttons [yes]="a.helpfulYes" [no]="a.helpfulNo" [mine]="a.myFeedback" (answer)="helpful($event)" />
        }
      </nz-spin>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PortalArticlePage implements OnInit {
  readonly id = input.required<string>();
  protected readonly store = inject(ArticleStore);
  private readonly problems = inject(ProblemMessageService);

  ngOnInit(): void {
    this.store.readPortal(this.id()).catch((e) => this.problems.show(e));
  }

  protected download(f: { fileId: string; fileName: string }): void {
    this.store.download(f.fileId, f.fileName, true).catch((e) => this.problems.show(e));
  }

  protected helpful(answer: boolean): void {
    this.store.helpful(answer, true).catch((e) => this.problems.show(e));
  }
}
