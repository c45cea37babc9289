/** Beyond this a headline is a paragraph, not a headline: the list shows it cut, the article in full. */
export const HEADLINE_DISPLAY_LENGTH = 200;

export function shortenHeadline(headline: string, maxLength = HEADLINE_DISPLAY_LENGTH): string {
  const characters = [...headline];
  if (characters.length <= maxLength) return headline;
  const cut = characters.slice(0, maxLength).join('');
  const atWord = cut.lastIndexOf(' ') > maxLength * 0.6 ? cut.slice(0, cut.lastIndexOf(' ')) : cut;
  return `${atWord.trimEnd()}…`;
}
