import type { Location } from 'react-router-dom';

/**
 * Every page loaded afresh gets the history key "default", so React Router would hand one page's saved
 * scroll position to whichever page is loaded next in the tab. Such entries are told apart by address.
 */
export function scrollPositionKey(location: Location): string {
  return location.key === 'default' ? `default:${location.pathname}${location.search}` : location.key;
}
