import { useEffect, useState } from 'react';
import type { SpeechEngine } from './speech-engine.ts';

// Chrome lists its voices a moment after the page asks; past this, an empty list means there are none.
const VOICES_GRACE_MS = 2000;

export type VoicesState = { status: 'loading' } | { status: 'ready'; voices: SpeechSynthesisVoice[] };

/** The engine's voices, following `voiceschanged` (voices can arrive late or be installed meanwhile). */
export function useVoices(engine: SpeechEngine | null): VoicesState {
  const [state, setState] = useState<VoicesState>(() => {
    const voices = engine?.voices() ?? [];
    return voices.length > 0 || !engine ? { status: 'ready', voices } : { status: 'loading' };
  });

  useEffect(() => {
    if (!engine) return;
    const read = () => {
      const voices = engine.voices();
      if (voices.length > 0) setState({ status: 'ready', voices });
    };
    read();
    const stop = engine.onVoicesChanged(read);
    const grace = window.setTimeout(() => setState((current) => (current.status === 'loading' ? { status: 'ready', voices: engine.voices() } : current)), VOICES_GRACE_MS);
    return () => {
      stop();
      window.clearTimeout(grace);
    };
  }, [engine]);

  return state;
}
