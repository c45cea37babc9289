import type { Article } from './article.ts';

/** Look-ups over the bundled articles, in file order. */
export interface Catalog {
  articles: readonly Article[];
  bySlug(slug: string): Article | undefined;
  byId(id: string): Article | undefined;
  neighbours(id: string): { previous: Article | undefined; next: Article | undefined };
}

export function createCatalog(articles: readonly Article[]): Catalog {
  const slugIndex = new Map(articles.map((a) => [a.slug, a]));
  const idIndex = new Map(articles.map((a, index) => [a.id, index]));
  return {
    articles,
    bySlug: (slug) => slugIndex.get(slug),
    byId: (id) => {
      const index = idIndex.get(id);
      return index === undefined ? undefined : articles[index];
    },
    neighbours(id) {
      const index = idIndex.get(id);
      if (index === undefined) return { previous: undefined, next: undefined };
      return { previous: articles[index - 1], next: articles[index + 1] };
    },
  };
}
