/**
 * The article's text as one string, the coordinate system of every highlight: paragraphs joined by a
 * single newline. Positions stored in highlights (TextPositionSelector) are offsets into this string.
 */
export const PARAGRAPH_SEPARATOR = '\n';

export function articleText(paragraphs: readonly string[]): string {
  return paragraphs.join(PARAGRAPH_SEPARATOR);
}

/** Offset at which each paragraph starts in `articleText(paragraphs)`. */
export function paragraphStarts(paragraphs: readonly string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const paragraph of paragraphs) {
    starts.push(offset);
    offset += paragraph.length + PARAGRAPH_SEPARATOR.length;
  }
  return starts;
}
