import * as v from 'valibot';
import { isReadableTime, LATEST_READABLE_TIME } from './highlight-time.ts';
import { boundedText } from './well-formed-text.ts';

/** Bounds on what a stored or imported highlight may hold, so anchoring stays fast on every render. */
export const MAX_QUOTE_LENGTH = 100_000;
const MAX_CONTEXT_LENGTH = 1_000;
/** Ids are tokens joined with spaces in the page and put in links. */
export const MAX_HIGHLIGHT_ID_LENGTH = 200;
/** Article ids are file names; headlines are lines of text. Generous, but bounded. */
const MAX_ARTICLE_ID_LENGTH = 1_000;
const MAX_HEADLINE_LENGTH = 2_000;

/**
 * A highlight stores both W3C Web Annotation selectors, as Hypothesis does: the position is fast
 * and exact while the text is unchanged; the quote with its context finds the passage again when
 * the article's text has changed between builds.
 */
export const TextQuoteSelectorSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: boundedText(MAX_QUOTE_LENGTH, { min: 1, emptyMessage: 'the quote is empty', what: 'the quote' }),
  prefix: boundedText(MAX_CONTEXT_LENGTH),
  suffix: boundedText(MAX_CONTEXT_LENGTH),
});

export const TextPositionSelectorSchema = v.pipe(
  v.object({
    type: v.literal('TextPositionSelector'),
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    end: v.pipe(v.number(), v.integer(), v.minValue(1)),
  }),
  v.check((selector) => selector.end > selector.start, 'the position ends before it starts'),
);

/** Named colours: the name is in every label, so colour is never the only cue. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];
export const DEFAULT_HIGHLIGHT_COLOR: HighlightColor = 'yellow';
export const HIGHLIGHT_COLOR_LABELS: Record<HighlightColor, string> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink' };

/** Long enough for any real note; bounded so one pasted book cannot fill the browser's storage. */
export const MAX_NOTE_LENGTH = 10_000;

const IsoTimestamp = v.pipe(
  v.string(),
  v.isoTimestamp('not an ISO 8601 date and time'),
  // Merges compare times with Date.parse: a form it cannot read would make them order-dependent.
  v.check((value) => !Number.isNaN(Date.parse(value)), 'not a date and time this browser can read'),
  v.check((value) => isReadableTime(Date.parse(value)), `not between 1970 and ${LATEST_READABLE_TIME.slice(0, 4)}`),
);

const HighlightId = boundedText(MAX_HIGHLIGHT_ID_LENGTH, { min: 1 });

export const HighlightSchema = v.object({
  id: HighlightId,
  articleId: boundedText(MAX_ARTICLE_ID_LENGTH, { min: 1 }),
  /** The headline when the highlight was made, so an orphan can still say where it came from. */
  articleHeadline: boundedText(MAX_HEADLINE_LENGTH),
  quote: TextQuoteSelectorSchema,
  position: TextPositionSelectorSchema,
  color: v.picklist(HIGHLIGHT_COLORS, 'not one of yellow, green, blue or pink'),
  note: boundedText(MAX_NOTE_LENGTH, { what: 'the note' }),
  createdAt: IsoTimestamp,
  /** Changes from two tabs merge by id; the later `updatedAt` wins. */
  updatedAt: IsoTimestamp,
});

/** A deleted highlight's id, kept for a while so another tab's copy is not resurrected by a merge. */
export const TombstoneSchema = v.object({ id: HighlightId, deletedAt: IsoTimestamp });

export type TextQuoteSelector = v.InferOutput<typeof TextQuoteSelectorSchema>;
export type TextPositionSelector = v.InferOutput<typeof TextPositionSelectorSchema>;
export type Highlight = v.InferOutput<typeof HighlightSchema>;
export type Tombstone = v.InferOutput<typeof TombstoneSchema>;

/** Where a highlight sits in the current text of its article: offsets into `articleText()`. */
export interface TextSpan {
  start: number;
  end: number;
}

/** A readable reason for the first problem valibot found, with the path to it. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const [issue] = issues;
  if (!issue) return 'invalid';
  const path = v.getDotPath(issue);
  return path ? `${path}: ${issue.message}` : issue.message;
}
