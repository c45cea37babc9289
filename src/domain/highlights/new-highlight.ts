import * as v from 'valibot';
import { DEFAULT_HIGHLIGHT_COLOR, describeIssues, HighlightSchema, MAX_QUOTE_LENGTH, type Highlight, type HighlightColor, type TextSpan } from './highlight.ts';
import { describeSpan, trimSpan } from './anchoring/text-quote.ts';

export interface NewHighlight {
  articleId: string;
  articleHeadline: string;
  /** The article's text (`articleText()`) and the span of it to highlight. */
  text: string;
  span: TextSpan;
  color?: HighlightColor;
  note?: string;
}

export type NewHighlightOutcome = { ok: true; highlight: Highlight } | { ok: false; reason: 'empty' | 'too-long' | 'invalid' | 'read-only'; message: string };

const count = (n: number) => n.toLocaleString('en');

/**
 * The highlight a selection makes, or why it cannot be made. It is checked against the same schema
 * that reads stored highlights back, so a highlight the reader is shown is never one a later load
 * would drop. `identity` gives the new id and time, asked for only once the passage is fit to keep.
 */
export function buildNewHighlight(input: NewHighlight, identity: () => { id: string; at: string }): NewHighlightOutcome {
  const trimmed = trimSpan(input.text, input.span);
  if (!trimmed) return { ok: false, reason: 'empty', message: 'There is nothing to highlight in the selection.' };
  const length = trimmed.end - trimmed.start;
  if (length > MAX_QUOTE_LENGTH) {
    return {
      ok: false,
      reason: 'too-long',
      message: `This passage is ${count(length)} characters long; a highlight can hold at most ${count(MAX_QUOTE_LENGTH)}. Select a shorter passage.`,
    };
  }
  const { id, at } = identity();
  const candidate: Highlight = {
    id,
    articleId: input.articleId,
    articleHeadline: input.articleHeadline,
    ...describeSpan(input.text, trimmed),
    color: input.color ?? DEFAULT_HIGHLIGHT_COLOR,
    note: input.note ?? '',
    createdAt: at,
    updatedAt: at,
  };
  const checked = v.safeParse(HighlightSchema, candidate);
  if (!checked.success) return { ok: false, reason: 'invalid', message: `This passage cannot be highlighted (${describeIssues(checked.issues)}).` };
  return { ok: true, highlight: checked.output };
}
