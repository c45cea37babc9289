import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/*
 * A real remoteStorage server for the sync tests: armadietto (WebFinger, OAuth with a password
 * form, the storage API), on local ports, with accounts created on demand. Tests run in other
 * processes, so they steer it through a small control API: new account, revoke its tokens, make
 * the server misbehave for one account (garbage, an HTTP status, losing every document), stop and
 * start a second instance.
 * Faults are per account, so tests running side by side do not disturb each other.
 */

interface FileTreeStore {
  createUser(params: { username: string; email: string; password: string }): Promise<void>;
  readAuth(username: string): Promise<{ sessions?: Record<string, unknown> } | null>;
  revokeAccess(username: string, token: string): Promise<void>;
  /** Where an account's documents are on disk. */
  dataPath(username: string, pathname: string): string;
}
type ArmadiettoHandler = (request: IncomingMessage, response: ServerResponse) => void;

const require = createRequire(import.meta.url);
const Armadietto = require('armadietto') as {
  new (options: Record<string, unknown>): ArmadiettoHandler;
  FileTree: new (options: { path: string }) => FileTreeStore;
};
const { configureLogger } = require('armadietto/lib/logger') as { configureLogger(options: Record<string, unknown>): void };

export type Fault = 'none' | 'garbage' | `status-${number}`;

export interface RemoteStorageServers {
  close(): Promise<void>;
}

const PASSWORD = 'correct horse battery staple';

/** Replies a server that lost its mind might give for a document: not JSON, or JSON that is not a record. */
function garbageFor(requestPath: string): Buffer {
  const hostile = requestPath.length % 2 === 0;
  return Buffer.from(
    hostile
      ? JSON.stringify({ type: 'highlight', site: 'x', highlight: { id: '<img src=x onerror=alert(1)>', note: '<script>alert(1)</script>', color: 'javascript:alert(1)' } })
      : '\u0000<html><script>alert(1)</script> not json {',
  );
}

/** Holds back armadietto's reply to one request so it can be swapped for a faulty one. */
function faultyResponse(response: ServerResponse, requestPath: string, fault: Fault): ServerResponse {
  let status = 200;
  let headers: OutgoingHttpHeaders = {};
  const chunks: Buffer[] = [];
  const isDocument = !requestPath.endsWith('/');
  const intercepted = Object.create(response) as ServerResponse;
  intercepted.writeHead = ((code: number, head?: OutgoingHttpHeaders) => {
    status = code;
    headers = { ...(head ?? {}) };
    return intercepted;
  }) as ServerResponse['writeHead'];
  intercepted.write = ((chunk: string | Buffer) => {
    chunks.push(Buffer.from(chunk));
    return true;
  }) as ServerResponse['write'];
  intercepted.end = ((chunk?: string | Buffer) => {
    if (chunk) chunks.push(Buffer.from(chunk));
    let body: Buffer = Buffer.concat(chunks);
    if (fault === 'garbage' && isDocument && status === 200) {
      body = garbageFor(requestPath);
      headers['Content-Type'] = 'application/json; charset=UTF-8';
    }
    headers['Content-Length'] = body.length;
    response.writeHead(status, headers);
    response.end(body);
    return intercepted;
  }) as ServerResponse['end'];
  return intercepted;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Starts the storage server on `port`, a second, stoppable one on `stoppablePort` (same accounts),
 * and the control API on `controlPort`.
 */
export async function startRemoteStorageServers(options: { port: number; stoppablePort: number; controlPort: number }): Promise<RemoteStorageServers> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'broadsheet-remotestorage-'));
  configureLogger({ log_dir: dataDir, stdout: [], log_files: ['error'] });
  const store = new Armadietto.FileTree({ path: path.join(dataDir, 'storage') });
  const handle = new Armadietto({ bare: true, store, basePath: '', allow: { signup: false }, cacheViews: true, http: { host: '127.0.0.1' } });
  const faults = new Map<string, Fault>();
  let accounts = 0;

  const storage = createServer((request, response) => {
    const user = /^\/storage\/([^/]+)\//.exec(request.url ?? '')?.[1];
    const fault: Fault = (user ? faults.get(user) : undefined) ?? 'none';
    const statusFault = /^status-(\d{3})$/.exec(fault)?.[1];
    // Reads and CORS preflights still work: a full or failing server refuses the writes.
    if (statusFault && request.method === 'PUT') {
      request.resume();
      response.writeHead(Number(statusFault), { 'Access-Control-Allow-Origin': request.headers.origin ?? '*', 'Access-Control-Expose-Headers': 'ETag' }).end();
      return;
    }
    handle(request, fault === 'none' ? response : faultyResponse(response, new URL(request.url ?? '/', 'http://x').pathname, fault));
  });
  const stoppable = createServer((request, response) => handle(request, response));

  const control = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const user = url.searchParams.get('user') ?? '';
    const reply = (body: unknown) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const fail = (error: unknown) => response.writeHead(500).end(String(error));
    if (request.method !== 'POST') {
      response.writeHead(405).end();
      return;
    }
    switch (url.pathname) {
      case '/accounts': {
        accounts += 1;
        const username = `reader${accounts}-${process.pid}`;
        store.createUser({ username, email: `${username}@example.org`, password: PASSWORD }).then(() => reply({ username, password: PASSWORD }), fail);
        return;
      }
      case '/revoke':
        void (async () => {
          const auth = await store.readAuth(user);
          for (const token of Object.keys(auth?.sessions ?? {})) await store.revokeAccess(user, token);
        })().then(() => reply({ revoked: user }), fail);
        return;
      case '/lose':
        // A server that accepted writes, then lost them: every document of the account is gone.
        {
          const documents = store.dataPath(user, '');
          const existed = existsSync(documents);
          rmSync(documents, { recursive: true, force: true });
          reply({ lost: user, existed });
        }
        return;
      case '/fault':
        faults.set(user, (url.searchParams.get('mode') ?? 'none') as Fault);
        reply({ user, fault: faults.get(user) });
        return;
      case '/stop':
        close(stoppable).then(() => reply({ stopped: true }), fail);
        return;
      case '/start':
        (stoppable.listening ? Promise.resolve() : listen(stoppable, options.stoppablePort)).then(() => reply({ started: true }), fail);
        return;
      default:
        response.writeHead(404).end();
    }
  });

  await Promise.all([listen(storage, options.port), listen(stoppable, options.stoppablePort), listen(control, options.controlPort)]);
  return {
    async close() {
      await Promise.all([close(storage), close(stoppable), close(control)]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
