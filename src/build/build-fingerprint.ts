import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The folders whose code decides what the data files hold: a change there must change the data folder's name. */
export const DATA_CODE_FOLDERS = ['src/domain/articles', 'src/domain/search', 'src/build'];

/**
 * A hash of the source files (tests aside) in `folders` under `root`: the version of the code that
 * turns seeds into data files. The data folder is named from it and the seeds' hash, so it can be
 * known before a single data file is written, and still changes whenever any of them could.
 */
export function codeFingerprint(root: string, folders: readonly string[] = DATA_CODE_FOLDERS): string {
  const hash = createHash('sha256');
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(path.join(root, folder)).filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)).sort();
    } catch {
      continue; // A build from a trimmed checkout still builds; its folder name just ignores that code.
    }
    for (const name of names) hash.update(`${folder}/${name}`).update('\0').update(readFileSync(path.join(root, folder, name))).update('\0');
  }
  return hash.digest('hex');
}

/**
 * The folder of the articles' files: named by the code that lays them out (and how), not by the
 * collection, so adding articles leaves every other article's file, and the page preloading it, as
 * it was (see corpus-layout.ts).
 */
export function articleDirName(codeHash: string): string {
  return `data/articles-${createHash('sha256').update(codeHash).digest('hex').slice(0, 10)}/`;
}

/**
 * The version of what turns a seed into its record and data files: the code (`codeFingerprint`)
 * and the Node and ICU it runs on (lower-casing, normalisation and collation come from them).
 */
export function buildCodeVersion(root: string): string {
  return `${codeFingerprint(root)}:${process.versions.node}:${process.versions.icu ?? ''}`;
}

/**
 * The version of what renders pages besides the client's shell: the prerender's server entry and
 * React DOM's server renderer, neither of which is in the browser's bundle.
 */
export function rendererVersion(root: string): string {
  const hash = createHash('sha256');
  for (const file of ['src/entry-server.tsx', 'node_modules/react-dom/package.json']) {
    try {
      hash.update(file).update('\0').update(readFileSync(path.join(root, file))).update('\0');
    } catch {
      hash.update(file).update('\0missing\0');
    }
  }
  return hash.digest('hex');
}

/** The data folder of a collection: named by its seeds and the code that lays them out, so each file can be cached for ever. */
export function dataDirName(seedsHash: string, codeHash: string): string {
  return `data/${createHash('sha256').update(seedsHash).update('\0').update(codeHash).digest('hex').slice(0, 10)}/`;
}
