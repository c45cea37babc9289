import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { longHeadline, utf8 } from '../../../tests/tools/make-hostile-seeds.ts';
import { routeDocuments } from '../../../tests/fixtures/route-documents.ts';
import { article, articleIn, corpus, removeTemporaryDirs, routeOf, seedsFolder, SHELL, skipOf, temporaryDir, titleOf, URL_SAFE_SLUG, warningsOf } from '../../../tests/fixtures/hostile-corpus.ts';
import { APP_NAME, escapeHtml } from '../../build/route-documents.ts';
import { loadCorpus } from '../../build/in-memory-corpus.ts';
import { buildCorpus, formatCorpusReport } from './build-corpus.ts';
import { HEADLINE_DISPLAY_LENGTH, shortenHeadline } from './shorten-headline.ts';
import { shortHash } from './short-hash.ts';

/**
 * Hostile seeds that are built: their headlines, text, slugs, page titles and file names come out
 * as the reader wrote them, as text, at addresses every file system and URL can hold. Which files
 * are built or skipped, and why: hostile-seeds-reading.test.ts.
 */

afterEach(removeTemporaryDirs);

describe('a 2,000-character headline', () => {
  const headline = longHeadline(2000);

  it('is kept whole in the article', () => {
    expect(headline).toHaveLength(2000);
    expect(article('11-long-headline').headline).toBe(headline);
    expect(article('11-long-headline').paragraphs).toEqual(['The rest of the story is short.']);
  });

  it('is shown shortened by shortenHeadline: at most 200 characters, cut at a word, ending in …', () => {
    const shown = shortenHeadline(article('11-long-headline').headline);
    expect(shown.endsWith('…')).toBe(true);
    const kept = shown.slice(0, -1);
    expect(kept.length).toBeLessThanOrEqual(HEADLINE_DISPLAY_LENGTH);
    expect(kept.length).toBeGreaterThan(HEADLINE_DISPLAY_LENGTH * 0.6);
    expect(headline.startsWith(`${kept} `)).toBe(true);
  });

  it('makes the build report warn "headline is 2,000 characters; the list shows the first 200"', () => {
    expect(warningsOf(corpus, '11-long-headline.txt')).toEqual(['headline is 2,000 characters; the list shows the first 200']);
    expect(formatCorpusReport(corpus).split('\n')).toContain('  seeds/11-long-headline.txt: headline is 2,000 characters; the list shows the first 200');
  });

  it('gets a slug of whole words within 80 characters and a shortened page title', () => {
    const built = article('11-long-headline');
    expect(built.slug).toBe('parliament-debates-the-longest-headline-ever-scraped-from-a-regional-news-site');
    const title = titleOf(routeOf(built)?.html ?? '') ?? '';
    expect(title.length).toBeLessThan(200);
    expect(title.endsWith(`… · ${APP_NAME}`)).toBe(true);
  });
});

describe('HTML and script in a seed', () => {
  const headline = `<script>alert(1)</script> Breaking: <img src=x onerror=alert(1)> "quotes" & 'apostrophes'`;

  it('keeps tags, event handlers and quotes in the headline as literal text', () => {
    expect(article('12-html-and-script').headline).toBe(headline);
  });

  it('keeps tags, javascript: URLs, entities and "$&" patterns in the body as literal text, nothing stripped or decoded', () => {
    expect(article('12-html-and-script').paragraphs).toEqual([
      `"><svg onload=alert(1)>`,
      `<a href="javascript:alert(1)">javascript:alert(1)</a>`,
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      'Entities stay as typed: &lt;b&gt; &amp; &#60;script&#62;',
      '<!-- comment --> <style>body{display:none}</style> </textarea></title>',
      "$& $' $` $$ and {{constructor.constructor('alert(1)')()}}",
    ]);
    expect(warningsOf(corpus, '12-html-and-script.txt')).toEqual([]);
  });

  it('gets a URL-safe slug and an HTML-escaped page title, adding no tag to the page', () => {
    const built = article('12-html-and-script');
    expect(built.slug).toMatch(URL_SAFE_SLUG);
    const page = routeOf(built);
    expect(page?.fileName).toBe(`article/${built.slug}/index.html`);
    const html = page?.html ?? '';
    expect(titleOf(html)).toBe(`${escapeHtml(headline)} · ${APP_NAME}`);
    expect(titleOf(html)).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    for (const tag of ['<script>alert', '<img src=x', '<svg', '<a href']) expect(html).not.toContain(tag);
    // As many tags as the page of a harmless article: the payload added none.
    const harmless = routeOf(article('20 name with spaces'))?.html ?? '';
    expect(html.match(/</g)).toHaveLength(harmless.match(/</g)?.length ?? 0);
  });
});

describe('invisible and right-to-left characters', () => {
  it('keeps zero-width space and joiner, a mid-text U+FEFF and bidi overrides exactly', () => {
    const built = article('13-invisible-characters');
    expect(built.headline).toBe('Zero\u200bwidth\u200dand\ufeffbidi \u202eevil\u202c headline');
    expect(built.paragraphs).toEqual([
      'A zero\u200bwidth space, a zero\u200dwidth joiner and a\ufeffBOM sit inside words.',
      'The override \u202etxt.exe\u202c and the isolate \u2066abc\u2069 \u2067דוד\u2069 stay.',
      'Marks \u200eleft\u200e and \u200fright\u200f, a word\u2060joiner and a soft\u00adhyphen.',
    ]);
    expect(warningsOf(corpus, '13-invisible-characters.txt')).toEqual([]);
  });

  it('leaves the invisible characters out of the slug', () => {
    expect(article('13-invisible-characters').slug).toBe('zero-width-and-bidi-evil-headline');
  });

  it('keeps Arabic with harakat and Hebrew with niqqud exactly, and slugs the Arabic headline in Arabic', () => {
    const built = article('14-arabic-hebrew');
    expect(built.headline).toBe('الأسواق تَنتعِش بعد قرار ٢٠٢٤');
    expect(built.paragraphs).toEqual([
      'قال الوزير إنَّ الاقتصاد «مستقر» رغم التضخم (3.5%).',
      'הַמֶּמְשָׁלָה אישרה את התקציב החדש ל-2025, כך נמסר.',
      'Mixed: the ministry (وزارة المالية) and the Knesset (הכנסת) agreed.',
    ]);
    expect(built.slug).toBe('الأسواق-تَنتعِش-بعد-قرار-٢٠٢٤');
    expect(built.slug).toMatch(URL_SAFE_SLUG);
  });
});

describe('emoji', () => {
  const graphemes = (text: string) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

  it('keeps ZWJ sequences, flags, tag-sequence flags, skin tones and keycaps intact', () => {
    const built = article('15-emoji');
    expect(built.headline).toBe('🇺🇦 Kyiv marathon 🏃‍♀️ draws 👩‍👩‍👧‍👦 families');
    expect(built.paragraphs).toEqual([
      'Runners from 🇯🇵, 🇧🇷 and 🏴󠁧󠁢󠁥󠁮󠁧󠁿 joined; the 🏳️‍🌈 flag flew at the start.',
      'Volunteers 👍🏽 handed out water 💧 at kilometre 1️⃣0️⃣, a 🧑‍💻 kept time.',
    ]);
    const all = graphemes([built.headline, ...built.paragraphs].join(' '));
    for (const emoji of ['🇺🇦', '🏃‍♀️', '👩‍👩‍👧‍👦', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '🏳️‍🌈', '👍🏽', '1️⃣', '🧑‍💻']) expect(all).toContain(emoji);
  });

  it('gives the emoji headline a slug of its words only, with no variation selector left over from 🏃‍♀️', () => {
    // Bug: slugify drops the emoji but keeps U+FE0F, a mark, so the slug has an invisible word.
    expect(article('15-emoji').slug).toBe('kyiv-marathon-draws-families');
  });
});

describe('duplicate seeds', () => {
  it('builds both files with the same text and warns on the second "same text as 16-same-text-a.txt"', () => {
    const first = article('16-same-text-a');
    const second = article('17-same-text-b');
    expect(second.paragraphs).toEqual(first.paragraphs);
    expect(first.slug).toBe('bridge-reopens-after-repairs');
    expect(second.slug).toBe(`bridge-reopens-after-repairs-${shortHash('17-same-text-b')}`);
    expect(warningsOf(corpus, '16-same-text-a.txt')).toEqual([]);
    expect(warningsOf(corpus, '17-same-text-b.txt')).toEqual(['same text as 16-same-text-a.txt']);
  });

  it('gives two files with the same headline distinct slugs and warns on the second that it gets its own address', () => {
    expect(article('18-same-headline-a').slug).toBe('local-team-wins-the-cup');
    expect(article('19-same-headline-b').slug).toBe(`local-team-wins-the-cup-${shortHash('19-same-headline-b')}`);
    expect(warningsOf(corpus, '18-same-headline-a.txt')).toEqual([]);
    expect(warningsOf(corpus, '19-same-headline-b.txt')).toEqual(['same headline as 18-same-headline-a.txt; it gets its own address']);
  });

  it('names the files as they are spelled, .TXT included, in a same-text warning', () => {
    const text = utf8('Copied story\nThe same words twice.');
    const copies = buildCorpus([
      { name: 'ORIGINAL.TXT', bytes: text },
      { name: 'SECOND.TXT', bytes: text },
    ]);
    // Bug: the warning is built from `${id}.txt`, naming SECOND.txt and ORIGINAL.txt, which do not exist.
    expect(copies.warnings).toEqual([{ file: 'SECOND.TXT', message: 'same text as ORIGINAL.TXT' }]);
  });
});

describe('file names', () => {
  const committed = [
    ['20 name with spaces.txt', '20 name with spaces'],
    ['21 Ünïcödé naïve Zürich 東京.txt', '21 Ünïcödé naïve Zürich 東京'],
    ['22 #hash#tag.txt', '22 #hash#tag'],
    ['23 100% sure %20 %zz.txt', '23 100% sure %20 %zz'],
  ] as const;

  it.each(committed)('builds "%s" with the file name, unchanged, as its id', (name, id) => {
    expect(skipOf(name)).toBeUndefined();
    expect(article(id).id).toBe(id);
    expect(warningsOf(corpus, name)).toEqual([]);
  });

  it.each(committed)('gives "%s" a URL-safe slug from its headline, not its file name', (_name, id) => {
    expect(article(id).slug).toMatch(URL_SAFE_SLUG);
  });

  it('slugs the headlines of those files as expected', () => {
    expect(committed.map(([, id]) => article(id).slug)).toEqual([
      'spaces-in-names-quotes-in-headlines',
      'unicode-names-zurich-東京-and-łodz',
      'hashtags-win-b-big-b-tonight',
      '100-sure-20-isn-t-a-space-zz-isn-t-an-escape',
    ]);
  });

  it.each(committed)('routes "%s" to article/<slug>/index.html with its headline HTML-escaped in <title>', (_name, id) => {
    const built = article(id);
    const page = routeOf(built);
    expect(page?.fileName).toBe(`article/${built.slug}/index.html`);
    expect(titleOf(page?.html ?? '')).toBe(`${escapeHtml(built.headline)} · ${APP_NAME}`);
  });

  it('builds names Windows cannot hold (? < > " * | :) with the names as ids and URL-safe slugs', () => {
    const names = ['what?.txt', '<b>bold<b>.txt', 'say "hi".txt', 'a>b.txt', 'star*pipe|colon:.txt'];
    const folder = loadCorpus(seedsFolder(Object.fromEntries(names.map((name, index) => [name, `Odd <name> "${index}" & more?\nBody ${index}.`]))));
    expect(folder.skipped).toEqual([]);
    expect(folder.articles.map((a) => a.id).sort()).toEqual(names.map((name) => name.slice(0, -'.txt'.length)).sort());
    for (const built of folder.articles) {
      expect(built.slug).toMatch(URL_SAFE_SLUG);
      const page = routeOf(built);
      expect(page?.fileName).toBe(`article/${built.slug}/index.html`);
      expect(titleOf(page?.html ?? '')).toMatch(/^Odd &#60;name&#62; &#34;\d&#34; &#38; more\? · Broadsheet$/);
    }
  });

  it('never gives two articles the same id, even for "story.txt" and "story.TXT" side by side', () => {
    // In memory: on a case-insensitive disk (macOS, Windows) the two files could not both exist; on Linux they can.
    const folder = buildCorpus([
      { name: 'story.txt', bytes: utf8('Lower case\nBody one.') },
      { name: 'story.TXT', bytes: utf8('Upper case\nBody two.') },
    ]);
    const ids = folder.articles.map((a) => a.id);
    expect(ids.length + folder.skipped.length).toBe(2);
    // Bug: both ids are "story", so their highlights would be stored under one key.
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every article of the hostile folder a route file that can be written to disk', () => {
    const out = temporaryDir();
    const pages = routeDocuments(SHELL, corpus.articles);
    for (const page of pages) {
      mkdirSync(path.dirname(path.join(out, page.fileName)), { recursive: true });
      writeFileSync(path.join(out, page.fileName), page.html);
    }
    expect(new Set(pages.map((p) => p.fileName)).size).toBe(corpus.articles.length + 2);
  });

  it('keeps the slug of a one-word headline in a 4-byte script within the 255-byte file-name limit', () => {
    const headline = '𠀀'.repeat(100); // CJK Extension B: one word, 4 bytes per character in UTF-8
    const built = articleIn(buildCorpus([{ name: 'ext-b.txt', bytes: utf8(`${headline}\nBody.`) }]), 'ext-b');
    expect(built.slug).toMatch(URL_SAFE_SLUG);
    // Bug: the slug is cut to 80 code points = 320 bytes, so writing article/<slug>/index.html fails with ENAMETOOLONG.
    expect(new TextEncoder().encode(built.slug).length).toBeLessThanOrEqual(255);
  });
});
