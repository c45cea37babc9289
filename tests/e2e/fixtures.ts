import { test as base, expect, type Locator, type Page } from '@playwright/test';

export { expect };

export const SEED_ARTICLE = {
  id: '000_5e039f83c282c0c8',
  headline: 'US-led coalition members suspend Iraq operations as region submerged in outrage over Iranian general’s killing',
  slug: 'us-led-coalition-members-suspend-iraq-operations-as-region-submerged-in-outrage',
  paragraphCount: 7,
};
export const HARBOUR_HEADLINE = 'Harbour town votes to keep its zeppelin museum open';
export const ARABIC_HEADLINE = 'مكتبة المدينة تفتح أبوابها ليلاً';
/** The highlights' key of the reader served at /reader/: each hosted reader has its own (storage-namespace.ts). */
export const STORAGE_KEY = 'broadsheet@/reader/:highlights';
/** The key every reader used before, which a reader copies its highlights from on first load. */
export const SHARED_STORAGE_KEY = 'broadsheet:highlights';

/**
 * Every test fails on an uncaught page error, a console error or a Content Security Policy
 * violation: the signs of a broken or unsafe page.
 */
/** Collects the page's CSP violations and uncaught errors, from before its first script runs. */
export async function collectPageProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction('reportCspViolation', (violation: string) => problems.push(`CSP violation: ${violation}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

export const test = base.extend<{ pageProblems: string[] }>({
  // Navigations resolve once the app is live (hydrated after its screen's chunk arrived), as a
  // reader's first action would find it; a page without the app (no JavaScript) is not waited for.
  page: async ({ page }, provide) => {
    const whenLive = async () => {
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-app-ready') || !document.getElementById('root'), null, { timeout: 10_000 }).catch(() => {});
      // The route's screen (a Suspense boundary) can hydrate just after the layout says the app is
      // live: wait until its heading is React's, then for the effects that attach its key handlers.
      await page
        .waitForFunction(
          () => {
            const heading = document.querySelector('#root main h1');
            return !heading || Object.keys(heading).some((key) => key.startsWith('__reactFiber'));
          },
          null,
          { timeout: 10_000 },
        )
        .catch(() => {});
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))).catch(() => {});
    };
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = async (...args) => {
      const response = await goto(...args);
      // A test that asks for the moment of commit wants to see the page before the app runs.
      if (args[1]?.waitUntil !== 'commit') await whenLive();
      return response;
    };
    page.reload = async (...args) => {
      const response = await reload(...args);
      await whenLive();
      return response;
    };
    await provide(page);
  },
  pageProblems: [
    async ({ page }, use) => {
      const problems = await collectPageProblems(page);
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        // A deliberate visit to a missing URL logs the document's own 404; that is the test, not a fault.
        const documentNotFound = message.text().includes('status of 404') && message.location().url === page.url();
        // An unknown article's data file is missing: that 404 is how the app learns it is not there.
        const articleNotFound = message.text().includes('status of 404') && /\/data\/articles-[0-9a-f]+\/article\//.test(message.location().url);
        // A file of a content-named data folder is missing only once the site was deployed again under the page: that 404 is how the app learns it.
        const goneWithOldBuild = message.text().includes('status of 404') && /\/data\/[0-9a-f]+\//.test(message.location().url);
        // Offline on purpose: the browser logs each request that could not go out.
        const offline = message.text().includes('ERR_INTERNET_DISCONNECTED');
        if (!documentNotFound && !articleNotFound && !goneWithOldBuild && !offline) problems.push(`console error: ${message.text()}`);
      });
      await use(problems);
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});

/** Selects `from`…`to` inside one paragraph with a real mouse drag. */
export async function dragSelect(page: Page, paragraph: Locator, from: string, to: string): Promise<void> {
  await paragraph.scrollIntoViewIfNeeded();
  const points = await paragraph.evaluate(
    (element, [startText, endText]) => {
      const text = element.firstChild as Text;
      const start = text.data.indexOf(startText);
      const end = text.data.indexOf(endText, start) + endText.length;
      const charRect = (index: number) => {
        const range = document.createRange();
        range.setStart(text, index);
        range.setEnd(text, index + 1);
        return range.getBoundingClientRect();
      };
      const first = charRect(start);
      const last = charRect(end - 1);
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    },
    [from, to] as const,
  );
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 12 });
  await page.mouse.up();
}

/**
 * Selects text with the Selection API alone, as a long-press does on a phone: no mouse events at
 * all. `from` and `to` are found in the paragraphs' text, wherever marks split it into nodes.
 */
export async function selectWithoutMouse(
  page: Page,
  selection: { paragraph: number; from: string; toParagraph?: number; to: string },
): Promise<{ top: number; bottom: number }> {
  // An article opened inside the app arrives after its address: wait for its text.
  await page.locator('article p[data-text-start]').nth(Math.max(selection.paragraph, selection.toParagraph ?? 0)).waitFor();
  return page.evaluate(({ paragraph, from, toParagraph, to }) => {
    const paragraphs = document.querySelectorAll('article p');
    const boundary = (element: Element, offset: number) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let remaining = offset;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (remaining <= node.data.length) return { node, offset: remaining };
        remaining -= node.data.length;
      }
      throw new Error(`offset ${offset} is past the end of the paragraph`);
    };
    const startElement = paragraphs[paragraph] as Element;
    const endElement = paragraphs[toParagraph ?? paragraph] as Element;
    const startOffset = (startElement.textContent ?? '').indexOf(from);
    const endOffset = (endElement.textContent ?? '').indexOf(to, startElement === endElement ? startOffset : 0) + to.length;
    if (startOffset === -1 || endOffset < to.length) throw new Error(`cannot find “${from}” … “${to}”`);
    const start = boundary(startElement, startOffset);
    const end = boundary(endElement, endOffset);
    const range = document.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    startElement.scrollIntoView({ block: 'center' });
    const current = document.getSelection();
    current?.removeAllRanges();
    current?.addRange(range);
    const rect = range.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom };
  }, selection);
}

export async function storedHighlights(page: Page): Promise<unknown[]> {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as { highlights: unknown[] }).highlights : [];
  }, STORAGE_KEY);
}

export async function hasNoHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}
