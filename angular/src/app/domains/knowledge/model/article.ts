import type {
  ArticleCategoryCountDto,
  ArticleDto,
  ArticleListItemDto,
  ArticleSearchResponse,
  ArticleStatus,
  ArticleVersionDto,
  ArticleVisibility,
} from '../../../shared/api/generated';

export type Article = ArticleDto;
export type ArticleRow = ArticleListItemDto;
export type ArticlePage = ArticleSearchResponse;
export type ArticleVersion = ArticleVersionDto;
export type CategoryCount = ArticleCategoryCountDto;
export type { ArticleStatus, ArticleVisibility };

export const KNOWLEDGE_CATEGORY = 'knowledge-category';
export const VISIBILITIES: readonly ArticleVisibility[] = ['Internal', 'Customers', 'Partners'];
/** The seeded categories: the portal shows them by these translations (it cannot read the tenant's dictionaries). */
export const SEEDED_CATEGORIES = ['product', 'solution', 'case', 'countermeasure', 'faq', 'training'] as const;

export interface ArticleQuery {
  q: string;
  category: string | null;
  status: ArticleStatus | null;
  visibility: ArticleVisibility | null;
  page: number;
  pageSize: number;
}

export const EMPTY_QUERY: ArticleQuery = { q: '', category: null, status: null, visibility: null, page: 1, pageSize: 10 };

/** Counts as the side filter lists them: the busiest first, all of them adding up to the "all" entry. */
export function totalOf(counts: readonly CategoryCount[]): number {
  return counts.reduce((sum, c) => sum + Number(c.count), 0);
}

/** A version's note ("created", "edited", "restored:2") as a translation key and its parameters. */
export function versionNote(note: string): { key: string; params: Record<string, string> } {
  const [kind, from] = note.split(':');
  return { key: `knowledge.versions.note.${kind}`, params: { from: from ?? '' } };
}

export function isSeededCategory(code: string): boolean {
  return (SEEDED_CATEGORIES as readonly string[]).includes(code);
}
