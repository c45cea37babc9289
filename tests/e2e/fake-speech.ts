import type { Page } from '@playwright/test';

export interface FakeVoice {
  name: string;
  lang: string;
  localService?: boolean;
  default?: boolean;
}

export const FAKE_VOICES: FakeVoice[] = [
  { name: 'Fake English', lang: 'en-US', default: true },
  { name: 'Fake English Two', lang: 'en-GB' },
  { name: 'Fake English Online', lang: 'en-US', localService: false },
  { name: 'Fake German', lang: 'de-DE' },
  { name: 'Fake Arabic', lang: 'ar-SA' },
];

export interface SpokenUtterance {
  text: string;
  lang: string;
  voice: string | null;
  rate: number;
}

/**
 * A scripted speechSynthesis, installed before the app loads. It lists `voices` and speaks
 * nothing: the test decides when the current utterance reports a word (`speechBoundary`) and when
 * it ends (`finishUtterance`), so the follow-along is driven step by step, never by the clock.
 * It also records Media Session action handlers so a test can press the lock-screen buttons.
 */
export async function installFakeSpeech(page: Page, voices: FakeVoice[] = FAKE_VOICES): Promise<void> {
  // Run under tsx (npm run screenshots), the script below calls esbuild's `__name` helper, which the page lacks.
  await page.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
  await page.addInitScript((voiceList: FakeVoice[]) => {
    const list = voiceList.map((v) => ({ voiceURI: `fake:${v.name}`, name: v.name, lang: v.lang, localService: v.localService ?? true, default: v.default ?? false }));
    class FakeUtterance extends EventTarget {
      text: string;
      lang = '';
      voice: { name: string } | null = null;
      rate = 1;
      pitch = 1;
      volume = 1;
      constructor(text = '') {
        super();
        this.text = text;
      }
    }
    const queue: FakeUtterance[] = [];
    const state = { current: null as FakeUtterance | null, spoken: [] as { text: string; lang: string; voice: string | null; rate: number }[] };
    const fire = (target: EventTarget, type: string, fields: Record<string, unknown> = {}) => target.dispatchEvent(Object.assign(new Event(type), fields));
    const startNext = () => {
      const next = queue.shift() ?? null;
      state.current = next;
      if (!next) return;
      state.spoken.push({ text: next.text, lang: next.lang, voice: next.voice?.name ?? null, rate: next.rate });
      queueMicrotask(() => fire(next, 'start', { charIndex: 0 }));
    };
    class FakeSynthesis extends EventTarget {
      paused = false;
      get speaking() {
        return state.current !== null;
      }
      get pending() {
        return queue.length > 0;
      }
      getVoices() {
        return list;
      }
      speak(utterance: FakeUtterance) {
        queue.push(utterance);
        if (!state.current) startNext();
      }
      cancel() {
        const current = state.current;
        queue.length = 0;
        state.current = null;
        // As Chrome does: the cancelled utterance reports an interruption.
        if (current) queueMicrotask(() => fire(current, 'error', { error: 'interrupted' }));
      }
      pause() {
        this.paused = true;
      }
      resume() {
        this.paused = false;
      }
    }
    const synthesis = new FakeSynthesis();
    Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true, writable: true });
    // Chrome lists its voices a moment later and says so.
    setTimeout(() => synthesis.dispatchEvent(new Event('voiceschanged')), 0);

    const mediaHandlers: Record<string, (() => void) | null> = {};
    if ('mediaSession' in navigator) {
      const original = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
      navigator.mediaSession.setActionHandler = (action, handler) => {
        mediaHandlers[action] = handler as (() => void) | null;
        original(action, handler);
      };
    }
    Object.assign(window, {
      __speech: {
        state,
        boundary(charIndex: number, charLength?: number) {
          if (state.current) fire(state.current, 'boundary', { charIndex, charLength, name: 'word' });
        },
        finish() {
          const done = state.current;
          if (!done) throw new Error('nothing is being spoken');
          startNext();
          fire(done, 'end', { charIndex: done.text.length });
        },
      },
      __mediaHandlers: mediaHandlers,
    });
  }, voices);
}

type SpeechWindow = Window & { __speech: { state: { current: { text: string } | null; spoken: SpokenUtterance[] }; boundary(i: number, l?: number): void; finish(): void } };

export async function spoken(page: Page): Promise<SpokenUtterance[]> {
  return page.evaluate(() => (window as unknown as SpeechWindow).__speech.state.spoken);
}

/** What the voice is saying now (null: silent). */
export async function speaking(page: Page): Promise<string | null> {
  return page.evaluate(() => (window as unknown as SpeechWindow).__speech.state.current?.text ?? null);
}

export async function lastSpoken(page: Page): Promise<SpokenUtterance | undefined> {
  return (await spoken(page)).at(-1);
}

/** Ends the utterance being spoken, as the engine does when it has said it all. */
export async function finishUtterance(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as SpeechWindow).__speech.finish());
}

export async function speechBoundary(page: Page, charIndex: number, charLength?: number): Promise<void> {
  await page.evaluate(([i, l]) => (window as unknown as SpeechWindow).__speech.boundary(i as number, l), [charIndex, charLength] as const);
}

/** The text under a CSS custom highlight (the follow-along mark), or null when none is drawn. */
export async function markedText(page: Page, name = 'listen-sentence'): Promise<string | null> {
  return page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
    if (!highlight) return null;
    return [...(highlight as unknown as Iterable<Range>)].map((range) => range.toString()).join('');
  }, name);
}

export async function pressMediaAction(page: Page, action: string): Promise<void> {
  await page.evaluate((name) => {
    const handler = (window as unknown as { __mediaHandlers: Record<string, (() => void) | null> }).__mediaHandlers[name];
    if (!handler) throw new Error(`no handler for ${name}`);
    handler();
  }, action);
}
