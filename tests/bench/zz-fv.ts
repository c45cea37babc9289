import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
for (const dist of process.argv.slice(2)) {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
  const gz = (f: string) => gzipSync(readFileSync(path.join(dist, f))).length;
  const js = assets.filter((f) => f.endsWith('.js')).reduce((s, f) => s + gz(f), 0);
  const css = assets.filter((f) => f.endsWith('.css')).reduce((s, f) => s + gz(f), 0);
  console.log(dist, 'html', gzipSync(html).length, 'js', js, 'css', css, 'js+css', js + css, (js + css) / 1024, assets.join(' '));
}
