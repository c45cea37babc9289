import { useId, useMemo, useState } from 'react';
import { APP_NAME } from '../../config/app.ts';
import { summarizeRejections, type RejectionGroup } from '../../domain/highlights/import-rejections.ts';
import { useHighlightFiles, type ImportReport } from './use-highlight-files.ts';

const count = (n: number) => n.toLocaleString('en');

function describeReport(report: ImportReport): string {
  if (!report.ok) return report.error;
  return `Imported ${count(report.imported)}, skipped ${count(report.skipped)} already here, rejected ${count(report.rejected.length)}.`;
}

function describeGroup({ reason, count: n, firstRecords }: RejectionGroup): string {
  if (n === 1) return `Record ${firstRecords[0] ?? ''}: ${reason}`;
  const more = n - firstRecords.length;
  return `${count(n)} records (${firstRecords.join(', ')}${more > 0 ? ` and ${count(more)} more` : ''}): ${reason}`;
}

/** Download every highlight as Markdown or Web Annotation JSON-LD; bring highlights in from JSON. */
export function ImportExport() {
  const { exportMarkdown, exportJson, importFile, hasHighlights } = useHighlightFiles();
  const [report, setReport] = useState<ImportReport | null>(null);
  const summary = useMemo(() => (report?.ok ? summarizeRejections(report.rejected) : null), [report]);
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
            {summary && summary.groups.length > 0 && (
              <ul className="mt-1 list-disc ps-6 text-sm">
                {summary.groups.map((group) => (
                  <li key={group.reason}>{describeGroup(group)}</li>
                ))}
                {summary.otherReasons > 0 && (
                  <li>
                    {count(summary.otherRecords)} more record{summary.otherRecords === 1 ? '' : 's'} for {count(summary.otherReasons)} other reason
                    {summary.otherReasons === 1 ? '' : 's'}
                  </li>
                )}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}
