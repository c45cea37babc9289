import { describe, expect, it } from 'vitest';
import { siteNamespace } from './site-namespace.ts';

describe('siteNamespace', () => {
  it('names a reader by its host and base path', () => {
    expect(siteNamespace('news.example.org', '/reader/')).toBe('news.example.org-reader');
  });

  it('tells apart two readers on one host', () => {
    expect(siteNamespace('example.org', '/a/')).not.toBe(siteNamespace('example.org', '/b/'));
  });

  it('tells apart one base path on two hosts, ports included', () => {
    expect(siteNamespace('127.0.0.1:4440', '/')).toBe('127.0.0.1-4440');
    expect(siteNamespace('127.0.0.1:4441', '/')).not.toBe(siteNamespace('127.0.0.1:4440', '/'));
  });

  it('is one safe path segment whatever the path holds', () => {
    for (const [host, path] of [
      ['EXAMPLE.org', '/A b/ü/../'],
      ['..', '/'],
      ['', ''],
    ] as const) {
      expect(siteNamespace(host, path)).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
    }
  });
});
