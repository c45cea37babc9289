import { useId } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled select that fills its grid cell: the filters and sort orders of the lists. */
export function SelectField({ label, value, options, onChange, compact = false }: { label: string; value: string; options: readonly SelectOption[]; onChange: (value: string) => void; compact?: boolean }) {
  const id = useId();
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} className={`field w-full min-w-0 ${compact ? 'px-2 text-sm sm:px-3 sm:text-base' : ''}`}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
