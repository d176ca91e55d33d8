/**
 * The knowledge base's portal pages (search and read articles published for customers or partners), for the
 * portal layout to mount under /portal/articles. They use no part of the staff shell.
 */
export { PORTAL_ARTICLE_ROUTES as KNOWLEDGE_PORTAL_ROUTES } from './feature/knowledge.routes';
