import { Routes } from '@angular/router';
import { permissionGuard } from '../../../core/permissions/guards';

/** Staff knowledge base pages, mounted at /knowledge (Service.Knowledge; writing needs Service.Knowledge.Manage). */
export const KNOWLEDGE_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./article-list.page').then((m) => m.ArticleListPage) },
  {
    path: 'new',
    canActivate: [permissionGuard],
    data: { permission: 'Service.Knowledge.Manage', breadcrumb: 'knowledge.editor.newTitle' },
    loadComponent: () => import('./article-editor.page').then((m) => m.ArticleEditorPage),
  },
  { path: 'articles/:id', loadComponent: () => import('./article-view.page').then((m) => m.ArticleViewPage) },
  {
    path: 'articles/:id/edit',
    canActivate: [permissionGuard],
    data: { permission: 'Service.Knowledge.Manage', breadcrumb: 'knowledge.editor.editTitle' },
    loadComponent: () => import('./article-editor.page').then((m) => m.ArticleEditorPage),
  },
];

/** Portal article pages: search and read; they stand alone (no staff shell), the portal layout mounts them. */
export const PORTAL_ARTICLE_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./portal-article-search.page').then((m) => m.PortalArticleSearchPage) },
  { path: ':id', loadComponent: () => import('./portal-article.page').then((m) => m.PortalArticlePage) },
];
