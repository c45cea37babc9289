import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { OutputStats } from './hosting-report.ts';

/**
 * Counts files as the build writes them: total size, largest file, and the entries of each folder
 * under the root. Walking a hundred thousand files afterwards took minutes on a busy disk.
 */
export class OutputTally {
  private totalBytes = 0;
  private files = 0;
  private largest: OutputStats['largestFile'] = null;
  private readonly entries = new Map<string, number>();
  /** Folders already counted as an entry of their parent. */
  private readonly known = new Set<string>();

  add(file: string, bytes: number): void {
    this.files += 1;
    this.totalBytes += bytes;
    if (!this.largest || bytes > this.largest.bytes) this.largest = { path: file, bytes };
    let child = file;
    for (;;) {
      const slash = child.lastIndexOf('/');
      const folder = slash < 0 ? '' : child.slice(0, slash);
      this.entries.set(folder, (this.entries.get(folder) ?? 0) + 1);
      if (slash < 0 || this.known.has(folder)) break;
      this.known.add(folder);
      child = folder;
    }
  }

  /** What was written; the root's entries are left to whoever lists the root. */
  stats(): OutputStats {
    let fullest: OutputStats['fullestFolder'] = null;
    for (const [folder, count] of this.entries) if (folder !== '' && (!fullest || count > fullest.entries)) fullest = { path: folder, entries: count };
    return { totalBytes: this.totalBytes, files: this.files, largestFile: this.largest, fullestFolder: fullest };
  }
}

/**
 * Walks a built site: its total size, file count, largest file and fullest folder, as a host would
 * count them. Folders named in `tallied` are not walked: their files were counted as written.
 */
export function measureOutput(outDir: string, tallied: { folders: ReadonlySet<string>; stats: OutputStats } | null = null): OutputStats {
  const stats: OutputStats = tallied ? { ...tallied.stats } : { totalBytes: 0, files: 0, largestFile: null, fullestFolder: null };
  const folders = [''];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    const entries = readdirSync(path.join(outDir, folder), { withFileTypes: true });
    if (!stats.fullestFolder || entries.length > stats.fullestFolder.entries) stats.fullestFolder = { path: folder, entries: entries.length };
    for (const entry of entries) {
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!tallied?.folders.has(relative)) folders.push(relative);
        continue;
      }
      const bytes = statSync(path.join(outDir, relative)).size;
      stats.files += 1;
      stats.totalBytes += bytes;
      if (!stats.largestFile || bytes > stats.largestFile.bytes) stats.largestFile = { path: relative, bytes };
    }
  }
  return stats;
}
