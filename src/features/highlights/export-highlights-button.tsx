import { useHighlightFiles } from './use-highlight-files.ts';

/** "Export highlights" in the storage notice: loaded only when a notice is shown. */
export default function ExportHighlightsButton() {
  const { exportJson } = useHighlightFiles();
  return (
    <button type="button" onClick={exportJson} className="min-h-11 rounded px-2 font-semibold underline underline-offset-2 hover:no-underline">
      Export highlights
    </button>
  );
}
