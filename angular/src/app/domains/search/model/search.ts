/** Global search results as the API returns them, and where a hit leads in this app. */
export interface SearchHit {
  type: string;
  id: string;
  title: string;
  subtitle?: string | null;
  link?: string | null;
  highlights: { field: string; fragment: string }[];
}

export interface SearchGroup {
  type: string;
  label: { en?: string | null; zh?: string | null } | Record<string, string | null | undefined>;
  total: number | string;
  totalIsLowerBound: boolean;
  hits: SearchHit[];
}

/** The group's label in the UI language (zh-CN → zh, otherwise en), falling back to the type name. */
export function groupLabel(group: Pick<SearchGroup, 'label' | 'type'>, language: string): string {
  const label = group.label as Record<string, string | null | undefined>;
  const zh = language.startsWith('zh');
  return (zh ? (label['zh'] ?? label['zhCN'] ?? label['zh-CN']) : (label['en'] ?? label['enUS'] ?? label['en-US'])) || group.type;
}

/** "12", or "10,000+" when the count is a lower bound. */
export function groupCount(group: Pick<SearchGroup, 'total' | 'totalIsLowerBound'>): string {
  const total = Number(group.total);
  return group.totalIsLowerBound ? `${total.toLocaleString('en-US')}+` : String(total);
}

/** Groups that have hits, in the server's order. */
export function nonEmpty<T extends { hits: unknown[] }>(groups: T[]): T[] {
  return groups.filter((g) => g.hits.length > 0);
}

/**
 * Router target of a hit's link: a contact (`/customers/{customerId}/contacts/{id}`) opens the customer 360 on its
 * contacts tab; other links are app routes as they are.
 */
export function hitTarget(link: string | null | undefined): { path: string; queryParams?: Record<string, string> } | null {
  if (!link) return null;
  const contact = /^\/customers\/([^/]+)\/contacts\/([^/?#]+)/.exec(link);
  if (contact) return { path: `/customers/${contact[1]}`, queryParams: { tab: 'contacts', contact: contact[2] } };
  return { path: link };
}
