import { useDocumentTitle } from '../ui/use-document-title.ts';
import { AppLink } from '../ui/app-link.tsx';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { paths } from '../config/paths.ts';
import { pageTitle } from '../config/app.ts';
import { NotFoundPage } from './not-found-page.tsx';

/** A missing article is a not-found page; anything else says what went wrong instead of a blank screen. */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  useDocumentTitle(pageTitle(notFound ? 'Not found' : 'Something went wrong'));
  if (notFound) return <NotFoundPage what="article" />;
  return (
    <div role="alert" className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">Something went wrong</h1>
      <p className="mt-4">{error instanceof Error ? error.message : 'This page could not be shown.'}</p>
      <p className="mt-6">
        <AppLink to={paths.library.getHref()} className="link">
          Go to all articles
        </AppLink>
      </p>
    </div>
  );
}
