import * as v from 'valibot';

/**
 * The reader's display preferences. They are applied to <html> as data attributes, before the
 * first paint by public/apply-settings.js (inlined into every page at build time, allowed by its CSP hash) and
 * afterwards by the settings panel; both must agree with `settingsAttributes` below.
 */
export const READER_SETTINGS_KEY = 'broadsheet:settings';

export const THEMES = ['system', 'light', 'sepia', 'dark'] as const;
export const FONTS = ['serif', 'sans'] as const;
export const TEXT_SIZES = ['90', '100', '112', '125', '140'] as const;
export const LINE_WIDTHS = ['narrow', 'medium', 'wide'] as const;
export const LINE_SPACINGS = ['compact', 'normal', 'loose'] as const;

const SettingsSchema = v.object({
  theme: v.fallback(v.picklist(THEMES), 'system'),
  font: v.fallback(v.picklist(FONTS), 'serif'),
  textSize: v.fallback(v.picklist(TEXT_SIZES), '100'),
  lineWidth: v.fallback(v.picklist(LINE_WIDTHS), 'medium'),
  lineSpacing: v.fallback(v.picklist(LINE_SPACINGS), 'normal'),
  shortcuts: v.fallback(v.boolean(), true),
});

export type ReaderSettings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: ReaderSettings = v.parse(SettingsSchema, {});

/** Reads stored settings; anything missing or unreadable falls back to its default, field by field. */
export function parseSettings(raw: string | null): ReaderSettings {
  if (!raw) return DEFAULT_SETTINGS;
  try {
    const value: unknown = JSON.parse(raw);
    return v.parse(SettingsSchema, typeof value === 'object' && value !== null ? value : {});
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/**
 * The data attributes on <html> that the stylesheet reads. `data-js` says scripts run: without
 * it (JavaScript off) the controls that need them are hidden and the page is plain reading.
 */
export function settingsAttributes(settings: ReaderSettings): Record<string, string> {
  return {
    'data-js': 'on',
    'data-theme': settings.theme,
    'data-font': settings.font,
    'data-text-size': settings.textSize,
    'data-line-width': settings.lineWidth,
    'data-line-spacing': settings.lineSpacing,
  };
}

export const SETTING_LABELS = {
  theme: { system: 'System', light: 'Light', sepia: 'Sepia', dark: 'Dark' },
  font: { serif: 'Serif', sans: 'Sans-serif' },
  textSize: { '90': 'Small', '100': 'Medium', '112': 'Large', '125': 'Larger', '140': 'Largest' },
  lineWidth: { narrow: 'Narrow', medium: 'Medium', wide: 'Wide' },
  lineSpacing: { compact: 'Compact', normal: 'Normal', loose: 'Loose' },
} as const;
