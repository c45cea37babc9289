import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFile, syncConnectSources } from './security-headers.ts';

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
