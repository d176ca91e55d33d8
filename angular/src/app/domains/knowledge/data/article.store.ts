import { HttpClient } from '@angular/common/http';
import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { KnowledgeService, PortalKnowledgeService } from '../../../shared/api/generated';
import type { SaveArticleRequest } from '../../../shared/api/generated';
import { downloadFile } from '../../../shared/util/file-download';
import { Article, ArticleVersion } from '../model/article';

interface ArticleState {
  article: Article | null;
  versions: ArticleVersion[];
  loading: boolean;
  notFound: boolean;
  busy: boolean;
}

/** One article: read (counting a view), write, publish, versions and restore, "was this helpful". */
export const ArticleStore = signalStore(
  withState<ArticleState>({ article: null, versions: [], loading: false, notFound: false, busy: false }),
  withMethods((store, api = inject(KnowledgeService), portal = inject(PortalKnowledgeService), http = inject(HttpClient)) => {
    async function run(change: () => Promise<Article>): Promise<Article> {
      patchState(store, { busy: true });
      try {
        const article = await change();
        patchState(store, { article });
        return article;
      } finally {
        patchState(store, { busy: false });
      }
    }
    async function load(get: () => Promise<Article>): Promise<void> {
      patchState(store, { loading: true, notFound: false });
      try {
        patchState(store, { article: await get(), loading: false });
      } catch (error) {
        const status = (error as { status?: number }).status;
        patchState(store, { loading: false, notFound: status === 404, article: null });
        if (status !== 404) throw error;
      }
    }
    const id = () => store.article()!.id;
    const stamp = () => store.article()!.concurrencyStamp;
    return {
      load: (articleId: string) => load(() => api.apiKnowledgeArticlesIdGet({ id: articleId })),
      /** The read view counts a view once per opening. */
      async read(articleId: string): Promise<void> {
        await load(() => api.apiKnowledgeArticlesIdGet({ id: articleId }));
        if (store.article()) void api.apiKnowledgeArticlesIdViewsPost({ id: articleId }).catch(() => undefined);
      },
      readPortal: (articleId: string) => load(() => portal.apiPortalArticlesIdGet({ id: articleId })),
      async loadVersions(): Promise<void> {
        patchState(store, { versions: await api.apiKnowledgeArticlesIdVersionsGet({ id: id() }) });
      },
      create: (body: SaveArticleRequest) => run(() => api.apiKnowledgeArticlesPost({ body })),
      update: (body: SaveArticleRequest) => run(() => api.apiKnowledgeArticlesIdPut({ id: id(), body: { ...body, concurrencyStamp: stamp() } })),
      publish: (publish: boolean) =>
        run(() =>
          publish
            ? api.apiKnowledgeArticlesIdPublishPost({ id: id(), body: { concurrencyStamp: stamp() } })
            : api.apiKnowledgeArticlesIdUnpublishPost({ id: id(), body: { concurrencyStamp: stamp() } }),
        ),
      async restore(number: number): Promise<Article> {
        const article = await run(() => api.apiKnowledgeArticlesIdVersionsNumberRestorePost({ id: id(), number, body: { concurrencyStamp: stamp() } }));
        patchState(store, { versions: await api.apiKnowledgeArticlesIdVersionsGet({ id: article.id }) });
        return article;
      },
      remove: () => api.apiKnowledgeArticlesIdDelete({ id: id() }),
      upload: (file: Blob) => api.apiKnowledgeArticlesAttachmentsPost({ body: { file } }),
      /** Through the article, which checks the reader may read it (staff and portal have their own route). */
      download: (fileId: string, fileName: string, forPortal: boolean) =>
        downloadFile(http, `/api/${forPortal ? 'portal' : 'knowledge'}/articles/${id()}/attachments/${fileId}`, fileName),
      async helpful(helpful: boolean, forPortal: boolean): Promise<void> {
        const r = forPortal
          ? await portal.apiPortalArticlesIdHelpfulPost({ id: id(), body: { helpful } })
          : await api.apiKnowledgeArticlesIdHelpfulPost({ id: id(), body: { helpful } });
        patchState(store, { article: { ...store.article()!, helpfulYes: r.helpfulYes, helpfulNo: r.helpfulNo, myFeedback: r.myFeedback } });
      },
    };
  }),
);
