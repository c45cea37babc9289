/**
 * Lines that news sites append after the story. They are dropped only at the end of an article,
 * so a paragraph that happens to quote one of them mid-story is kept.
 * Each pattern matches a whole (trimmed) line; add new ones here and nowhere else.
 */
export const TRAILING_BOILERPLATE: readonly RegExp[] = [
  /^(think your friends would be interested\?\s*)?share this (story|article|post)[!.]?$/i,
  /^(like this story\?\s*)?share (it|this) (with|on) .{1,40}[!.]?$/i,
  /^comments (are|have been) (closed|disabled)[!.]?$/i,
  /^(please )?(leave|post) a comment[!.]?$/i,
  /^(follow|like) us on .{1,60}[!.]?$/i,
  /^(sign up|subscribe) (for|to) (our|the) .{0,40}newsletter.{0,80}$/i,
  /^advertisement$/i,
  /^(read more|related|see also)[:.]?$/i,
  /^all rights reserved\.?$/i,
  /^©.{0,80}$/u,
  // "(c) Example Media Ltd" or "(c) 2020 …", but not a list item such as "(c) any other remedy."
  // Words must be separated by whitespace: with no separator the capitals could be split any number of ways (exponential backtracking).
  /^\([cC]\)\s*(\d{4}\b.{0,80}|\p{Lu}[\p{L}\p{N}.&'’-]*(\s+\p{Lu}[\p{L}\p{N}.&'’-]*){0,7})$/u,
  /^copyright\s+(©|\(c\)|\d{4}).{0,80}$/i,
];

export function isBoilerplate(line: string): boolean {
  return TRAILING_BOILERPLATE.some((pattern) => pattern.test(line));
}

/** Removes boilerplate lines from the end; returns the kept paragraphs and how many were removed. */
export function stripTrailingBoilerplate(paragraphs: readonly string[]): { kept: string[]; removed: number } {
  let end = paragraphs.length;
  while (end > 0 && isBoilerplate(paragraphs[end - 1] ?? '')) end -= 1;
  return { kept: paragraphs.slice(0, end), removed: paragraphs.length - end };
}
