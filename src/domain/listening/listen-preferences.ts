import * as v from 'valibot';
import { clampRate } from './playback.ts';

/** The reader's listening choices: speed, a voice per language, whether to go on to the next article. */
export const LISTEN_PREFERENCES_KEY = 'broadsheet:listen';

const PreferencesSchema = v.object({
  rate: v.optional(v.pipe(v.number(), v.transform(clampRate)), 1),
  /** Voice URI per primary language subtag ("en", "de", "ar"). */
  voices: v.optional(v.record(v.pipe(v.string(), v.maxLength(35)), v.pipe(v.string(), v.maxLength(500))), {}),
  continueToNext: v.optional(v.boolean(), false),
});

export type ListenPreferences = v.InferOutput<typeof PreferencesSchema>;

export const DEFAULT_LISTEN_PREFERENCES: ListenPreferences = { rate: 1, voices: {}, continueToNext: false };

/** Reads the stored choices; anything unreadable falls back to the defaults (a preference, nothing is lost). */
export function parseListenPreferences(raw: string | null): ListenPreferences {
  if (!raw) return DEFAULT_LISTEN_PREFERENCES;
  try {
    const parsed = v.safeParse(PreferencesSchema, JSON.parse(raw));
    return parsed.success ? parsed.output : DEFAULT_LISTEN_PREFERENCES;
  } catch {
    return DEFAULT_LISTEN_PREFERENCES;
  }
}

export function primaryLanguage(lang: string | undefined): string {
  return (lang ?? '').split(/[-_]/)[0]?.toLowerCase() ?? '';
}

/** What the player needs of a SpeechSynthesisVoice (a plain object in tests). */
export interface VoiceInfo {
  voiceURI: string;
  name: string;
  lang: string;
  localService: boolean;
  default: boolean;
}

/**
 * The voices that speak `lang`, best first: voices on the device (they work offline and send no
 * text anywhere) before network ones, the system default first among equals, then a voice of the
 * reader's own region, then by name. Empty when no voice speaks the language.
 */
export function voicesForLanguage<V extends VoiceInfo>(voices: readonly V[], lang: string | undefined, preferredRegion?: string): V[] {
  const language = primaryLanguage(lang);
  if (!language) return [];
  const region = preferredRegion?.toLowerCase();
  const score = (voice: V) =>
    (voice.localService ? 4 : 0) + (voice.default ? 2 : 0) + (region && voice.lang.toLowerCase().replace('_', '-') === region ? 1 : 0);
  return voices
    .filter((voice) => primaryLanguage(voice.lang) === language)
    .sort((a, b) => score(b) - score(a) || a.name.localeCompare(b.name));
}

/** The voice to use: the one remembered for the language if it is still there, else the best. */
export function chooseVoice<V extends VoiceInfo>(ranked: readonly V[], remembered: string | undefined): V | null {
  return ranked.find((voice) => voice.voiceURI === remembered) ?? ranked[0] ?? null;
}
