declare module 'virtual:articles' {
  import type { Article } from './domain/articles/article.ts';
  export const articles: readonly Article[];
}
