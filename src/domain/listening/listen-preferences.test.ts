import { describe, expect, it } from 'vitest';
import { chooseVoice, DEFAULT_LISTEN_PREFERENCES, parseListenPreferences, voicesForLanguage, type VoiceInfo } from './listen-preferences.ts';

const voice = (name: string, lang: string, localService = true, isDefault = false): VoiceInfo => ({ voiceURI: `uri:${name}`, name, lang, localService, default: isDefault });

describe('parseListenPreferences', () => {
  it('reads stored choices and keeps the speed in range', () => {
    expect(parseListenPreferences(JSON.stringify({ rate: 1.5, voices: { en: 'uri:A' }, continueToNext: true }))).toEqual({ rate: 1.5, voices: { en: 'uri:A' }, continueToNext: true });
    expect(parseListenPreferences(JSON.stringify({ rate: 9 })).rate).toBe(2);
  });

  it('falls back to the defaults for missing, broken or hostile data', () => {
    expect(parseListenPreferences(null)).toEqual(DEFAULT_LISTEN_PREFERENCES);
    expect(parseListenPreferences('{not json')).toEqual(DEFAULT_LISTEN_PREFERENCES);
    expect(parseListenPreferences(JSON.stringify({ rate: 'fast' }))).toEqual(DEFAULT_LISTEN_PREFERENCES);
    expect(parseListenPreferences('[]')).toEqual(DEFAULT_LISTEN_PREFERENCES);
  });
});

describe('voicesForLanguage', () => {
  const voices = [voice('Zed online', 'en-GB', false), voice('Anna', 'de-DE'), voice('Bob', 'en-US'), voice('Default', 'en-US', true, true), voice('Amir', 'ar')];

  it('keeps only the article language, on-device and default voices first', () => {
    expect(voicesForLanguage(voices, 'en').map((v) => v.name)).toEqual(['Default', 'Bob', 'Zed online']);
    expect(voicesForLanguage(voices, 'de-AT').map((v) => v.name)).toEqual(['Anna']);
    expect(voicesForLanguage(voices, 'he')).toEqual([]);
    expect(voicesForLanguage(voices, undefined)).toEqual([]);
  });

  it('prefers the reader’s region among equals', () => {
    const two = [voice('US', 'en-US'), voice('UK', 'en_GB')];
    expect(voicesForLanguage(two, 'en', 'en-GB').map((v) => v.name)).toEqual(['UK', 'US']);
  });

  it('chooses the remembered voice while it exists, else the best', () => {
    const ranked = voicesForLanguage(voices, 'en');
    expect(chooseVoice(ranked, 'uri:Bob')?.name).toBe('Bob');
    expect(chooseVoice(ranked, 'uri:Gone')?.name).toBe('Default');
    expect(chooseVoice([], 'uri:Bob')).toBeNull();
  });
});
