import { AppLink } from '../../ui/app-link.tsx';
import { paths } from '../../config/paths.ts';

/** The way back to the list, at the top of an article and of its loading state. */
export function AllArticlesLink() {
  return (
    <AppLink to={paths.library.getHref()} className="link inline-flex min-h-6 items-center gap-1 font-sans text-sm print:hidden">
      <span aria-hidden="true">←</span>
      All articles
    </AppLink>
  );
}
