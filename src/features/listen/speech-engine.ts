/**
 * The thin layer over the browser's speechSynthesis: speak one utterance, silence, list voices.
 * It decides nothing; the playback state machine (domain/listening/playback.ts) does.
 */
export interface UtteranceHandlers {
  onStart(): void;
  onBoundary(charIndex: number, charLength: number | undefined, name: string): void;
  onEnd(): void;
  onError(error: string): void;
}

export interface SpeakOptions {
  lang: string | undefined;
  voice: SpeechSynthesisVoice | null;
  rate: number;
}

export interface SpeechEngine {
  voices(): SpeechSynthesisVoice[];
  onVoicesChanged(listener: () => void): () => void;
  speak(text: string, options: SpeakOptions, handlers: UtteranceHandlers): void;
  silence(): void;
}

/** The browser's engine, or null where there is none (then the player says so). */
export function browserSpeechEngine(): SpeechEngine | null {
  if (typeof window === 'undefined' || !('speechSynthesis' in window) || typeof SpeechSynthesisUtterance === 'undefined') return null;
  const synth = window.speechSynthesis;
  return {
    voices: () => synth.getVoices(),
    onVoicesChanged(listener) {
      synth.addEventListener('voiceschanged', listener);
      return () => synth.removeEventListener('voiceschanged', listener);
    },
    speak(text, { lang, voice, rate }, handlers) {
      const utterance = new SpeechSynthesisUtterance(text);
      if (lang) utterance.lang = lang;
      if (voice) {
        utterance.voice = voice;
        utterance.lang = voice.lang;
      }
      utterance.rate = rate;
      utterance.addEventListener('start', () => handlers.onStart());
      utterance.addEventListener('boundary', (event) => handlers.onBoundary(event.charIndex, event.charLength, event.name));
      utterance.addEventListener('end', () => handlers.onEnd());
      utterance.addEventListener('error', (event) => handlers.onError(event.error));
      synth.speak(utterance);
      // Chrome can be left paused by an earlier page or tab: a queued utterance then never starts.
      if (synth.paused) synth.resume();
    },
    silence() {
      synth.cancel();
    },
  };
}
