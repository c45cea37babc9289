import { existsSync } from 'node:fs';
import { E2E_DIST, E2E_MOUNT_PATH, E2E_PORT, REDEPLOY_DIST, RELATIVE_DIST, RELATIVE_MOUNTS, SCALE_DIST, SCALE_MOUNT_PATH, SCALE_PORT } from './config.ts';
import { startStaticServer } from './static-server.ts';

export default async function globalSetup() {
  for (const dist of [E2E_DIST, RELATIVE_DIST, REDEPLOY_DIST, SCALE_DIST]) {
    if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist}/ has no build: run \`npm run test:e2e\`, which builds it.`);
  }
  const servers = await Promise.all([
    startStaticServer({ root: E2E_DIST, mountPath: E2E_MOUNT_PATH, port: E2E_PORT }),
    ...RELATIVE_MOUNTS.map((mount) => startStaticServer({ root: RELATIVE_DIST, ...mount })),
    startStaticServer({ root: SCALE_DIST, mountPath: SCALE_MOUNT_PATH, port: SCALE_PORT }),
  ]);
  return () => Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
}
