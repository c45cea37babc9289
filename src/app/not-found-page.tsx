import { useDocumentTitle } from '../ui/use-document-title.ts';
import { AppLink } from '../ui/app-link.tsx';
import { paths } from '../config/paths.ts';
import { pageTitle } from '../config/app.ts';

export function NotFoundPage({ what = 'page' }: { what?: 'page' | 'article' }) {
  useDocumentTitle(pageTitle('Not found'));
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">{what === 'article' ? 'Article not found' : 'Page not found'}</h1>
      <p className="mt-4 text-lg">
        {what === 'article'
          ? 'There is no article at this address. It may have been renamed or removed.'
          : 'There is nothing at this address. The link may be mistyped or out of date.'}
      </p>
      <p className="mt-6">
        <AppLink to={paths.library.getHref()} className="link text-lg">
          Go to all articles
        </AppLink>
      </p>
    </div>
  );
}
