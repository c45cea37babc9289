import { describe, expect, it } from 'vitest';
import { pinHeadUrls } from './pin-head-urls.ts';

describe('pinHeadUrls', () => {
  it('turns relative head links into absolute ones, resolved against the page they were loaded on', () => {
    const head = document.createElement('head');
    for (const href of ['../../favicon.svg', './feed.xml', 'https://example.org/x.css']) {
      const link = document.createElement('link');
      link.setAttribute('href', href);
      head.append(link);
    }
    pinHeadUrls(head);
    const base = new URL(document.baseURI);
    expect([...head.querySelectorAll('link')].map((l) => l.getAttribute('href'))).toEqual([
      new URL('../../favicon.svg', base).href,
      new URL('./feed.xml', base).href,
      'https://example.org/x.css',
    ]);
  });
});
