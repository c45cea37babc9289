import { isRouteErrorResponse, Link, useRouteError } from 'react-router-dom';
import { paths } from '../config/paths.ts';
import { NotFoundPage } from './not-found-page.tsx';

/** A missing article is a not-found page; anything else says what went wrong instead of a blank screen. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage what="article" />;
  return (
    <div role="alert" className="mx-auto max-w-3xl px-4 py-12">
      <title>Something went wrong · Broadsheet</title>
      <h1 className="text-3xl font-bold tracking-tight">Something went wrong</h1>
      <p className="mt-4">{error instanceof Error ? error.message : 'This page could not be shown.'}</p>
      <p className="mt-6">
        <Link to={paths.library.getHref()} className="link">
          Go to all articles
        </Link>
      </p>
    </div>
  );
}
