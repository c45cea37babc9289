import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SETTINGS,
  FONTS,
  LINE_SPACINGS,
  LINE_WIDTHS,
  parseSettings,
  READER_SETTINGS_KEY,
  settingsAttributes,
  TEXT_SIZES,
  THEMES,
  type ReaderSettings,
} from './reader-settings.ts';

/** The defaults, written out from the spec rather than read from the module. */
const DEFAULTS: ReaderSettings = { theme: 'system', font: 'serif', textSize: '100', lineWidth: 'medium', lineSpacing: 'normal', shortcuts: true };

const stored = (value: unknown): string => JSON.stringify(value);

const invalidValue = fc.oneof(fc.jsonValue(), fc.string(), fc.constantFrom('Dark', 'SANS', ' 100', '100 ', 'toString', 'constructor', '__proto__'));
const fieldValue = <T extends string>(valid: readonly T[]) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: invalidValue });

/** Stored values that look like settings: every field optional, most values valid, some not. */
const storedSettingsArbitrary = fc
  .record(
    {
      theme: fieldValue(THEMES),
      font: fieldValue(FONTS),
      textSize: fieldValue(TEXT_SIZES),
      lineWidth: fieldValue(LINE_WIDTHS),
      lineSpacing: fieldValue(LINE_SPACINGS),
      shortcuts: fc.oneof(fc.boolean(), invalidValue),
    },
    { requiredKeys: [] },
  )
  .map((settings) => JSON.stringify(settings));

describe('parseSettings', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(parseSettings(null)).toEqual(DEFAULTS);
    expect(DEFAULT_SETTINGS).toEqual(DEFAULTS);
  });

  it('gives the defaults for an empty stored string', () => {
    expect(parseSettings('')).toEqual(DEFAULTS);
  });

  it.each(['{', '{"theme":"dark"', 'theme=dark', '{theme: "dark"}', "{'theme':'dark'}", ' ', 'undefined', 'NaN'])(
    'gives the defaults for broken JSON %j',
    (raw) => {
      expect(parseSettings(raw)).toEqual(DEFAULTS);
    },
  );

  it.each(['null', 'true', 'false', '0', '42', '"dark"', '""', '[]', '["dark","sans"]', '[{"theme":"dark"}]'])(
    'gives the defaults for JSON that is not a settings object: %s',
    (raw) => {
      expect(parseSettings(raw)).toEqual(DEFAULTS);
    },
  );

  it('gives the defaults for an empty object', () => {
    expect(parseSettings('{}')).toEqual(DEFAULTS);
  });

  it('keeps the fields of a partial object and fills the rest with defaults', () => {
    expect(parseSettings(stored({ theme: 'dark' }))).toEqual({ ...DEFAULTS, theme: 'dark' });
    expect(parseSettings(stored({ font: 'sans', lineSpacing: 'loose' }))).toEqual({ ...DEFAULTS, font: 'sans', lineSpacing: 'loose' });
    expect(parseSettings(stored({ shortcuts: false }))).toEqual({ ...DEFAULTS, shortcuts: false });
  });

  it('replaces each invalid field by its default while keeping the valid ones beside it', () => {
    const raw = stored({ theme: 'neon', font: 'sans', textSize: 100, lineWidth: 'WIDE', lineSpacing: 'loose', shortcuts: 'no' });
    expect(parseSettings(raw)).toEqual({ theme: 'system', font: 'sans', textSize: '100', lineWidth: 'medium', lineSpacing: 'loose', shortcuts: true });
  });

  it.each<[keyof ReaderSettings, unknown]>([
    ['theme', 'Dark'],
    ['theme', ' dark'],
    ['theme', null],
    ['theme', ['dark']],
    ['theme', { value: 'dark' }],
    ['font', 'monospace'],
    ['font', 1],
    ['textSize', 112],
    ['textSize', '112%'],
    ['textSize', '150'],
    ['lineWidth', 'full'],
    ['lineSpacing', 'double'],
    ['shortcuts', 'false'],
    ['shortcuts', 0],
    ['shortcuts', null],
  ])('falls back to the default %s when the stored value is %j, keeping the other fields', (field, value) => {
    const others = { theme: 'sepia', font: 'sans', textSize: '140', lineWidth: 'wide', lineSpacing: 'compact', shortcuts: false } as const;
    const result = parseSettings(stored({ ...others, [field]: value }));
    expect(result).toEqual({ ...others, [field]: DEFAULTS[field] });
  });

  it('keeps every valid value of every field', () => {
    for (const theme of THEMES) expect(parseSettings(stored({ theme })).theme).toBe(theme);
    for (const font of FONTS) expect(parseSettings(stored({ font })).font).toBe(font);
    for (const textSize of TEXT_SIZES) expect(parseSettings(stored({ textSize })).textSize).toBe(textSize);
    for (const lineWidth of LINE_WIDTHS) expect(parseSettings(stored({ lineWidth })).lineWidth).toBe(lineWidth);
    for (const lineSpacing of LINE_SPACINGS) expect(parseSettings(stored({ lineSpacing })).lineSpacing).toBe(lineSpacing);
    for (const shortcuts of [true, false]) expect(parseSettings(stored({ shortcuts })).shortcuts).toBe(shortcuts);
  });

  it('offers exactly the documented choices', () => {
    expect([...THEMES]).toEqual(['system', 'light', 'sepia', 'dark']);
    expect([...FONTS]).toEqual(['serif', 'sans']);
    expect([...TEXT_SIZES]).toEqual(['90', '100', '112', '125', '140']);
    expect([...LINE_WIDTHS]).toEqual(['narrow', 'medium', 'wide']);
    expect([...LINE_SPACINGS]).toEqual(['compact', 'normal', 'loose']);
  });

  it('round-trips a complete set of valid settings', () => {
    const settings: ReaderSettings = { theme: 'dark', font: 'sans', textSize: '90', lineWidth: 'narrow', lineSpacing: 'compact', shortcuts: false };
    expect(parseSettings(stored(settings))).toEqual(settings);
  });

  it('drops fields it does not know', () => {
    const result = parseSettings(stored({ theme: 'light', colour: 'red', __extra: 1 }));
    expect(result).toEqual({ ...DEFAULTS, theme: 'light' });
    expect(Object.keys(result).sort()).toEqual(Object.keys(DEFAULTS).sort());
  });

  it('does not take settings from a "__proto__" key', () => {
    expect(parseSettings('{"__proto__":{"theme":"dark","font":"sans"}}')).toEqual(DEFAULTS);
  });

  it('never throws and always gives a complete, valid set of settings, whatever is stored', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), storedSettingsArbitrary), (raw) => {
        const result = parseSettings(raw);
        expect(THEMES).toContain(result.theme);
        expect(FONTS).toContain(result.font);
        expect(TEXT_SIZES).toContain(result.textSize);
        expect(LINE_WIDTHS).toContain(result.lineWidth);
        expect(LINE_SPACINGS).toContain(result.lineSpacing);
        expect(typeof result.shortcuts).toBe('boolean');
      }),
    );
  });
});

describe('settingsAttributes', () => {
  it('maps each display setting to its data attribute on <html>', () => {
    const settings: ReaderSettings = { theme: 'sepia', font: 'sans', textSize: '125', lineWidth: 'wide', lineSpacing: 'loose', shortcuts: true };
    expect(settingsAttributes(settings)).toEqual({
      'data-js': 'on',
      'data-theme': 'sepia',
      'data-font': 'sans',
      'data-text-size': '125',
      'data-line-width': 'wide',
      'data-line-spacing': 'loose',
    });
  });

  it('gives the default attributes for the default settings', () => {
    expect(settingsAttributes(DEFAULTS)).toEqual({
      'data-js': 'on',
      'data-theme': 'system',
      'data-font': 'serif',
      'data-text-size': '100',
      'data-line-width': 'medium',
      'data-line-spacing': 'normal',
    });
  });

  it('has no attribute for keyboard shortcuts, which are not a display setting', () => {
    const on = settingsAttributes({ ...DEFAULTS, shortcuts: true });
    const off = settingsAttributes({ ...DEFAULTS, shortcuts: false });
    expect(off).toEqual(on);
    expect(Object.keys(on).every((name) => name.startsWith('data-'))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// public/apply-settings.js runs before the app and must paint exactly what the app will apply.

const SCRIPT_PATH = path.resolve(import.meta.dirname, '../../../public/apply-settings.js');
const scriptSource = readFileSync(SCRIPT_PATH, 'utf8');

function resetRootAttributes(): void {
  const root = document.documentElement;
  for (const name of root.getAttributeNames()) root.removeAttribute(name);
}

function dataAttributesOfRoot(): Record<string, string> {
  const root = document.documentElement;
  return Object.fromEntries(root.getAttributeNames().filter((name) => name.startsWith('data-')).map((name) => [name, root.getAttribute(name) ?? '']));
}

function runApplySettingsScript(): void {
  // eslint-disable-next-line no-new-func -- runs the shipped script under test
  new Function(scriptSource)();
}

/** Runs the shipped script over `raw` (null: nothing stored) and returns the data attributes it set on <html>. */
function attributesFromScript(raw: string | null): Record<string, string> {
  resetRootAttributes();
  if (raw === null) localStorage.removeItem(READER_SETTINGS_KEY);
  else localStorage.setItem(READER_SETTINGS_KEY, raw);
  runApplySettingsScript();
  return dataAttributesOfRoot();
}

describe('public/apply-settings.js agrees with settingsAttributes', () => {
  afterEach(() => {
    resetRootAttributes();
  });

  it('sets exactly the data attributes settingsAttributes gives on <html>', () => {
    expect(attributesFromScript(null)).toEqual(settingsAttributes(DEFAULTS));
    expect(document.documentElement.getAttributeNames().sort()).toEqual(Object.keys(settingsAttributes(DEFAULTS)).sort());
  });

  const examples: [string, string | null][] = [
    ['nothing stored', null],
    ['an empty string', ''],
    ['broken JSON', '{"theme":"dark"'],
    ['plain text', 'dark'],
    ['JSON null', 'null'],
    ['JSON false', 'false'],
    ['JSON 0', '0'],
    ['a JSON number', '42'],
    ['a JSON string', '"dark"'],
    ['an empty JSON string', '""'],
    ['an empty array', '[]'],
    ['an array of values', '["dark","sans","140"]'],
    ['an empty object', '{}'],
    ['a partial object', stored({ theme: 'dark' })],
    ['another partial object', stored({ font: 'sans', textSize: '140' })],
    ['all valid fields', stored({ theme: 'sepia', font: 'sans', textSize: '90', lineWidth: 'narrow', lineSpacing: 'loose', shortcuts: false })],
    ['all invalid fields', stored({ theme: 'neon', font: 'mono', textSize: 100, lineWidth: 'WIDE', lineSpacing: null, shortcuts: 'x' })],
    ['valid and invalid fields mixed', stored({ theme: 'dark', font: 'comic', textSize: '112', lineWidth: ['wide'], lineSpacing: 'compact' })],
    ['wrong case', stored({ theme: 'DARK', font: 'Sans' })],
    ['padded values', stored({ theme: ' dark', textSize: '100 ' })],
    ['numbers for sizes', stored({ textSize: 140 })],
    ['names of Object.prototype members', stored({ theme: 'toString', font: 'constructor', textSize: 'valueOf', lineWidth: 'hasOwnProperty' })],
    ['a "__proto__" key', '{"__proto__":{"theme":"dark","font":"sans"}}'],
    ['nested settings', stored({ settings: { theme: 'dark' } })],
    ['unknown fields only', stored({ colour: 'red' })],
  ];

  it.each(examples)('sets the same attributes as the app for %s', (_label, raw) => {
    expect(attributesFromScript(raw)).toEqual(settingsAttributes(parseSettings(raw)));
  });

  it('knows every value the app allows for every field', () => {
    const fields: [keyof ReaderSettings, readonly string[]][] = [
      ['theme', THEMES],
      ['font', FONTS],
      ['textSize', TEXT_SIZES],
      ['lineWidth', LINE_WIDTHS],
      ['lineSpacing', LINE_SPACINGS],
    ];
    for (const [field, values] of fields) {
      for (const value of values) {
        const raw = stored({ [field]: value });
        expect(attributesFromScript(raw), `${field}: ${value}`).toEqual(settingsAttributes(parseSettings(raw)));
      }
    }
  });

  it('sets the same attributes as the app for any stored value', () => {
    fc.assert(
      fc.property(fc.oneof(storedSettingsArbitrary, fc.string(), fc.json()), (raw) => {
        expect(attributesFromScript(raw)).toEqual(settingsAttributes(parseSettings(raw)));
      }),
      { numRuns: 300 },
    );
  });

  it('replaces attributes already on <html> rather than keeping them', () => {
    resetRootAttributes();
    document.documentElement.setAttribute('data-theme', 'dark');
    document.documentElement.setAttribute('data-font', 'sans');
    localStorage.setItem(READER_SETTINGS_KEY, stored({ theme: 'light' }));
    runApplySettingsScript();
    expect(dataAttributesOfRoot()).toEqual(settingsAttributes({ ...DEFAULTS, theme: 'light' }));
  });

  it('applies the defaults, without throwing, when reading localStorage throws', () => {
    const original = Object.getOwnPropertyDescriptor(window, 'localStorage');
    resetRootAttributes();
    document.documentElement.setAttribute('data-theme', 'dark');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      expect(() => window.localStorage).toThrow();
      expect(() => runApplySettingsScript()).not.toThrow();
      expect(dataAttributesOfRoot()).toEqual(settingsAttributes(DEFAULTS));
    } finally {
      if (original) Object.defineProperty(window, 'localStorage', original);
      else Reflect.deleteProperty(window, 'localStorage');
    }
    expect(() => window.localStorage.getItem(READER_SETTINGS_KEY)).not.toThrow();
  });

  it('applies the defaults, without throwing, when getItem itself throws', () => {
    resetRootAttributes();
    localStorage.setItem(READER_SETTINGS_KEY, stored({ theme: 'dark' }));
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(() => runApplySettingsScript()).not.toThrow();
    expect(dataAttributesOfRoot()).toEqual(settingsAttributes(DEFAULTS));
  });
});
