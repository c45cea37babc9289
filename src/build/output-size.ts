import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { OutputStats } from './hosting-report.ts';

/** Walks a built site: its total size, file count, largest file and fullest folder, as a host would count them. */
export function measureOutput(outDir: string): OutputStats {
  const stats: OutputStats = { totalBytes: 0, files: 0, largestFile: null, fullestFolder: null };
  const folders = [''];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    const entries = readdirSync(path.join(outDir, folder), { withFileTypes: true });
    if (!stats.fullestFolder || entries.length > stats.fullestFolder.entries) stats.fullestFolder = { path: folder, entries: entries.length };
    for (const entry of entries) {
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        folders.push(relative);
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
