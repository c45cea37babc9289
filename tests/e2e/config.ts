/** Where the end-to-end build is served: a sub-path, as on a real host that shares its domain. */
export const E2E_MOUNT_PATH = '/reader/';
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4319);
export const E2E_DIST = 'dist-e2e';
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}${E2E_MOUNT_PATH}`;
