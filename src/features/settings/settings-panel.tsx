import { useId } from 'react';
import { FONTS, LINE_SPACINGS, LINE_WIDTHS, SETTING_LABELS, TEXT_SIZES, THEMES, type ReaderSettings } from '../../domain/reading/reader-settings.ts';

type ChoiceKey = keyof typeof SETTING_LABELS;

const GROUPS: { key: ChoiceKey; legend: string; options: readonly string[] }[] = [
  { key: 'theme', legend: 'Theme', options: THEMES },
  { key: 'font', legend: 'Font', options: FONTS },
  { key: 'textSize', legend: 'Text size', options: TEXT_SIZES },
  { key: 'lineWidth', legend: 'Line width', options: LINE_WIDTHS },
  { key: 'lineSpacing', legend: 'Line spacing', options: LINE_SPACINGS },
];

function ChoiceGroup({ name, legend, options, value, labels, onChange }: {
  name: string;
  legend: string;
  options: readonly string[];
  value: string;
  labels: Record<string, string>;
  onChange: (value: string) => void;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-sm font-semibold">{legend}</legend>
      <div className="flex flex-wrap gap-1">
        {options.map((option) => (
          <label
            key={option}
            className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-stone-400 px-3 text-sm has-checked:border-blue-700 has-checked:bg-blue-50 has-checked:font-semibold has-focus-visible:outline-3 has-focus-visible:outline-blue-700 dark:border-stone-500 dark:has-checked:border-sky-300 dark:has-checked:bg-sky-950"
          >
            <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} className="size-4" />
            {labels[option]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Theme, font, text size, line width and spacing, and the shortcut switch. Every change applies at once. */
export function SettingsPanel({ settings, onChange }: { settings: ReaderSettings; onChange: (changes: Partial<ReaderSettings>) => void }) {
  const id = useId();
  return (
    <form className="flex flex-col gap-4" onSubmit={(event) => event.preventDefault()}>
      {GROUPS.map((group) => (
        <ChoiceGroup
          key={group.key}
          name={`${id}-${group.key}`}
          legend={group.legend}
          options={group.options}
          value={settings[group.key]}
          labels={SETTING_LABELS[group.key]}
          onChange={(value) => onChange({ [group.key]: value } as Partial<ReaderSettings>)}
        />
      ))}
      <label className="inline-flex min-h-11 items-center gap-3 text-sm">
        <input type="checkbox" checked={settings.shortcuts} onChange={(event) => onChange({ shortcuts: event.target.checked })} className="size-5 shrink-0" />
        <span>
          Single-key keyboard shortcuts (press <kbd className="rounded border px-1">?</kbd> to list them)
        </span>
      </label>
    </form>
  );
}
