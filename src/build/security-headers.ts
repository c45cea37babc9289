import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * The Content Security Policy every page carries. Scripts and styles come only from the site's own
 * files, no eval, no inline style attributes in markup (React's `style` prop is applied through the
 * CSSOM, which CSP allows). The one inline script, which applies the reader's display settings
 * before the first paint, is allowed by its hash alone (`scriptHashes`), never by 'unsafe-inline':
 * a script injected into a page has another hash and does not run. Only sync talks to another host:
 * the reader's own storage, whose address is not known when the site is built (see `syncConnectSources`).
 */
export function contentSecurityPolicy(syncSources: readonly string[] = [], scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...syncSources].join(' '),
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The policy without sync: nothing connects anywhere but the site itself. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** A host source or scheme source (`https:`, `https://*.example.org`, `http://127.0.0.1:*`): nothing that could end the directive. */
const SOURCE_PATTERN = /^[a-z][a-z0-9+.-]*:(\/\/[a-z0-9*.-]+(:(\d+|\*))?(\/[^\s;,'"]*)?)?$/i;

export interface SyncBuildSettings {
  VITE_SYNC?: string;
  SYNC_CONNECT_SRC?: string;
  VITE_DROPBOX_APP_KEY?: string;
  VITE_GOOGLE_CLIENT_ID?: string;
}

/**
 * What `connect-src` must add for sync. A meta CSP is fixed at build time, and a reader may keep
 * their remoteStorage on any host, so by default any HTTPS host is allowed (scripts still come only
 * from the site: the wider rule lets the page talk to other hosts, never run their code). A site
 * owner who knows the storage its readers use lists it in SYNC_CONNECT_SRC instead; VITE_SYNC=off
 * leaves sync out and `connect-src 'self'` as it was.
 */
export function syncConnectSources(settings: SyncBuildSettings): string[] {
  if (settings.VITE_SYNC === 'off') return [];
  const listed = settings.SYNC_CONNECT_SRC?.trim();
  const sources = listed ? listed.split(/\s+/) : ['https:'];
  const invalid = sources.find((source) => !SOURCE_PATTERN.test(source));
  if (invalid) throw new Error(`SYNC_CONNECT_SRC: "${invalid}" is not a CSP host or scheme source`);
  const services = [
    ...(settings.VITE_DROPBOX_APP_KEY ? ['https://api.dropboxapi.com', 'https://content.dropboxapi.com'] : []),
    ...(settings.VITE_GOOGLE_CLIENT_ID ? ['https://www.googleapis.com'] : []),
  ];
  return [...new Set([...sources, ...(sources.includes('https:') ? [] : services)])];
}

/** Headers for hosts that let a site set them; `frame-ancestors` only works as a header, not in a meta tag. */
export function responseHeaders(policy: string = CONTENT_SECURITY_POLICY): Record<string, string> {
  return {
    'Content-Security-Policy': `${policy}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** A Netlify / Cloudflare Pages `_headers` file applying the response headers to every path. */
export function headersFile(policy: string = CONTENT_SECURITY_POLICY): string {
  return `/*\n${Object.entries(responseHeaders(policy))
    .map(([name, value]) => `  ${name}: ${value}`)
    .join('\n')}\n`;
}

/** The CSP source that allows exactly this inline script or style: `'sha256-…'` of its text as written. */
export function inlineSourceHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * `html` with the external `<script src="…/fileName">` replaced by the script's text inline, and
 * the hash the policy needs for it. An external script in the head blocks the first paint for a
 * whole round trip; inline it costs only its bytes.
 */
export function inlineHeadScript(html: string, fileName: string, code: string): { html: string; hash: string } {
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tag = new RegExp(`<script src="[^"]*${escaped}"></script>`);
  if (!tag.test(html)) throw new Error(`the page has no <script src="…${fileName}"> to inline`);
  // `</script` inside the text would end the element early: a script to inline must not hold it.
  if (/<\/script/i.test(code)) throw new Error(`${fileName} holds "</script" and cannot be inlined`);
  return { html: html.replace(tag, () => `<script>${code}</script>`), hash: inlineSourceHash(code) };
}

/**
 * Adds the CSP meta tag to every built page and writes `_headers` beside them, inlining the head
 * scripts named in `inlineScripts` (files of `public/`) with their hashes in the policy. Production
 * builds only: the dev server's hot reload needs an inline script, and serves the files as they are.
 */
export function securityHeaders(options: { syncSources?: readonly string[]; inlineScripts?: readonly string[] } = {}): Plugin {
  let scripts: { fileName: string; code: string }[] = [];
  let policy = contentSecurityPolicy(options.syncSources);
  return {
    name: 'broadsheet:security-headers',
    apply: 'build',
    configResolved(config) {
      scripts = (options.inlineScripts ?? []).map((fileName) => ({ fileName, code: readFileSync(path.join(config.publicDir, fileName), 'utf8') }));
      policy = contentSecurityPolicy(
        options.syncSources,
        scripts.map(({ code }) => inlineSourceHash(code)),
      );
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        let page = html;
        for (const { fileName, code } of scripts) page = inlineHeadScript(page, fileName, code).html;
        // Right after the charset, before any script or style the policy must govern.
        return page.replace(/(<meta charset="[^"]*"\s*\/?>)/i, (charset) => `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
      },
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(policy) });
    },
  };
}
