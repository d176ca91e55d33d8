import { inject } from '@angular/core';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { KnowledgeService, PortalKnowledgeService } from '../../../shared/api/generated';
import { ArticlePage, ArticleQuery, EMPTY_QUERY } from '../model/article';

interface ArticleListState {
  query: ArticleQuery;
  page: ArticlePage | null;
  loading: boolean;
}

/**
 * The article list and search of the staff page and of the portal (same answer shape): the latest request wins
 * (typing fires several). Counts by category come with every answer.
 */
export const ArticleListStore = signalStore(
  withState<ArticleListState>({ query: EMPTY_QUERY, page: null, loading: false }),
  withMethods((store, staff = inject(KnowledgeService), portal = inject(PortalKnowledgeService)) => {
    let request = 0;
    async function load(change: Partial<ArticleQuery>, forPortal: boolean): Promise<void> {
      const mine = ++request;
      const query = { ...store.query(), ...change };
      patchState(store, { query, loading: true });
      try {
        const q = query.q.trim() || undefined;
        const category = query.category ?? undefined;
        const page = forPortal
          ? await portal.apiPortalArticlesGet({ q, category, page: query.page, pageSize: query.pageSize })
          : await staff.apiKnowledgeArticlesGet({
              Q: q,
              Category: category,
              Status: query.status ?? undefined,
              Visibility: query.visibility ?? undefined,
              Page: query.page,
              PageSize: query.pageSize,
            });
        if (mine === request) patchState(store, { page, loading: false });
      } catch (e) {
        if (mine === request) patchState(store, { loading: false });
        throw e;
      }
    }
    return {
      load: (change: Partial<ArticleQuery> = {}) => load(change, false),
      loadPortal: (change: Partial<ArticleQuery> = {}) => load(change, true),
    };
  }),
);
