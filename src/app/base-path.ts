/**
 * The path the app is served under. A build pinned with BASE_PATH knows it; otherwise (the
 * default, relative build) it is found at run time from where the app's own script was loaded:
 * the entry chunk sits in <site>/assets/, so one dist/ works at /, /reader/ or /a/b/c/.
 */
export function appBasePath(configuredBase: string, moduleUrl: string): string {
  if (configuredBase.startsWith('/')) return configuredBase;
  return new URL('../', moduleUrl).pathname;
}

/** The router's basename: the base path without its trailing slash ("/" stays "/"). */
export function routerBasename(basePath: string): string {
  return basePath.replace(/\/+$/, '') || '/';
}
