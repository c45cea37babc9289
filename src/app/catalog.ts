import { articles } from 'virtual:articles';
import { createCatalog } from '../domain/articles/catalog.ts';

/** The articles the build parsed from seeds/, with look-ups by slug and id. */
export const catalog = createCatalog(articles);
