import type { Plugin } from 'vite';

/**
 * The Content Security Policy every page carries. Scripts and styles come only from the site's own
 * files: no inline script, no eval, no inline style attributes in markup (React's `style` prop is
 * applied through the CSSOM, which CSP allows). Highlights and settings never leave the browser,
 * so nothing needs to connect anywhere else.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Headers for hosts that let a site set them; `frame-ancestors` only works as a header, not in a meta tag. */
export const RESPONSE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** A Netlify / Cloudflare Pages `_headers` file applying RESPONSE_HEADERS to every path. */
export function headersFile(): string {
  return `/*\n${Object.entries(RESPONSE_HEADERS)
    .map(([name, value]) => `  ${name}: ${value}`)
    .join('\n')}\n`;
}

/**
 * Adds the CSP meta tag to every built page and writes `_headers` beside them. Production builds
 * only: the dev server's hot reload needs an inline script.
 */
export function securityHeaders(): Plugin {
  return {
    name: 'broadsheet:security-headers',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // Right after the charset, before any script or style the policy must govern.
      handler: (html) =>
        html.replace(/(<meta charset="[^"]*"\s*\/?>)/i, (charset) => `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile() });
    },
  };
}
