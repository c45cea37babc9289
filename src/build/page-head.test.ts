import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../tests/fixtures/articles.ts';
import { PAGE_DATA_ID } from '../domain/articles/corpus-layout.ts';
import { APP_NAME, articleHead, composePage, escapeHtml, escapeScriptData, headTags, HIGHLIGHTS_HEAD, LIST_HEAD, NOT_FOUND_HEAD, type PageHead } from './page-head.ts';

/** The app's own index.html, as written in the repository (absolute "/…" URLs, as Vite reads it). */
const SOURCE_SHELL = readFileSync(path.resolve(import.meta.dirname, '../../index.html'), 'utf8');
/** The same page as a relative build writes it: Vite turns its URLs into "./…" ones. */
const BUILT_SHELL = SOURCE_SHELL.replaceAll('%BASE_URL%', './').replace(/(src|href)="\//g, '$1="./');

/** A small shell with "./" URLs in the head and in the body, outside the root. */
const SMALL_SHELL = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="Shell description." />
    <link rel="icon" href="./favicon.svg" />
    <title>Shell title</title>
    <script type="module" src="./assets/index-abc.js"></script>
    <link rel="stylesheet" href="./assets/index-def.css">
  </head>
  <body>
    <a href="./outside/">Outside the root</a>
    <div id="root"></div>
    <img src="./pixel.png" alt="" />
  </body>
</html>
`;

const ARTICLE_HEAD: PageHead = { title: 'A story · Broadsheet', description: 'How it began.', path: 'article/a-story/', type: 'article' };

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');
/** The document's head (everything before <body), as text. */
const headOf = (html: string) => html.slice(0, html.indexOf('<body'));
const bodyOf = (html: string) => html.slice(html.indexOf('<body'));
/** Every src and href value in a piece of HTML, in order. */
const urlsIn = (html: string) => [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
const metaContent = (document: Document, selector: string) => document.head.querySelector(selector)?.getAttribute('content');

describe('escapeHtml', () => {
  it('escapes &, <, >, " and \' as numeric character references', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&#38;&#60;&#62;&#34;&#39;');
  });

  it('escapes text that already looks like an entity again, since it is text, not HTML', () => {
    expect(escapeHtml('&amp; &#60;')).toBe('&#38;amp; &#38;#60;');
  });

  it('leaves text without those characters unchanged, non-ASCII and "$" included', () => {
    expect(escapeHtml('Zürich 😀 $1 $$ `x` = 1/2')).toBe('Zürich 😀 $1 $$ `x` = 1/2');
  });

  it('gives back the original text when the result is parsed as an attribute value or as text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '&', '<', '>', '"', "'", '#', ';', '3', '9', '=', '/', '`', 'é', '😀', 'amp', 'lt'), maxLength: 30 });
    fc.assert(
      fc.property(text, (value) => {
        const document = parseHtml(`<p title="${escapeHtml(value)}">${escapeHtml(value)}</p>`);
        const paragraph = document.body.querySelector('p');
        expect(paragraph?.getAttribute('title')).toBe(value);
        expect(paragraph?.textContent).toBe(value);
        expect(document.body.querySelectorAll('*')).toHaveLength(1);
      }),
    );
  });
});

describe('articleHead', () => {
  it("titles the page with the headline and the app's name, describes it with the excerpt and puts it at article/<slug>/", () => {
    const article = makeArticle('seed-file-name', 'Rain expected in the north', ['Clouds gather over the hills tonight.'], { slug: 'rain-expected' });
    expect(articleHead(article)).toEqual({
      title: `Rain expected in the north · ${APP_NAME}`,
      description: 'Clouds gather over the hills tonight.',
      path: 'article/rain-expected/',
      type: 'article',
    });
  });

  it('uses the excerpt, not the whole first paragraph, as the description', () => {
    const article = makeArticle('a', 'Headline', ['Body.'], { excerpt: 'Just the excerpt…' });
    expect(articleHead(article).description).toBe('Just the excerpt…');
  });

  it('keeps a headline of exactly 120 characters whole', () => {
    const headline = `${'word '.repeat(23)}words`;
    expect(headline).toHaveLength(120);
    expect(articleHead(makeArticle('a', headline, ['Body.'])).title).toBe(`${headline} · ${APP_NAME}`);
  });

  it('cuts a longer headline at a word boundary to at most 120 characters and an ellipsis', () => {
    const headline = `${'Parliament debates the budget again '.repeat(5)}today`;
    const { title } = articleHead(makeArticle('a', headline, ['Body.']));
    const shown = title.slice(0, -` · ${APP_NAME}`.length);
    expect(title.endsWith(`… · ${APP_NAME}`)).toBe(true);
    const cut = shown.slice(0, -1);
    expect(cut.length).toBeLessThanOrEqual(120);
    expect(cut.length).toBeGreaterThan(72);
    expect(headline.startsWith(cut)).toBe(true);
    expect(headline[cut.length]).toBe(' ');
  });

  it('shortens any longer headline to a prefix of at most 120 characters and an ellipsis (text without emoji)', () => {
    // Characters outside the BMP (emoji) are covered by the next test.
    const bmpText = fc.string({ unit: fc.constantFrom('a', 'B', ' ', 'é', 'ж', '日', '-', '.'), minLength: 1, maxLength: 300 });
    fc.assert(
      fc.property(bmpText, (headline) => {
        const { title } = articleHead(makeArticle('a', headline, ['Body.']));
        expect(title.endsWith(` · ${APP_NAME}`)).toBe(true);
        const shown = title.slice(0, -` · ${APP_NAME}`.length);
        if (headline.length <= 120) {
          expect(shown).toBe(headline);
        } else {
          expect(shown.endsWith('…')).toBe(true);
          const cut = shown.slice(0, -1);
          expect(cut.length).toBeLessThanOrEqual(120);
          expect(headline.startsWith(cut)).toBe(true);
        }
      }),
    );
  });

  it('never adds an ellipsis to a headline it has not cut, as with 61 emoji (122 UTF-16 code units)', () => {
    // Whether the limit counts characters (61: keep it whole) or code units (122: cut it), the
    // title must not show the whole headline followed by "…".
    const headline = '😀'.repeat(61);
    const shown = articleHead(makeArticle('a', headline, ['Body.'])).title.slice(0, -` · ${APP_NAME}`.length);
    const kept = shown.endsWith('…') ? shown.slice(0, -1) : shown;
    if (kept === headline) expect(shown).toBe(headline);
    else expect(headline.startsWith(kept)).toBe(true);
  });
});

describe('headTags', () => {
  const tagsDocument = (head: PageHead, siteUrl?: string) => parseHtml(`<!doctype html><html><head>${headTags(head, siteUrl)}</head><body></body></html>`);

  it('gives the description, Open Graph and Twitter card tags from the page head', () => {
    const document = tagsDocument(ARTICLE_HEAD);
    expect(metaContent(document, 'meta[name="description"]')).toBe('How it began.');
    expect(metaContent(document, 'meta[property="og:site_name"]')).toBe(APP_NAME);
    expect(metaContent(document, 'meta[property="og:type"]')).toBe('article');
    expect(metaContent(document, 'meta[property="og:title"]')).toBe('A story · Broadsheet');
    expect(metaContent(document, 'meta[property="og:description"]')).toBe('How it began.');
    expect(metaContent(document, 'meta[name="twitter:card"]')).toBe('summary');
    expect(metaContent(document, 'meta[name="twitter:title"]')).toBe('A story · Broadsheet');
    expect(metaContent(document, 'meta[name="twitter:description"]')).toBe('How it began.');
  });

  it('marks the list, highlights and 404 pages as websites', () => {
    for (const head of [LIST_HEAD, HIGHLIGHTS_HEAD, NOT_FOUND_HEAD]) expect(metaContent(tagsDocument(head), 'meta[property="og:type"]')).toBe('website');
  });

  it('gives no canonical link and no og:url without a site URL', () => {
    const document = tagsDocument(ARTICLE_HEAD);
    expect(document.head.querySelector('link[rel="canonical"]')).toBeNull();
    expect(document.head.querySelector('meta[property="og:url"]')).toBeNull();
    expect(headTags(ARTICLE_HEAD, undefined)).not.toMatch(/canonical|og:url/);
  });

  it('gives a canonical link and og:url resolved against the site URL when one is given', () => {
    const document = tagsDocument({ ...ARTICLE_HEAD, path: 'article/x/' }, 'https://example.org/reader/');
    expect(document.head.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://example.org/reader/article/x/');
    expect(metaContent(document, 'meta[property="og:url"]')).toBe('https://example.org/reader/article/x/');
  });

  it("gives the list page the site URL itself as its canonical URL", () => {
    const document = tagsDocument(LIST_HEAD, 'https://example.org/reader/');
    expect(document.head.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://example.org/reader/');
  });

  it('percent-encodes a non-ASCII slug in the canonical URL', () => {
    const head = articleHead(makeArticle('a', 'Zürich', ['Body.'], { slug: 'zürich-ñ' }));
    const document = tagsDocument(head, 'https://example.org/');
    expect(document.head.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://example.org/article/z%C3%BCrich-%C3%B1/');
  });

  it('HTML-escapes every value, so a headline with "><script> and & stays one attribute value', () => {
    const hostile = `Breaking: "><script>alert('x')</script> & <b>more</b>`;
    const head: PageHead = { title: hostile, description: `${hostile} (description)`, path: 'article/x/', type: 'article' };
    const tags = headTags(head, 'https://example.org/reader/');
    expect(tags).not.toContain('"><script>');
    expect(tags).not.toMatch(/&(?!#\d+;)/);
    const document = tagsDocument(head, 'https://example.org/reader/');
    expect(document.querySelectorAll('script, b')).toHaveLength(0);
    expect(document.head.children).toHaveLength(10);
    expect(metaContent(document, 'meta[property="og:title"]')).toBe(hostile);
    expect(metaContent(document, 'meta[name="twitter:title"]')).toBe(hostile);
    expect(metaContent(document, 'meta[name="description"]')).toBe(`${hostile} (description)`);
    expect(metaContent(document, 'meta[property="og:description"]')).toBe(`${hostile} (description)`);
    expect(metaContent(document, 'meta[name="twitter:description"]')).toBe(`${hostile} (description)`);
  });

  it('HTML-escapes the canonical URL', () => {
    const tags = headTags({ ...ARTICLE_HEAD, path: "article/it's/" }, 'https://example.org/');
    expect(tags).toContain(`href="https://example.org/article/it&#39;s/"`);
    const document = tagsDocument({ ...ARTICLE_HEAD, path: "article/it's/" }, 'https://example.org/');
    expect(document.head.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe("https://example.org/article/it's/");
  });
});

describe('composePage', () => {
  const compose = (shell: string, overrides: Partial<Parameters<typeof composePage>[1]> = {}) =>
    composePage(shell, { head: ARTICLE_HEAD, body: '<main><h1>A story</h1></main>', render: 'hydrate', assetPrefix: null, ...overrides });

  it('checks the shells it is tested against have a title, a description, a root and "./" head URLs', () => {
    for (const shell of [SOURCE_SHELL, BUILT_SHELL, SMALL_SHELL]) {
      expect(shell.match(/<title>/g)).toHaveLength(1);
      expect(shell.match(/<meta name="description"/g)).toHaveLength(1);
      expect(shell).toContain('<div id="root"></div>');
    }
    expect(urlsIn(headOf(BUILT_SHELL)).length).toBeGreaterThan(3);
    expect(urlsIn(headOf(BUILT_SHELL)).every((url) => url?.startsWith('./'))).toBe(true);
  });

  it("replaces the shell's title with the page's, HTML-escaped", () => {
    const html = compose(SOURCE_SHELL, { head: { ...ARTICLE_HEAD, title: 'Tom & "Jerry" <3 · Broadsheet' } });
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain('<title>Tom &#38; &#34;Jerry&#34; &#60;3 · Broadsheet</title>');
    expect(parseHtml(html).title).toBe('Tom & "Jerry" <3 · Broadsheet');
  });

  it("replaces the shell's description with the page's head tags, in the head", () => {
    const document = parseHtml(compose(SOURCE_SHELL, { siteUrl: 'https://example.org/reader/' }));
    expect(document.head.querySelectorAll('meta[name="description"]')).toHaveLength(1);
    expect(metaContent(document, 'meta[name="description"]')).toBe('How it began.');
    expect(metaContent(document, 'meta[property="og:title"]')).toBe('A story · Broadsheet');
    expect(metaContent(document, 'meta[name="twitter:card"]')).toBe('summary');
    expect(document.head.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://example.org/reader/article/a-story/');
    expect(document.body.querySelector('meta, link')).toBeNull();
  });

  it('keeps the rest of the real index.html as it is', () => {
    const html = compose(SOURCE_SHELL);
    const tags = headTags(ARTICLE_HEAD, undefined);
    const expected = SOURCE_SHELL.replace(/<meta name="description"[^>]*>/, () => tags)
      .replace('<title>Broadsheet</title>', '<title>A story · Broadsheet</title>')
      .replace('<div id="root"></div>', '<div id="root" data-render="hydrate"><main><h1>A story</h1></main></div>');
    expect(html).toBe(expected);
  });

  it('puts the prerendered body into the root, marked hydrate or replace', () => {
    for (const render of ['hydrate', 'replace'] as const) {
      const root = parseHtml(compose(SMALL_SHELL, { render })).getElementById('root');
      expect(root?.dataset.render).toBe(render);
      expect(root?.querySelector('main > h1')?.textContent).toBe('A story');
      expect(root?.children).toHaveLength(1);
    }
  });

  it('leaves an empty root, still marked, when there is no prerendered body', () => {
    expect(compose(SMALL_SHELL, { body: '', render: 'replace' })).toContain('<div id="root" data-render="replace"></div>');
  });

  it("rewrites the head's \"./\" URLs by the asset prefix", () => {
    for (const prefix of ['../../', '../', '/', './']) {
      const html = compose(BUILT_SHELL, { assetPrefix: prefix });
      const expected = urlsIn(headOf(BUILT_SHELL)).map((url) => `${prefix}${url?.slice(2)}`);
      expect(urlsIn(headOf(html)), prefix).toEqual(expected);
    }
    expect(urlsIn(headOf(compose(BUILT_SHELL, { assetPrefix: '../../' })))).toContain('../../favicon.svg');
    expect(urlsIn(headOf(compose(SMALL_SHELL, { assetPrefix: '../../' })))).toEqual(['../../favicon.svg', '../../assets/index-abc.js', '../../assets/index-def.css']);
  });

  it('never rewrites URLs in the body: neither the shell\'s nor the prerendered app\'s', () => {
    const body = '<nav><a href="./">Home</a><a href="./highlights/">Highlights</a><img src="./x.png" alt=""></nav>';
    const html = compose(SMALL_SHELL, { body, assetPrefix: '../../' });
    expect(bodyOf(html)).toBe(bodyOf(SMALL_SHELL).replace('<div id="root"></div>', `<div id="root" data-render="hydrate">${body}</div>`));
    expect(urlsIn(bodyOf(html))).toEqual(['./outside/', './', './highlights/', './x.png', './pixel.png']);
  });

  it('leaves every URL alone when the asset prefix is null', () => {
    const html = compose(BUILT_SHELL, { assetPrefix: null });
    expect(urlsIn(headOf(html))).toEqual(urlsIn(headOf(BUILT_SHELL)));
  });

  it('leaves absolute URLs alone whatever the asset prefix', () => {
    expect(compose(SOURCE_SHELL, { assetPrefix: '../../' })).toBe(compose(SOURCE_SHELL, { assetPrefix: null }));
    expect(urlsIn(headOf(compose(SOURCE_SHELL, { assetPrefix: '../../' })))).toContain('/favicon.svg');
  });

  it('keeps "$&", "$\'", "$`", "$1" and "$$" literally in the title, the description, the body and the prefix', () => {
    const dollars = "$& $' $` $1 $$";
    const html = compose(SMALL_SHELL, {
      head: { title: `T ${dollars}`, description: `D ${dollars}`, path: 'article/x/', type: 'article' },
      body: `<p>B ${dollars}</p>`,
      assetPrefix: '$&/',
      siteUrl: 'https://example.org/',
    });
    const document = parseHtml(html);
    expect(document.title).toBe(`T ${dollars}`);
    expect(metaContent(document, 'meta[name="description"]')).toBe(`D ${dollars}`);
    expect(document.getElementById('root')?.textContent).toBe(`B ${dollars}`);
    expect(document.head.querySelector('script')?.getAttribute('src')).toBe('$&/assets/index-abc.js');
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html.match(/<body/g)).toHaveLength(1);
  });
});

describe('escapeScriptData', () => {
  it('turns every "<" into \\u003c and leaves everything else as it is', () => {
    expect(escapeScriptData('{"a":"</script><!--<b>"}')).toBe('{"a":"\\u003c/script>\\u003c!--\\u003cb>"}');
    expect(escapeScriptData('{"a":"> & \' ` é 😀"}')).toBe('{"a":"> & \' ` é 😀"}');
  });

  it('gives JSON that parses to the same value, with no "<" left, for any value', () => {
    const text = fc.string({ unit: fc.constantFrom('<', '>', '/', '!', '-', 's', 'script', '"', '\\', 'u003c', '\u2028', 'é', '😀', ' '), maxLength: 30 });
    fc.assert(
      fc.property(fc.jsonValue(), text, (value, extra) => {
        const json = JSON.stringify({ value, extra });
        const escaped = escapeScriptData(json);
        expect(escaped).not.toContain('<');
        expect(JSON.parse(escaped)).toEqual(JSON.parse(json));
      }),
    );
  });
});

describe('composePage with a data block', () => {
  const compose = (data: string | undefined, shell = SMALL_SHELL) =>
    composePage(shell, { head: ARTICLE_HEAD, body: '<main><h1>A story</h1></main>', render: 'hydrate', assetPrefix: null, data });
  const hostile = {
    article: { headline: '</script><!--<script>alert(1)</script>', paragraphs: ['<!-- a comment', '</SCRIPT >', '<script>', 'x</script', '\u2028 line separator', '-->'] },
  };

  it('adds no data block without data', () => {
    expect(compose(undefined)).toBe(composePage(SMALL_SHELL, { head: ARTICLE_HEAD, body: '<main><h1>A story</h1></main>', render: 'hydrate', assetPrefix: null }));
    expect(parseHtml(compose(undefined)).getElementById(PAGE_DATA_ID)).toBeNull();
  });

  it('puts the JSON in a script of type application/json right after the root', () => {
    const html = compose(JSON.stringify({ a: 1 }));
    expect(html).toContain(`<div id="root" data-render="hydrate"><main><h1>A story</h1></main></div><script type="application/json" id="${PAGE_DATA_ID}">{"a":1}</script>`);
    const block = parseHtml(html).getElementById(PAGE_DATA_ID);
    expect(block?.tagName).toBe('SCRIPT');
    expect(block?.getAttribute('type')).toBe('application/json');
    expect(block?.previousElementSibling?.id).toBe('root');
  });

  it('keeps "</script>" and "<!--" in the text from closing the block or opening a comment, and round-trips through JSON.parse', () => {
    const json = JSON.stringify(hostile);
    for (const shell of [SMALL_SHELL, SOURCE_SHELL]) {
      const html = compose(json, shell);
      const data = html.slice(html.indexOf(`id="${PAGE_DATA_ID}">`));
      expect(data.slice(0, data.indexOf('</script>'))).not.toContain('<');
      const document = parseHtml(html);
      const block = document.getElementById(PAGE_DATA_ID);
      expect(JSON.parse(block?.textContent ?? '')).toEqual(hostile);
      // Nothing of the data leaked into the document as elements or comments.
      expect(document.body.querySelectorAll('script:not([type="module"])')).toHaveLength(1);
      expect(document.getElementById('root')?.textContent).toBe('A story');
    }
    // What follows the root in the shell is still there, after the block.
    expect(parseHtml(compose(json)).querySelector(`#${PAGE_DATA_ID} ~ img`)?.getAttribute('src')).toBe('./pixel.png');
  });

  it('round-trips any JSON text through the parsed page', () => {
    const text = fc.string({ unit: fc.constantFrom('<', '>', '/', '!', '-', 'script', 'SCRIPT', '"', '\\', '&', 'amp;', ' ', 'é'), maxLength: 40 });
    fc.assert(
      fc.property(text, (value) => {
        const block = parseHtml(compose(JSON.stringify({ value }))).getElementById(PAGE_DATA_ID);
        expect(JSON.parse(block?.textContent ?? '')).toEqual({ value });
      }),
    );
  });

  it('keeps "$&" and "$1" in the data literally', () => {
    const block = parseHtml(compose(JSON.stringify({ text: "$& $1 $' $$" }))).getElementById(PAGE_DATA_ID);
    expect(JSON.parse(block?.textContent ?? '')).toEqual({ text: "$& $1 $' $$" });
  });
});
