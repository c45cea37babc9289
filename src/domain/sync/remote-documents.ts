import * as v from 'valibot';
import { describeIssues, HighlightSchema, TombstoneSchema, type Highlight, type Tombstone } from '../highlights/highlight.ts';
import { ArticleProgressSchema, type ArticleProgress } from '../reading/reading-progress.ts';

/**
 * The layout of a reader's data in their own storage: one small JSON document per record, so a
 * change sends one document and a fresh device fetches only what it lacks.
 *
 *   /broadsheet/<site>/highlights/<highlight id>   a highlight, or the record of its deletion
 *   /broadsheet/<site>/reading/<article id>         where the reader is in an article, and whether it is read
 *
 * `<site>` is `siteNamespace()`: two hosted readers synced to one account never mix.
 */
export const SYNC_MODULE = 'broadsheet';
export const HIGHLIGHTS_FOLDER = 'highlights/';
export const READING_FOLDER = 'reading/';

/** A document's path inside the site's folder. Ids are escaped so that no id can name another folder. */
export const highlightDocumentPath = (id: string): string => HIGHLIGHTS_FOLDER + encodeURIComponent(id);
export const readingDocumentPath = (articleId: string): string => READING_FOLDER + encodeURIComponent(articleId);

/** A highlight as it is kept remotely: its latest version, or its tombstone once deleted. */
export type HighlightRecord = { kind: 'highlight'; highlight: Highlight } | { kind: 'deleted'; tombstone: Tombstone };
export interface ReadingRecord {
  articleId: string;
  entry: ArticleProgress;
}

const HighlightDocumentSchema = v.object({ type: v.literal('highlight'), site: v.string(), highlight: HighlightSchema });
const DeletedHighlightDocumentSchema = v.object({ type: v.literal('deleted-highlight'), site: v.string(), tombstone: TombstoneSchema });
const ReadingDocumentSchema = v.object({
  type: v.literal('reading-position'),
  site: v.string(),
  articleId: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
  entry: ArticleProgressSchema,
});
const AnyDocumentSchema = v.variant('type', [HighlightDocumentSchema, DeletedHighlightDocumentSchema, ReadingDocumentSchema]);

export type HighlightDocument = v.InferOutput<typeof HighlightDocumentSchema> | v.InferOutput<typeof DeletedHighlightDocumentSchema>;
export type ReadingDocument = v.InferOutput<typeof ReadingDocumentSchema>;

export function highlightDocument(site: string, record: HighlightRecord): HighlightDocument {
  return record.kind === 'highlight' ? { type: 'highlight', site, highlight: record.highlight } : { type: 'deleted-highlight', site, tombstone: record.tombstone };
}

export function readingDocument(site: string, record: ReadingRecord): ReadingDocument {
  return { type: 'reading-position', site, articleId: record.articleId, entry: record.entry };
}

export type ParsedDocument =
  | { ok: true; record: { kind: 'highlight-record'; record: HighlightRecord } | { kind: 'reading-record'; record: ReadingRecord } }
  | { ok: false; reason: string };

/**
 * Reads a document that arrived from storage, which anyone with the account (or a broken server)
 * may have written: it must be valid, belong to this site and sit at the path its id names.
 * Never throws; a document that fails says why, in words fit for a notice.
 */
export function parseRemoteDocument(site: string, relativePath: string, value: unknown): ParsedDocument {
  const parsed = v.safeParse(AnyDocumentSchema, value);
  if (!parsed.success) return { ok: false, reason: `${relativePath} is not a record this reader understands (${describeIssues(parsed.issues)})` };
  const document = parsed.output;
  if (document.site !== site) return { ok: false, reason: `${relativePath} belongs to another reader` };
  switch (document.type) {
    case 'highlight':
      if (relativePath !== highlightDocumentPath(document.highlight.id)) return { ok: false, reason: `${relativePath} holds a highlight with another id` };
      return { ok: true, record: { kind: 'highlight-record', record: { kind: 'highlight', highlight: document.highlight } } };
    case 'deleted-highlight':
      if (relativePath !== highlightDocumentPath(document.tombstone.id)) return { ok: false, reason: `${relativePath} holds a deletion of another highlight` };
      return { ok: true, record: { kind: 'highlight-record', record: { kind: 'deleted', tombstone: document.tombstone } } };
    case 'reading-position':
      if (relativePath !== readingDocumentPath(document.articleId)) return { ok: false, reason: `${relativePath} holds the position in another article` };
      return { ok: true, record: { kind: 'reading-record', record: { articleId: document.articleId, entry: document.entry } } };
  }
}
