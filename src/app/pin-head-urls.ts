/**
 * The built pages link their icon, manifest and feed relatively, so one build works under any
 * path. Once the app moves between pages with the History API those relative URLs would resolve
 * against the new address, so they are pinned to absolute URLs while the first address holds.
 */
export function pinHeadUrls(head: HTMLHeadElement): void {
  for (const link of head.querySelectorAll<HTMLLinkElement>('link[href]')) link.setAttribute('href', link.href);
}
