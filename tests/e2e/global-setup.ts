import { existsSync } from 'node:fs';
import { E2E_DIST, E2E_MOUNT_PATH, E2E_PORT } from './config.ts';
import { startStaticServer } from './static-server.ts';

export default async function globalSetup() {
  if (!existsSync(`${E2E_DIST}/index.html`)) {
    throw new Error(`${E2E_DIST}/ has no build: run \`npm run test:e2e\`, which builds it with BASE_PATH=${E2E_MOUNT_PATH}.`);
  }
  const server = await startStaticServer({ root: E2E_DIST, mountPath: E2E_MOUNT_PATH, port: E2E_PORT });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
