import { useEffect, useRef } from 'react';
import type { PlaybackStatus } from '../../domain/listening/playback.ts';
import { useAbsoluteUrl } from '../../ui/use-absolute-url.ts';
import { APP_NAME } from '../../config/app.ts';

export interface MediaSessionActions {
  play(): void;
  pause(): void;
  previousSentence(): void;
  nextSentence(): void;
  previousParagraph(): void;
  /** Null when there is no next article. */
  nextArticle: (() => void) | null;
}

const ACTIONS: MediaSessionAction[] = ['play', 'pause', 'stop', 'seekbackward', 'seekforward', 'previoustrack', 'nexttrack'];

function setHandler(action: MediaSessionAction, handler: MediaSessionActionHandler | null): void {
  try {
    navigator.mediaSession.setActionHandler(action, handler);
  } catch {
    // An action this browser does not know: the others still work.
  }
}

/**
 * The lock screen and headphone buttons: the headline and site name with the app's icon, and
 * play, pause, sentence by sentence (seek back/forward), paragraph back and next article (tracks).
 * Browsers show these only while the page counts as playing media; where speechSynthesis does
 * not count (most), the controls appear only if the platform lists the page anyway.
 */
export function useMediaSession(headline: string, status: PlaybackStatus, actions: MediaSessionActions): void {
  const absolute = useAbsoluteUrl();
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  const hasNextArticle = actions.nextArticle !== null;

  useEffect(() => {
    if (!('mediaSession' in navigator) || typeof MediaMetadata === 'undefined') return;
    navigator.mediaSession.metadata = new MediaMetadata({
      title: headline,
      artist: APP_NAME,
      album: 'Listen',
      artwork: [
        { src: absolute('/icons/icon-192.png'), sizes: '192x192', type: 'image/png' },
        { src: absolute('/icons/icon-512.png'), sizes: '512x512', type: 'image/png' },
      ],
    });
    setHandler('play', () => latest.current.play());
    setHandler('pause', () => latest.current.pause());
    setHandler('stop', () => latest.current.pause());
    setHandler('seekbackward', () => latest.current.previousSentence());
    setHandler('seekforward', () => latest.current.nextSentence());
    setHandler('previoustrack', () => latest.current.previousParagraph());
    setHandler('nexttrack', hasNextArticle ? () => latest.current.nextArticle?.() : null);
    return () => {
      navigator.mediaSession.metadata = null;
      navigator.mediaSession.playbackState = 'none';
      for (const action of ACTIONS) setHandler(action, null);
    };
  }, [headline, absolute, hasNextArticle]);

  useEffect(() => {
    if (!('mediaSession' in navigator)) return;
    navigator.mediaSession.playbackState = status === 'playing' ? 'playing' : status === 'paused' ? 'paused' : 'none';
  }, [status]);
}
