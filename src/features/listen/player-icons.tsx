/** Small inline icons for the player's buttons; each button carries its own label. */
const PATHS = {
  play: 'M8 5v14l11-7z',
  pause: 'M6 5h4v14H6zM14 5h4v14h-4z',
  previousSentence: 'M11 18V6l-8.5 6zM20 18V6l-8.5 6z',
  nextSentence: 'M4 18l8.5-6L4 6zM13 18l8.5-6L13 6z',
  previousParagraph: 'M6 6h2v12H6zM9.5 12l8.5 6V6z',
  nextParagraph: 'M6 18l8.5-6L6 6zM16 6h2v12h-2z',
  options: 'M3 6h18v2H3zM3 11h18v2H3zM3 16h18v2H3z',
  close: 'M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z',
} as const;

export type PlayerIconName = keyof typeof PATHS;

export function PlayerIcon({ name }: { name: PlayerIconName }) {
  // Arrows point with the reading direction: flipped in right-to-left pages.
  const mirrored = name !== 'play' && name !== 'pause' && name !== 'options' && name !== 'close';
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" className={mirrored ? 'rtl:-scale-x-100' : undefined}>
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
