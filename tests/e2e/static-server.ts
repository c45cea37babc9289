import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Text types a real host compresses; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.webmanifest', '.xml', '.txt']);

/** Whether the request's `Accept-Encoding` takes gzip (and does not refuse it with `q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => /^\s*q=([\d.]+)/.exec(param)?.[1]).find(Boolean);
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q) > 0);
  });
}

/**
 * A plain static file server, like the simplest hosts: files and directory index.html only, no
 * rewrite rules, `404.html` as the not-found body (as GitHub Pages and Netlify do), and the folder
 * mounted under a sub-path so the app is tested where it will really live. Text is sent gzipped to a
 * client that accepts it, as every real host does, so what a page downloads is what readers pay.
 */
export function startStaticServer(
  options: ({ root: string; mountPath: string } | { mounts: readonly { root: string; mountPath: string }[] }) & { port: number; host?: string },
): Promise<Server> {
  // Several folders may share one server (one origin), each at its own path, as two sites on one host do.
  const mounts = ('mounts' in options ? options.mounts : [options]).map((m) => ({
    root: path.resolve(m.root),
    mount: m.mountPath.endsWith('/') ? m.mountPath : `${m.mountPath}/`,
  }));

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const chosen = mounts.find((m) => url.pathname.startsWith(m.mount) || url.pathname === m.mount.slice(0, -1)) ?? mounts[0];
    if (!chosen) throw new Error('a static server needs a mount');
    const { root, mount } = chosen;
    const notFound = () => {
      const page = path.join(root, '404.html');
      response.writeHead(404, { 'content-type': CONTENT_TYPES['.html'] ?? 'text/html' });
      if (existsSync(page) && request.method !== 'HEAD') createReadStream(page).pipe(response);
      else response.end('Not found');
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    if (url.pathname === mount.slice(0, -1)) {
      response.writeHead(301, { location: mount + url.search }).end();
      return;
    }
    if (!url.pathname.startsWith(mount)) return notFound();

    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname.slice(mount.length));
    } catch {
      response.writeHead(400).end('Bad request');
      return;
    }
    let file = path.resolve(root, relative);
    if (file !== root && !file.startsWith(root + path.sep)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return notFound();
    const extension = path.extname(file);
    const gzip = COMPRESSIBLE.has(extension) && acceptsGzip(request.headers['accept-encoding']);
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    if (request.method === 'HEAD') response.end();
    else if (gzip) createReadStream(file).pipe(createGzip()).pipe(response);
    else createReadStream(file).pipe(response);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve(server));
  });
}
