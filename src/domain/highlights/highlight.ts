import * as v from 'valibot';

/**
 * A highlight stores both W3C Web Annotation selectors, as Hypothesis does: the position is fast
 * and exact while the text is unchanged; the quote with its context finds the passage again when
 * the article's text has changed between builds.
 */
export const TextQuoteSelectorSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(v.string(), v.minLength(1)),
  prefix: v.string(),
  suffix: v.string(),
});

export const TextPositionSelectorSchema = v.pipe(
  v.object({
    type: v.literal('TextPositionSelector'),
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    end: v.pipe(v.number(), v.integer(), v.minValue(1)),
  }),
  v.check((selector) => selector.end > selector.start, 'end must come after start'),
);

export const HighlightSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  articleId: v.pipe(v.string(), v.minLength(1)),
  quote: TextQuoteSelectorSchema,
  position: TextPositionSelectorSchema,
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
});

export type TextQuoteSelector = v.InferOutput<typeof TextQuoteSelectorSchema>;
export type TextPositionSelector = v.InferOutput<typeof TextPositionSelectorSchema>;
export type Highlight = v.InferOutput<typeof HighlightSchema>;

/** Where a highlight sits in the current text of its article: offsets into `articleText()`. */
export interface TextSpan {
  start: number;
  end: number;
}
