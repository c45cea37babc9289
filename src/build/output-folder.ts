import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * The output folder as the build cache updates it in place: Vite no longer empties it, so the
 * plugin does what emptying did, and no more than the user's config asked for.
 */

/** Vite's rule: an output folder is emptied when asked, or by default when it is inside the project. */
export function emptiesOutDir(asked: boolean | undefined, root: string, outDir: string): boolean {
  if (asked !== undefined) return asked;
  const relative = path.relative(root, outDir);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** A folder's entries, or none if it cannot be read. */
export function safeList(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/** Empties a folder as Vite would (its .git aside). */
export function emptyFolder(folder: string, keep: readonly string[] = ['.git']): void {
  for (const name of safeList(folder)) if (!keep.includes(name)) rmSync(path.join(folder, name), { recursive: true, force: true });
}

/** The search index's staging folder of a build in progress (see the plugin's BuildState). */
const SEARCH_STAGING = /^\.search-staging-\d+$/;

export function searchStagingFolder(): string {
  return `.search-staging-${process.pid}`;
}

/** Removes the search index's staging folders a build left, finished or not. */
export function removeSearchStaging(outDir: string): void {
  for (const name of safeList(outDir)) if (SEARCH_STAGING.test(name)) rmSync(path.join(outDir, name), { recursive: true, force: true });
}
