import { Link } from 'react-router-dom';
import { paths } from '../config/paths.ts';

export function NotFoundPage({ what = 'page' }: { what?: 'page' | 'article' }) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <title>Not found · Broadsheet</title>
      <h1 className="text-3xl font-bold tracking-tight">{what === 'article' ? 'Article not found' : 'Page not found'}</h1>
      <p className="mt-4 text-lg">
        {what === 'article'
          ? 'There is no article at this address. It may have been renamed or removed.'
          : 'There is nothing at this address. The link may be mistyped or out of date.'}
      </p>
      <p className="mt-6">
        <Link to={paths.library.getHref()} className="link text-lg">
          Go to all articles
        </Link>
      </p>
    </div>
  );
}
