import { APP_NAME } from '../../config/app.ts';
import { HIGHLIGHT_COLOR_LABELS, type Highlight } from './highlight.ts';
import type { ArticleRef } from './web-annotation.ts';

/**
 * Backslash-escapes what Markdown would otherwise read as formatting, HTML or an entity, and
 * line starts that would become a list, a heading rule or a quote.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|~&]/g, (char) => `\\${char}`)
    .split('\n')
    .map((line) => line.replace(/^(\s*)([-+=]|\d+(?=[.)]))/, (_match, space: string, marker: string) => (/\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`)))
    .join('\n');
}

function blockQuote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join('\n>\n');
}

/**
 * All highlights as Markdown: one section per article (headline linked), each quote as a block
 * quote with its note and a link back to the passage; highlights whose article is gone come last.
 */
export function highlightsToMarkdown(
  highlights: readonly Highlight[],
  articleRef: (articleId: string) => ArticleRef | undefined,
  passageUrl: (highlight: Highlight) => string | undefined,
  exportedAt: Date,
): string {
  const groups = new Map<string, Highlight[]>();
  for (const h of highlights) groups.set(h.articleId, [...(groups.get(h.articleId) ?? []), h]);
  const date = exportedAt.toISOString().slice(0, 10);
  const lines = [
    '# Highlights',
    '',
    `Exported from ${APP_NAME} on ${date}: ${highlights.length} highlight${highlights.length === 1 ? '' : 's'} from ${groups.size} article${groups.size === 1 ? '' : 's'}.`,
  ];
  const known = [...groups].filter(([id]) => articleRef(id));
  const gone = [...groups].filter(([id]) => !articleRef(id));
  const entry = (h: Highlight) => {
    const url = passageUrl(h);
    const meta = [HIGHLIGHT_COLOR_LABELS[h.color], h.createdAt.slice(0, 10), url ? `[Open at this passage](<${url}>)` : ''].filter(Boolean).join(' · ');
    return ['', blockQuote(h.quote.exact), ...(h.note ? ['', `**Note:** ${escapeMarkdown(h.note).replace(/\n/g, '  \n')}`] : []), '', meta];
  };
  for (const [id, own] of known) {
    const article = articleRef(id) as ArticleRef;
    lines.push('', `## [${escapeMarkdown(article.headline)}](<${article.url}>)`);
    for (const h of own) lines.push(...entry(h));
  }
  if (gone.length > 0) {
    lines.push('', '## Not found in the current text');
    for (const [, own] of gone) {
      lines.push('', `### ${escapeMarkdown(own[0]?.articleHeadline || 'Unknown article')}`);
      for (const h of own) lines.push(...entry(h));
    }
  }
  return `${lines.join('\n')}\n`;
}
