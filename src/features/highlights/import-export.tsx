import { useId, useState } from 'react';
import { APP_NAME } from '../../config/app.ts';
import { useHighlightFiles, type ImportReport } from './use-highlight-files.ts';

function describeReport(report: ImportReport): string {
  if (!report.ok) return report.error;
  const rejected = report.rejected.length;
  return `Imported ${report.imported}, skipped ${report.skipped} already here, rejected ${rejected}.`;
}

/** Download every highlight as Markdown or Web Annotation JSON-LD; bring highlights in from JSON. */
export function ImportExport() {
  const { exportMarkdown, exportJson, importFile, hasHighlights } = useHighlightFiles();
  const [report, setReport] = useState<ImportReport | null>(null);
  const inputId = useId();
  const buttonClass = 'min-h-11 rounded-md border border-stone-400 px-4 font-medium hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-800';

  return (
    <section data-needs-js aria-labelledby="export-import" className="mt-12 border-t border-stone-200 pt-6 dark:border-stone-700">
      <h2 id="export-import" className="text-xl font-semibold">
        Export and import
      </h2>
      {hasHighlights && (
        <div className="mt-3 flex flex-wrap gap-2">
          <button type="button" onClick={exportMarkdown} className={buttonClass}>
            Export as Markdown
          </button>
          <button type="button" onClick={exportJson} className={buttonClass}>
            Export as Web Annotation JSON
          </button>
        </div>
      )}
      <div className="mt-4 flex flex-col gap-1">
        <label htmlFor={inputId} className="font-medium">
          {`Import highlights (Web Annotation or ${APP_NAME} JSON)`}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          className="min-h-11 max-w-full text-sm file:me-3 file:min-h-11 file:rounded-md file:border file:border-stone-400 file:bg-transparent file:px-3 file:text-inherit"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) setReport(await importFile(file));
          }}
        />
        <p className="text-sm text-stone-600 dark:text-stone-400">Importing only adds highlights: nothing you have is changed or deleted.</p>
      </div>
      <div role="status" className="mt-3">
        {report && (
          <>
            <p className="font-medium">{describeReport(report)}</p>
            {report.ok && report.rejected.length > 0 && (
              <ul className="mt-1 list-disc ps-6 text-sm">
                {report.rejected.map((r) => (
                  <li key={r.record}>
                    Record {r.record}: {r.reason}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}
