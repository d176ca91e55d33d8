import { ChangeDetectionStrategy, ChangeDetectorRef, Component, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzListModule } from 'ng-zorro-antd/list';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzUploadFile, NzUploadModule } from 'ng-zorro-antd/upload';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import type { ArticleAttachmentDto } from '../../../shared/api/generated';
import { DictionarySelect } from '../../../shared/ui/dictionary-select';
import { ArticleStore } from '../data/article.store';
import { ArticleVersion, ArticleVisibility, KNOWLEDGE_CATEGORY, versionNote, VISIBILITIES } from '../model/article';
import { RichTextEditor } from '../ui/rich-text-editor';

/** Writing an article: title, rich text, category, visibility, tags, attachments; publish; version history with restore. */
@Component({
  selector: 'app-article-editor-page',
  imports: [
    FormsModule,
    RouterLink,
    TranslatePipe,
    LocalDatePipe,
    DictionarySelect,
    RichTextEditor,
    NzButtonModule,
    NzDrawerModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzListModule,
    NzPopconfirmModule,
    NzRadioModule,
    NzSelectModule,
    NzTagModule,
    NzUploadModule,
  ],
  providers: [ArticleStore],
  styles: `
    .grid { display: grid; grid-template-columns: 1fr 300px; gap: 24px; }
    .error { color: #ff4d4f; font-size: 12px; }
    .actions { display: flex; gap: 8px; flex-wrap: wrap; }
    .version-body { max-height: 120px; overflow: hidden; color: rgba(0,0,0,.55); font-size: 12px; }
  `,
  template: `
    <div class="page-card">
      <div class="page-head">
        <div>
          <h2 class="page-title" data-test="page-title">{{ (id() ? 'knowledge.editor.editTitle' : 'knowledge.editor.newTitle') | translate }}</h2>
          @if (store.article(); as a) {
            <nz-tag [nzColor]="a.status === 'Published' ? 'green' : 'default'" data-test="knowledge-editor-status">{{ 'knowledge.status.' + a.status | translate }}</nz-tag>
            <span class="muted">{{ 'knowledge.editor.version' | translate: { number: a.versionNumber } }}</span>
          }
        </div>
        <div class="actions">
          @if (store.article(); as a) {
            <a nz-button [routerLink]="['/knowledge/articles', a.id]">{{ 'knowledge.editor.view' | translate }}</a>
            <button nz-button (click)="openVersions()" data-test="knowledge-versions">
              <nz-icon nzType="history" /> {{ 'knowledge.versions.title' | translate }}
            </button>
            @if (a.status === 'Published') {
              <button nz-button nz-popconfirm [nzPopconfirmTitle]="'knowledge.editor.unpublishConfirm' | translate" (nzOnConfirm)="publish(false)" data-test="knowledge-unpublish">
                {{ 'knowledge.editor.unpublish' | translate }}
              </button>
            } @else {
              <button nz-button nzType="primary" nzGhost (click)="publish(true)" [disabled]="store.busy()" data-test="knowledge-publish">
                <nz-icon nzType="send" /> {{ 'knowledge.editor.publish' | translate }}
              </button>
            }
          }
          <button nz-button nzType="primary" (click)="save()" [nzLoading]="store.busy()" data-test="knowledge-save">
            <nz-icon nzType="save" /> {{ 'knowledge.editor.save' | translate }}
          </button>
        </div>
      </div>
      <div class="grid">
        <div>
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'knowledge.field.title' | translate }}</nz-form-label>
            <input nz-input [(ngModel)]="title" maxlength="200" data-test="knowledge-editor-title" />
            @if (submitted() && !title.trim()) {
              <div class="error">{{ 'knowledge.editor.titleRequired' | translate }}</div>
            }
          </nz-form-item>
          <app-rich-text-editor [(ngModel)]="body" />
        </div>
        <div>
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'knowledge.field.category' | translate }}</nz-form-label>
            <app-dictionary-select [type]="categoryType" [(ngModel)]="category" data-test="knowledge-editor-category" />
            @if (submitted() && !category) {
              <div class="error">{{ 'knowledge.editor.categoryRequired' | translate }}</div>
            }
          </nz-form-item>
          <nz-form-item>
            <nz-form-label>{{ 'knowledge.field.visibility' | translate }}</nz-form-label>
            <nz-radio-group [(ngModel)]="visibility" data-test="knowledge-editor-visibility">
              @for (v of visibilities; track v) {
                <label nz-radio [nzValue]="v" [attr.data-test]="'knowledge-visibility-' + v">{{ 'knowledge.visibility.' + v | translate }}</label>
              }
            </nz-radio-group>
            <div class="muted">{{ 'knowledge.editor.visibilityHint' | translate }}</div>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label>{{ 'knowledge.field.tags' | translate }}</nz-form-label>
            <nz-select nzMode="tags" [(ngModel)]="tags" [nzPlaceHolder]="'knowledge.editor.tagsPlaceholder' | translate" style="width: 100%" data-test="knowledge-editor-tags" />
          </nz-form-item>
          <nz-form-item>
            <nz-form-label>{{ 'knowledge.field.attachments' | translate }}</nz-form-label>
            <nz-upload [nzBeforeUpload]="beforeUpload" [nzShowUploadList]="false">
              <button nz-button><nz-icon nzType="upload" /> {{ 'knowledge.editor.upload' | translate }}</button>
            </nz-upload>
            @for (f of attachments(); track f.fileId) {
              <div>
                <nz-icon nzType="paper-clip" /> {{ f.fileName }}
                <a (click)="removeAttachment(f.fileId)">{{ 'knowledge.editor.remove' | translate }}</a>
              </div>
            }
            <div class="muted">{{ 'knowledge.editor.uploadHint' | translate }}</div>
          </nz-form-item>
        </div>
      </div>
    </div>
    <nz-drawer [nzVisible]="versionsOpen()" [nzWidth]="480" [nzTitle]="'knowledge.versions.title' | translate" (nzOnClose)="versionsOpen.set(false)">
      <ng-container *nzDrawerContent>
        <nz-list nzItemLayout="vertical" data-test="knowledge-version-list">
          @for (v of store.versions(); track v.number) {
            <nz-list-item>
              <div>
                <strong>v{{ v.number }}</strong> · {{ v.title }}
                <div class="muted">{{ note(v).key | translate: note(v).params }} · {{ v.authorName }} · {{ v.at | localDate: 'datetime' }}</div>
                <div class="version-body" [innerHTML]="v.body"></div>
                @if (v.number !== store.article()?.versionNumber) {
                  <button nz-button nzSize="small" nz-popconfirm [nzPopconfirmTitle]="'knowledge.versions.restoreConfirm' | translate: { number: v.number }" (nzOnConfirm)="restore(+v.number)" [attr.data-test]="'knowledge-restore-' + v.number">
                    <nz-icon nzType="rollback" /> {{ 'knowledge.versions.restore' | translate }}
                  </button>
                } @else {
                  <nz-tag nzColor="blue">{{ 'knowledge.versions.current' | translate }}</nz-tag>
                }
              </div>
            </nz-list-item>
          }
        </nz-list>
      </ng-container>
    </nz-drawer>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ArticleEditorPage implements OnInit {
  readonly id = input<string>();
  protected readonly store = inject(ArticleStore);
  private readonly router = inject(Router);
  private readonly problems = inject(ProblemMessageService);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly changes = inject(ChangeDetectorRef);
  protected readonly visibilities = VISIBILITIES;
  protected readonly categoryType = KNOWLEDGE_CATEGORY;
  protected readonly submitted = signal(false);
  protected readonly versionsOpen = signal(false);
  protected readonly attachments = signal<ArticleAttachmentDto[]>([]);
  protected title = '';
  protected body = '';
  protected category: string | null = 'faq';
  protected visibility: ArticleVisibility = 'Internal';
  protected tags: string[] = [];

  async ngOnInit(): Promise<void> {
    const id = this.id();
    if (!id) return;
    await this.store.load(id).catch((e) => this.problems.show(e));
    const a = this.store.article();
    if (!a) return;
    this.title = a.title;
    this.body = a.body;
    this.category = a.categoryCode;
    this.visibility = a.visibility;
    this.tags = [...a.tags];
    this.attachments.set([...a.attachments]);
    this.changes.markForCheck(); // plain form fields: tell the zoneless view they changed
  }

  protected note = (v: ArticleVersion) => versionNote(v.note);

  protected async save(): Promise<void> {
    this.submitted.set(true);
    if (!this.title.trim() || !this.category) return;
    const body = {
      title: this.title,
      body: this.body,
      categoryCode: this.category,
      tags: this.tags,
      visibility: this.visibility,
      attachmentFileIds: this.attachments().map((f) => f.fileId),
    };
    try {
      const saved = this.store.article() ? await this.store.update(body) : await this.store.create(body);
      this.body = saved.body; // as sanitised by the server
      this.message.success(this.translate.instant('knowledge.editor.saved'));
      if (!this.id()) void this.router.navigate(['/knowledge/articles', saved.id, 'edit'], { replaceUrl: true });
    } catch (e) {
      this.problems.show(e);
    }
  }

  protected async publish(publish: boolean): Promise<void> {
    try {
      await this.store.publish(publish);
      this.message.success(this.translate.instant(publish ? 'knowledge.editor.published' : 'knowledge.editor.unpublished'));
    } catch (e) {
      this.problems.show(e);
    }
  }

  protected async openVersions(): Promise<void> {
    this.versionsOpen.set(true);
    await this.store.loadVersions().catch((e) => this.problems.show(e));
  }

  protected async restore(number: number): Promise<void> {
    try {
      const a = await this.store.restore(number);
      this.title = a.title;
      this.body = a.body;
      this.category = a.categoryCode;
      this.visibility = a.visibility;
      this.tags = [...a.tags];
      this.changes.markForCheck();
      this.message.success(this.translate.instant('knowledge.versions.restored', { number }));
    } catch (e) {
      this.problems.show(e);
    }
  }

  protected readonly beforeUpload = (file: NzUploadFile): boolean => {
    this.store
      .upload(file as unknown as Blob)
      .then((f) => this.attachments.update((list) => [...list, f]))
      .catch((e) => this.problems.show(e));
    return false;
  };

  protected removeAttachment(fileId: string): void {
    this.attachments.update((list) => list.filter((f) => f.fileId !== fileId));
  }
}
