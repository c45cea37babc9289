import { SHORTCUTS } from './shortcuts.ts';

export function ShortcutsList({ enabled }: { enabled: boolean }) {
  return (
    <>
      {!enabled && <p className="mb-3 text-sm">Single-key shortcuts are turned off in Settings.</p>}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(({ keys, action }) => (
          <div key={action} className="contents">
            <dt className="flex gap-1">
              {keys.map((key) => (
                <kbd key={key} className="rounded border border-stone-400 px-1.5 font-mono">
                  {key}
                </kbd>
              ))}
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
