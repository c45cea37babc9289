import { existsSync } from 'node:fs';
import {
  E2E_DIST,
  E2E_MOUNT_PATH,
  E2E_PORT,
  RELATIVE_DIST,
  RELATIVE_MOUNTS,
  REDEPLOY_DIST,
  REMOTE_STORAGE_CONTROL_PORT,
  REMOTE_STORAGE_PORT,
  SCALE_DIST,
  SCALE_MOUNT_PATH,
  SCALE_PORT,
  SHARED_ORIGIN_MOUNTS,
  SHARED_ORIGIN_PORT,
  STOPPABLE_STORAGE_PORT,
} from './config.ts';
import { startRemoteStorageServers } from './remote-storage-server.ts';
import { startStaticServer } from './static-server.ts';

export default async function globalSetup() {
  for (const dist of [E2E_DIST, RELATIVE_DIST, REDEPLOY_DIST, SCALE_DIST]) {
    if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist}/ has no build: run \`npm run test:e2e\`, which builds it.`);
  }
  const servers = await Promise.all([
    startStaticServer({ root: E2E_DIST, mountPath: E2E_MOUNT_PATH, port: E2E_PORT }),
    ...RELATIVE_MOUNTS.map((mount) => startStaticServer({ root: RELATIVE_DIST, ...mount })),
    startStaticServer({ root: SCALE_DIST, mountPath: SCALE_MOUNT_PATH, port: SCALE_PORT }),
    startStaticServer({ mounts: SHARED_ORIGIN_MOUNTS.map((mountPath) => ({ root: RELATIVE_DIST, mountPath })), port: SHARED_ORIGIN_PORT }),
  ]);
  // The sync tests' real remoteStorage server: accounts are made per test through its control API.
  const remoteStorage = await startRemoteStorageServers({ port: REMOTE_STORAGE_PORT, stoppablePort: STOPPABLE_STORAGE_PORT, controlPort: REMOTE_STORAGE_CONTROL_PORT });
  return () => Promise.all([...servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))), remoteStorage.close()]);
}
