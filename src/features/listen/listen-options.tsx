import { useId } from 'react';
import { RATES, type SleepTimer } from '../../domain/listening/playback.ts';
import { SelectField } from '../../ui/select-field.tsx';

const SLEEP_CHOICES = [
  { value: 'off', label: 'Off' },
  { value: '5', label: 'In 5 minutes' },
  { value: '15', label: 'In 15 minutes' },
  { value: '30', label: 'In 30 minutes' },
  { value: '60', label: 'In 1 hour' },
  { value: 'article-end', label: 'At the end of this article' },
] as const;

export interface ListenOptionsProps {
  id: string;
  rate: number;
  onRate(rate: number): void;
  voices: readonly SpeechSynthesisVoice[];
  /** No voice speaks the article's language: these are the other languages' voices. */
  voicesAreOtherLanguages: boolean;
  languageLabel: string;
  voiceURI: string;
  onVoice(voiceURI: string): void;
  sleep: SleepTimer;
  onSleep(minutes: number | 'article-end' | null): void;
  continueToNext: boolean;
  onContinueToNext(value: boolean): void;
}

function sleepValue(sleep: SleepTimer): string {
  if (!sleep) return 'off';
  if (sleep.kind === 'article-end') return 'article-end';
  return 'custom';
}

/** Speed, voice, sleep timer and "continue", with a plain word on where speech stops by itself. */
export function ListenOptions(props: ListenOptionsProps) {
  const continueId = useId();
  const sleep = sleepValue(props.sleep);
  const sleepOptions =
    props.sleep?.kind === 'at'
      ? [{ value: 'custom', label: `At ${new Date(props.sleep.time).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}` }, ...SLEEP_CHOICES]
      : SLEEP_CHOICES;
  const voiceOptions = [
    ...(props.voiceURI ? [] : [{ value: '', label: 'Choose a voice' }]),
    ...props.voices.map((voice) => ({ value: voice.voiceURI, label: `${voice.name} (${voice.lang})${voice.localService ? '' : ', online'}` })),
  ];
  return (
    // At most half the screen, so the sentence being read stays in sight above it on a phone.
    <div id={props.id} className="mt-2 grid max-h-[50vh] gap-3 overflow-y-auto border-t border-stone-300 px-2 pt-3 sm:grid-cols-3 dark:border-stone-600">
      <SelectField
        label="Speed"
        value={String(props.rate)}
        options={RATES.map((rate) => ({ value: String(rate), label: `${rate}×` }))}
        onChange={(value) => props.onRate(Number(value))}
        compact
      />
      <SelectField label={props.voicesAreOtherLanguages ? `Voice (none speaks ${props.languageLabel})` : 'Voice'} value={props.voiceURI} options={voiceOptions} onChange={props.onVoice} compact />
      <SelectField
        label="Sleep timer"
        value={sleep}
        options={sleepOptions}
        onChange={(value) => {
          if (value === 'custom') return;
          props.onSleep(value === 'off' ? null : value === 'article-end' ? 'article-end' : Number(value));
        }}
        compact
      />
      <div className="flex min-h-11 items-center gap-2 sm:col-span-3">
        <input id={continueId} type="checkbox" checked={props.continueToNext} onChange={(event) => props.onContinueToNext(event.target.checked)} className="size-5" />
        <label htmlFor={continueId} className="text-sm">
          Continue with the next article
        </label>
      </div>
      <p className="text-xs text-stone-700 sm:col-span-3 dark:text-stone-300">
        Reading aloud uses this device’s own voices and works offline. With the screen off or the browser in the background it may stop: Chrome on Android and
        Safari on iPhone and iPad pause speech there, and lock-screen controls appear only where the browser shows them. Keep this page open to listen to the end.
      </p>
    </div>
  );
}
