import { paths } from '../../config/paths.ts';
import type { Highlight } from '../../domain/highlights/highlight.ts';
import { textFragment } from '../../domain/highlights/share-link.ts';
import { copyText } from '../../ui/copy-text.ts';
import { useToast } from '../../ui/toast.tsx';
import { useAbsoluteUrl } from '../../ui/use-absolute-url.ts';

const buttonClass = 'min-h-11 rounded-md border border-stone-400 px-3 text-sm font-medium hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-700';

function canShare(): boolean {
  return typeof navigator.share === 'function' && (window.matchMedia?.('(pointer: coarse)').matches ?? false);
}

/**
 * A link that opens the article at this passage: the app's own `?highlight=` (works everywhere the
 * app runs) plus a text fragment (works in browsers that support it even before the app loads).
 * On phones with the Web Share API it opens the system share sheet; elsewhere it copies the link.
 */
export function ShareHighlight({ highlight, articleSlug, articleHeadline }: { highlight: Highlight; articleSlug: string; articleHeadline: string }) {
  const absoluteUrl = useAbsoluteUrl();
  const toast = useToast();
  const url = absoluteUrl(paths.article.getHref(articleSlug, { highlight: highlight.id })) + textFragment(highlight.quote);

  const copy = async () => {
    const copied = await copyText(url);
    toast({ message: copied ? 'Link to this passage copied.' : 'Could not copy the link.' });
  };

  return (
    <div className="flex flex-wrap gap-2">
      {canShare() ? (
        <button
          type="button"
          className={buttonClass}
          onClick={() => {
            navigator.share({ title: articleHeadline, text: `“${highlight.quote.exact}”`, url }).catch(() => {
              // The reader closed the share sheet: nothing to do.
            });
          }}
        >
          Share
        </button>
      ) : null}
      <button type="button" className={buttonClass} onClick={() => void copy()}>
        Copy link
      </button>
    </div>
  );
}
