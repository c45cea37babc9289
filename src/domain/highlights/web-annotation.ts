import * as v from 'valibot';
import { APP_NAME } from '../../config/app.ts';
import {
  DEFAULT_HIGHLIGHT_COLOR,
  describeIssues,
  HIGHLIGHT_COLORS,
  HighlightSchema,
  TextPositionSelectorSchema,
  TextQuoteSelectorSchema,
  type Highlight,
} from './highlight.ts';
import { isImportableTime, LATEST_IMPORTED_TIME } from './highlight-time.ts';
import { migrateStoredValue, repairLegacyRecord } from './stored-highlights.ts';
import { withWholeCharacterContext } from './well-formed-text.ts';

/**
 * W3C Web Annotation (JSON-LD) export and import. Each highlight is an Annotation whose target
 * is the article's URL with a TextQuoteSelector and a TextPositionSelector, its note a commenting
 * TextualBody and its colour a tagging one, so other annotation tools can read them. Our own ids
 * travel in a namespaced property so a round trip finds the same articles.
 */
const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const OWN_NAMESPACE = { bs: 'urn:broadsheet:' };
const ID_PREFIX = 'urn:broadsheet:highlight:';
const SAFE_ID = /^\S{1,200}$/;

export interface ArticleRef {
  id: string;
  headline: string;
  url: string;
}

export function toWebAnnotations(highlights: readonly Highlight[], articleRef: (articleId: string) => ArticleRef | undefined, exportedAt: Date) {
  const items = highlights.map((h) => {
    const article = articleRef(h.articleId);
    const body = [
      ...(h.note ? [{ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: h.note }] : []),
      { type: 'TextualBody', purpose: 'tagging', value: h.color },
    ];
    return {
      id: ID_PREFIX + h.id,
      type: 'Annotation',
      motivation: h.note ? 'commenting' : 'highlighting',
      created: h.createdAt,
      modified: h.updatedAt,
      body,
      target: { source: article?.url ?? `${ID_PREFIX}article:${h.articleId}`, selector: [h.quote, h.position] },
      'bs:articleId': h.articleId,
      'bs:articleHeadline': article?.headline ?? h.articleHeadline,
    };
  });
  return {
    '@context': [ANNOTATION_CONTEXT, OWN_NAMESPACE],
    type: 'AnnotationCollection',
    label: `${APP_NAME} highlights`,
    generated: exportedAt.toISOString(),
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

const SelectorSchema = v.looseObject({ type: v.string() });
const TextualBodySchema = v.looseObject({ type: v.optional(v.string()), purpose: v.optional(v.string()), value: v.optional(v.string()) });

const AnnotationSchema = v.looseObject({
  id: v.optional(v.string()),
  type: v.optional(v.union([v.literal('Annotation'), v.array(v.string())])),
  /** The W3C shorthand for a plain-text body. */
  bodyValue: v.optional(v.string()),
  created: v.optional(v.string()),
  modified: v.optional(v.string()),
  // Arrays first: an object schema would also accept an array (arrays are objects). A body may
  // also be a bare IRI (a link), which carries no note and is ignored.
  body: v.optional(v.union([v.array(v.union([TextualBodySchema, v.string()])), TextualBodySchema, v.string()])),
  target: v.looseObject({
    source: v.pipe(v.string(), v.minLength(1, 'the target has no source')),
    selector: v.union([v.array(SelectorSchema), SelectorSchema], 'the target has no selector'),
  }),
  'bs:articleId': v.optional(v.string()),
  'bs:articleHeadline': v.optional(v.string()),
});

export interface Rejection {
  /** 1-based position of the record in the file. */
  record: number;
  reason: string;
}

export interface ParsedImport {
  highlights: Highlight[];
  rejected: Rejection[];
  format: 'web-annotation' | 'broadsheet';
}

export interface ImportContext {
  /** The article a target refers to: by our article id when the file has one, else by its URL. */
  findArticle(ref: { articleId?: string | undefined; source: string }): { id: string; headline: string } | undefined;
  makeId(): string;
  now: Date;
}

function annotationItems(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (record.type === 'Annotation' || (Array.isArray(record.type) && record.type.includes('Annotation'))) return [value];
  if (Array.isArray(record.items)) return record.items;
  const first = record.first as Record<string, unknown> | undefined;
  if (first && Array.isArray(first.items)) return first.items;
  return null;
}

/**
 * Why an imported highlight's times are refused, or null. The schema accepts any time the store can
 * read; a file may only bring times up to `LATEST_IMPORTED_TIME`, which leaves the store's clock room
 * to stamp every later change after them.
 */
function importedTimeProblem(highlight: Highlight): string | null {
  for (const field of ['createdAt', 'updatedAt'] as const) {
    if (!isImportableTime(Date.parse(highlight[field]))) return `${field}: ${highlight[field]} is not between 1970 and ${LATEST_IMPORTED_TIME.slice(0, 4)}`;
  }
  return null;
}

function fromAnnotation(value: unknown, context: ImportContext): Highlight | string {
  const parsed = v.safeParse(AnnotationSchema, value);
  if (!parsed.success) return describeIssues(parsed.issues);
  const annotation = parsed.output;
  const selectors = Array.isArray(annotation.target.selector) ? annotation.target.selector : [annotation.target.selector];
  const quote = v.safeParse(TextQuoteSelectorSchema, withWholeCharacterContext(selectors.find((s) => s.type === 'TextQuoteSelector')));
  if (!quote.success) return `target.selector: no valid TextQuoteSelector (${describeIssues(quote.issues)})`;
  const position = v.safeParse(TextPositionSelectorSchema, selectors.find((s) => s.type === 'TextPositionSelector'));
  const bodies = (annotation.body === undefined ? [] : Array.isArray(annotation.body) ? annotation.body : [annotation.body]).filter(
    (b): b is v.InferOutput<typeof TextualBodySchema> => typeof b !== 'string',
  );
  const note = bodies.find((b) => b.purpose === 'commenting' || (b.purpose === undefined && b.value !== undefined))?.value ?? annotation.bodyValue ?? '';
  const tag = bodies.find((b) => b.purpose === 'tagging' && HIGHLIGHT_COLORS.includes(b.value as never))?.value;
  const article = context.findArticle({ articleId: annotation['bs:articleId'], source: annotation.target.source });
  const created = annotation.created ?? context.now.toISOString();
  const givenId = annotation.id?.startsWith(ID_PREFIX) ? annotation.id.slice(ID_PREFIX.length) : annotation.id;
  const candidate = {
    // Ids are kept when they are plain tokens (they are joined with spaces in the page); others get a new one.
    id: givenId && SAFE_ID.test(givenId) ? givenId : context.makeId(),
    // An article that is not in this build keeps the reference it had: the highlight is listed as an orphan.
    articleId: article?.id ?? annotation['bs:articleId'] ?? annotation.target.source,
    articleHeadline: annotation['bs:articleHeadline'] ?? article?.headline ?? '',
    quote: quote.output,
    position: position.success ? position.output : { type: 'TextPositionSelector', start: 0, end: quote.output.exact.length },
    color: tag ?? DEFAULT_HIGHLIGHT_COLOR,
    note,
    createdAt: created,
    updatedAt: annotation.modified ?? created,
  };
  // The same schema that guards stored data guards imported data.
  const highlight = v.safeParse(HighlightSchema, candidate);
  if (!highlight.success) return describeIssues(highlight.issues);
  return importedTimeProblem(highlight.output) ?? highlight.output;
}

/**
 * Reads an import file's parsed JSON: a W3C AnnotationCollection, AnnotationPage, Annotation or
 * array of them, or this app's own stored format. Every record is validated on its own: the
 * valid ones are returned and every invalid one is rejected with a reason.
 */
export function parseHighlightsImport(value: unknown, context: ImportContext): ParsedImport | { error: string } {
  const rejected: Rejection[] = [];
  const highlights: Highlight[] = [];
  const isOwnFormat = typeof value === 'object' && value !== null && !Array.isArray(value) && 'version' in value;
  if (isOwnFormat) {
    const current = migrateStoredValue(value);
    if ('error' in current) return { error: current.error };
    current.highlights.forEach((record, index) => {
      // Times are not repaired here: a file's out-of-range time is refused with its reason.
      const result = v.safeParse(HighlightSchema, repairLegacyRecord(record, []));
      const problem = result.success ? importedTimeProblem(result.output) : describeIssues(result.issues);
      if (problem !== null || !result.success) rejected.push({ record: index + 1, reason: problem ?? 'invalid' });
      else highlights.push(SAFE_ID.test(result.output.id) ? result.output : { ...result.output, id: context.makeId() });
    });
    return { highlights, rejected, format: 'broadsheet' };
  }
  const items = annotationItems(value);
  if (!items) return { error: `this is neither a Web Annotation file nor a ${APP_NAME} highlights file` };
  items.forEach((item, index) => {
    const result = fromAnnotation(item, context);
    if (typeof result === 'string') rejected.push({ record: index + 1, reason: result });
    else highlights.push(result);
  });
  return { highlights, rejected, format: 'web-annotation' };
}
