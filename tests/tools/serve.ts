/**
 * `npm run preview [-- --dir dist --at /reader/ --port 4173]`: serves a built folder the way a
 * plain static host does (files, folder index.html, 404.html; no rewrites), under any path.
 */
import { startStaticServer } from '../e2e/static-server.ts';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}

const dir = option('dir', 'dist');
const mountPath = option('at', '/');
const port = Number(option('port', '4173'));
await startStaticServer({ root: dir, mountPath, port });
console.log(`Serving ${dir}/ at http://127.0.0.1:${port}${mountPath.endsWith('/') ? mountPath : `${mountPath}/`} (Ctrl+C to stop)`);
