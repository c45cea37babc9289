/**
 * Writes the end-to-end seed folder: the committed fixtures plus files whose names no checkout on
 * every OS could hold (`?`, `<`, `>`, `"`), so hostile file names are tested where they matter: in
 * the build, the slugs and the URLs.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XSS_HEADLINE, XSS_PAYLOADS } from '../fixtures/xss-payloads.ts';

const out = path.resolve(process.argv[2] ?? 'dist-e2e-seeds');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(path.resolve('tests/fixtures/e2e-seeds'), out, { recursive: true });

writeFileSync(path.join(out, '<svg onload=alert(1)>.txt'), [XSS_HEADLINE, ...XSS_PAYLOADS].join('\n'));
writeFileSync(
  path.join(out, 'a file #1 ?100% "quoted".txt'),
  ['Ünïcode file names still open', 'This article comes from a file whose name has a space, a hash, a question mark, a percent sign and quotes.'].join('\n'),
);
console.log(`e2e seeds written to ${path.relative(process.cwd(), out)}`);
