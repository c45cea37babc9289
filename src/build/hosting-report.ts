/** What the build wrote, as a host counts it. */
export interface OutputStats {
  totalBytes: number;
  files: number;
  largestFile: { path: string; bytes: number } | null;
  /** The folder with the most entries (files and folders) directly in it. */
  fullestFolder: { path: string; entries: number } | null;
}

/** A static host's published limits (null: none published). Each is documented where `source` says (see README). */
export interface HostLimits {
  name: string;
  maxSiteBytes: number | null;
  maxFiles: number | null;
  maxFileBytes: number | null;
  maxEntriesPerFolder: number | null;
  source: string;
}

const MB = 1000 * 1000;
const MiB = 1024 * 1024;

export const HOSTS: readonly HostLimits[] = [
  // "Published GitHub Pages sites may be no larger than 1 GB"; a file pushed to GitHub may not pass 100 MiB.
  { name: 'GitHub Pages', maxSiteBytes: 1000 * MB, maxFiles: null, maxFileBytes: 100 * MiB, maxEntriesPerFolder: null, source: 'docs.github.com: GitHub Pages limits; About large files on GitHub' },
  // 20,000 files on the Free plan (100,000 on paid plans), 25 MiB a file.
  { name: 'Cloudflare Pages (Free)', maxSiteBytes: null, maxFiles: 20_000, maxFileBytes: 25 * MiB, maxEntriesPerFolder: null, source: 'developers.cloudflare.com: Pages limits' },
  { name: 'Cloudflare Pages (paid)', maxSiteBytes: null, maxFiles: 100_000, maxFileBytes: 25 * MiB, maxEntriesPerFolder: null, source: 'developers.cloudflare.com: Pages limits' },
  // No limit on files per deploy, but 54,000 files per directory.
  { name: 'Netlify', maxSiteBytes: null, maxFiles: null, maxFileBytes: null, maxEntriesPerFolder: 54_000, source: 'docs.netlify.com: Site deploys overview' },
  // One PUT uploads an object of up to 5 GB; no limit on the number of objects.
  { name: 'Amazon S3', maxSiteBytes: null, maxFiles: null, maxFileBytes: 5000 * MB, maxEntriesPerFolder: null, source: 'docs.aws.amazon.com: Uploading objects' },
];

const count = (value: number) => value.toLocaleString('en');

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

/** The limits of `host` that `stats` passes, each said in words; empty when it fits. */
export function hostProblems(stats: OutputStats, host: HostLimits): string[] {
  const problems: string[] = [];
  if (host.maxSiteBytes !== null && stats.totalBytes > host.maxSiteBytes) problems.push(`${formatBytes(stats.totalBytes)} is over its ${formatBytes(host.maxSiteBytes)} a site`);
  if (host.maxFiles !== null && stats.files > host.maxFiles) problems.push(`${count(stats.files)} files is over its ${count(host.maxFiles)}`);
  if (host.maxFileBytes !== null && stats.largestFile && stats.largestFile.bytes > host.maxFileBytes) {
    problems.push(`${stats.largestFile.path} (${formatBytes(stats.largestFile.bytes)}) is over its ${formatBytes(host.maxFileBytes)} a file`);
  }
  if (host.maxEntriesPerFolder !== null && stats.fullestFolder && stats.fullestFolder.entries > host.maxEntriesPerFolder) {
    problems.push(`${stats.fullestFolder.path || '(the root)'} holds ${count(stats.fullestFolder.entries)} entries, over its ${count(host.maxEntriesPerFolder)} a folder`);
  }
  return problems;
}

/** The report printed at the end of every build: what was written, and which hosts take it as it is. */
export function formatHostingReport(stats: OutputStats, hosts: readonly HostLimits[] = HOSTS): string {
  const lines = [`Output: ${formatBytes(stats.totalBytes)} in ${count(stats.files)} files`];
  if (stats.largestFile) lines.push(`  largest file: ${stats.largestFile.path} (${formatBytes(stats.largestFile.bytes)})`);
  if (stats.fullestFolder) lines.push(`  fullest folder: ${stats.fullestFolder.path || '(the root)'} (${count(stats.fullestFolder.entries)} entries)`);
  lines.push('Fits:');
  const width = Math.max(...hosts.map((host) => host.name.length));
  for (const host of hosts) {
    const problems = hostProblems(stats, host);
    lines.push(problems.length ? `  no  ${host.name.padEnd(width)}  ${problems.join('; ')}` : `  yes ${host.name}`);
  }
  if (hosts.some((host) => hostProblems(stats, host).length)) lines.push('A host with a file cap: see "Hosting a large collection" in the README (PRERENDER_LIMIT).');
  return lines.join('\n');
}
