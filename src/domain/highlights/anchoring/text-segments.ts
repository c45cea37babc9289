import type { TextSpan } from '../highlight.ts';

export interface AnchoredSpan extends TextSpan {
  id: string;
}

/** A run of a paragraph's text covered by the same set of highlights (none, one, or overlapping). */
export interface ParagraphSegment {
  text: string;
  /** Offset of the segment in the article's text. */
  start: number;
  /** Highlights covering this run, in the order given. */
  highlightIds: string[];
  /** Highlights that begin in this run: their first segment is where links and focus land. */
  startingIds: string[];
}

/**
 * Splits one paragraph into segments at every highlight boundary inside it, so the view can wrap
 * highlighted runs in <mark> while the text itself stays exactly as written.
 */
export function segmentParagraph(paragraph: string, paragraphStart: number, spans: readonly AnchoredSpan[]): ParagraphSegment[] {
  const paragraphEnd = paragraphStart + paragraph.length;
  const inside = spans.filter((s) => s.start < paragraphEnd && s.end > paragraphStart);
  if (inside.length === 0) return paragraph ? [{ text: paragraph, start: paragraphStart, highlightIds: [], startingIds: [] }] : [];

  const cuts = new Set<number>([paragraphStart, paragraphEnd]);
  for (const span of inside) {
    cuts.add(Math.max(span.start, paragraphStart));
    cuts.add(Math.min(span.end, paragraphEnd));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: ParagraphSegment[] = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const covering = inside.filter((s) => s.start < end && s.end > start);
    segments.push({
      text: paragraph.slice(start - paragraphStart, end - paragraphStart),
      start,
      highlightIds: covering.map((s) => s.id),
      startingIds: covering.filter((s) => s.start >= start && s.start < end).map((s) => s.id),
    });
  }
  return segments;
}
