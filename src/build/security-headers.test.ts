import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFile, inlineHeadScript, inlineSourceHash, syncConnectSources } from './security-headers.ts';

const connectSrc = (policy: string) => policy.split('; ').find((directive) => directive.startsWith('connect-src'));

describe('the Content Security Policy and sync', () => {
  it('connects only to the site itself without sync', () => {
    expect(connectSrc(contentSecurityPolicy())).toBe("connect-src 'self'");
    expect(syncConnectSources({ VITE_SYNC: 'off', SYNC_CONNECT_SRC: 'https:' })).toEqual([]);
  });

  it('lets sync reach any HTTPS storage by default, and never allows inline script', () => {
    const policy = contentSecurityPolicy(syncConnectSources({}));
    expect(connectSrc(policy)).toBe("connect-src 'self' https:");
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toContain('unsafe');
  });

  it('narrows sync to the hosts a site owner lists, adding Dropbox and Google when their keys are set', () => {
    expect(syncConnectSources({ SYNC_CONNECT_SRC: 'https://storage.example.org', VITE_DROPBOX_APP_KEY: 'k', VITE_GOOGLE_CLIENT_ID: 'g' })).toEqual([
      'https://storage.example.org',
      'https://api.dropboxapi.com',
      'https://content.dropboxapi.com',
      'https://www.googleapis.com',
    ]);
    expect(syncConnectSources({ SYNC_CONNECT_SRC: 'http://127.0.0.1:*' })).toEqual(['http://127.0.0.1:*']);
  });

  it.each(["https: 'unsafe-eval'", 'https://a.example; script-src *', 'not a source'])('refuses %s as a sync source', (value) => {
    expect(() => syncConnectSources({ SYNC_CONNECT_SRC: value })).toThrow(/SYNC_CONNECT_SRC/);
  });

  it('puts the same policy in the _headers file', () => {
    expect(headersFile(contentSecurityPolicy(['https:']))).toContain("connect-src 'self' https:;");
  });
});

describe('the inline settings script, allowed by its hash', () => {
  const code = "document.documentElement.setAttribute('data-js', 'on');";
  const page = '<head><script src="./apply-settings.js"></script><script type="module" src="./assets/index.js"></script></head>';

  it('hashes the text exactly as written, as browsers do', () => {
    // echo -n "alert('hi');" | openssl dgst -sha256 -binary | base64
    expect(inlineSourceHash("alert('hi');")).toBe("'sha256-S3glexDivN1XnfRGec5uF4Y7TT2a/rcrADlE/zj4maA='");
    expect(inlineSourceHash(`${code}\n`)).not.toBe(inlineSourceHash(code));
  });

  it('replaces the external script with its text and leaves the other scripts alone', () => {
    const { html, hash } = inlineHeadScript(page, 'apply-settings.js', code);
    expect(html).toBe(`<head><script>${code}</script><script type="module" src="./assets/index.js"></script></head>`);
    expect(hash).toBe(inlineSourceHash(code));
  });

  it('puts the hash in script-src, and still no unsafe-inline', () => {
    const policy = contentSecurityPolicy([], [inlineSourceHash(code)]);
    expect(policy).toContain(`script-src 'self' ${inlineSourceHash(code)};`);
    expect(policy).not.toContain('unsafe');
  });

  it('refuses a page without the script, and a script that would end its element early', () => {
    expect(() => inlineHeadScript('<head></head>', 'apply-settings.js', code)).toThrow(/no <script/);
    expect(() => inlineHeadScript(page, 'apply-settings.js', 'var s = "</script>";')).toThrow(/cannot be inlined/);
  });
});
