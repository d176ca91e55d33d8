import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { PermissionStore } from '../../../core/permissions/permission.store';
import { ArticleStore } from '../data/article.store';
import { ArticleAttachments } from '../ui/article-attachments';
import { ArticleBody } from '../ui/article-body';
import { HelpfulButtons } from '../ui/helpful-buttons';

/** Reading an article (counts a view), with "was this helpful" and, for writers, edit and delete. */
@Component({
  selector: 'app-article-view-page',
  imports: [RouterLink, TranslatePipe, NzButtonModule, NzIconModule, NzPopconfirmModule, NzResultModule, NzSpinModule, NzTagModule, ArticleBody, ArticleAttachments, HelpfulButtons],
  providers: [ArticleStore],
  template: `
    <div class="page-card">
      @if (store.notFound()) {
        <nz-result nzStatus="404" [nzTitle]="'knowledge.read.notFound' | translate" />
      }
      <nz-spin [nzSpinning]="store.loading()">
        @if (store.article(); as a) {
          <div class="page-head">
            <a routerLink="/knowledge"><nz-icon nzType="arrow-left" /> {{ 'knowledge.read.back' | translate }}</a>
            @if (canManage()) {
              <div style="display: flex; gap: 8px">
                <nz-tag [nzColor]="a.status === 'Published' ? 'green' : 'default'">{{ 'knowledge.status.' + a.status | translate }}</nz-tag>
                <nz-tag>{{ 'knowledge.visibility.' + a.visibility | translate }}</nz-tag>
                <a nz-button nzType="primary" [routerLink]="['/knowledge/articles', a.id, 'edit']" data-test="knowledge-edit"><nz-icon nzType="edit" /> {{ 'knowledge.read.edit' | translate }}</a>
                <button nz-button nzDanger nz-popconfirm [nzPopconfirmTitle]="'knowledge.read.deleteConfirm' | translate" (nzOnConfirm)="remove()" data-test="knowledge-delete">
                  <nz-icon nzType="delete" /> {{ 'knowledge.read.delete' | translate }}
                </button>
              </div>
            }
          </div>
          <app-article-body [article]="a" />
          <app-article-attachments [files]="a.attachments" (download)="download($event)" />
          <app-helpful-buttons [yes]="a.helpfulYes" [no]="a.helpfulNo" [mine]="a.myFeedback" (answer)="helpful($event)" />
        }
      </nz-spin>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ArticleViewPage implements OnInit {
  readonly id = input.required<string>();
  protected readonly store = inject(ArticleStore);
  private readonly router = inject(Router);
  private readonly problems = inject(ProblemMessageService);
  private readonly permissions = inject(PermissionStore);
  protected readonly canManage = computed(() => this.permissions.granted().has('Service.Knowledge.Manage'));

  ngOnInit(): void {
    this.store.read(this.id()).catch((e) => this.problems.show(e));
  }

  protected download(f: { fileId: string; fileName: string }): void {
    this.store.download(f.fileId, f.fileName, false).catch((e) => this.problems.show(e));
  }

  protected helpful(answer: boolean): void {
    this.store.helpful(answer, false).catch((e) => this.problems.show(e));
  }

  protected async remove(): Promise<void> {
    try {
      await this.store.remove();
      void this.router.navigate(['/knowledge']);
    } catch (e) {
      this.problems.show(e);
    }
  }
}
