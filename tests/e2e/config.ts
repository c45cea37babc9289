/** Where the end-to-end build is served: a sub-path, as on a real host that shares its domain. Uses E2E_PORT to E2E_PORT + 9. */
export const E2E_MOUNT_PATH = '/reader/';
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4319);
export const E2E_DIST = 'dist-e2e';
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}${E2E_MOUNT_PATH}`;

/** The relative build (no BASE_PATH): one folder served unchanged at the root and deep under a sub-path. */
export const RELATIVE_DIST = 'dist-e2e-relative';
export const RELATIVE_MOUNTS = [
  { mountPath: '/', port: E2E_PORT + 1 },
  { mountPath: '/a/b/c/', port: E2E_PORT + 2 },
] as const;
export const relativeBaseUrl = (mount: (typeof RELATIVE_MOUNTS)[number]) => `http://127.0.0.1:${mount.port}${mount.mountPath}`;

/** A generated collection of 3,000 articles (`tests/tools/make-corpus.ts`), built and served at /big/. */
export const SCALE_SEEDS = 'dist-e2e-scale-seeds';
export const SCALE_DIST = 'dist-e2e-scale';
export const SCALE_COUNT = 3000;
/** The scale build's BUILD_BATCH_SIZE (package.json `build:e2e`): 3,000 is no multiple of it, so the last batch is short. */
export const SCALE_BATCH_SIZE = 400;
/**
 * The scale build's PRERENDER_LIMIT (package.json `build:e2e`), as for a host with a file cap: the
 * newest 2,600 articles (the last in file order) have pages, the first 400 are served by the app
 * through 404.html, and every article's JSON is packed.
 */
export const SCALE_PRERENDER_LIMIT = 2600;
export const SCALE_MOUNT_PATH = '/big/';
export const SCALE_PORT = E2E_PORT + 3;
export const SCALE_BASE_URL = `http://127.0.0.1:${SCALE_PORT}${SCALE_MOUNT_PATH}`;

/** A real remoteStorage server (armadietto) for the sync tests, a second one the tests may stop, and their control API. */
export const REMOTE_STORAGE_PORT = E2E_PORT + 5;
export const STOPPABLE_STORAGE_PORT = E2E_PORT + 6;
export const REMOTE_STORAGE_CONTROL_PORT = E2E_PORT + 7;
/** Two readers on one origin (the relative build at two paths of one port), as two GitHub Pages project sites share USER.github.io. */
export const SHARED_ORIGIN_PORT = E2E_PORT + 4;
export const SHARED_ORIGIN_MOUNTS = ['/first/', '/second/'] as const;
export const sharedOriginUrl = (mountPath: (typeof SHARED_ORIGIN_MOUNTS)[number]) => `http://127.0.0.1:${SHARED_ORIGIN_PORT}${mountPath}`;
/**
 * A second deploy of the relative build (`tests/tools/prepare-redeploy-seeds.ts`: one article gains
 * this paragraph, so the data folder's hash changes), swapped in under an open tab on a server of
 * its own per test worker.
 */
export const REDEPLOY_DIST = 'dist-e2e-redeploy';
export const REDEPLOY_ADDED_PARAGRAPH = 'Update: the museum will also open on Sunday afternoons, the council said.';
export const redeployPort = (parallelIndex: number) => E2E_PORT + 8 + parallelIndex;
