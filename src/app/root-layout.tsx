import { NavLink, Outlet, ScrollRestoration } from 'react-router-dom';
import { paths } from '../config/paths.ts';
import type { Article } from '../domain/articles/article.ts';
import { StorageNotice } from '../features/highlights/storage-notice.tsx';
import { ToastProvider } from '../ui/toast.tsx';

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `inline-flex min-h-11 items-center rounded-md px-3 font-medium hover:bg-stone-200 dark:hover:bg-stone-800 ${isActive ? 'underline decoration-2 underline-offset-4' : ''}`;

export function RootLayout({ articles }: { articles: readonly Article[] }) {
  return (
    <ToastProvider>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="border-b border-stone-200 bg-stone-50/95 dark:border-stone-800 dark:bg-stone-900/95">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-2">
          <NavLink to={paths.library.getHref()} className="font-serif text-xl font-bold tracking-tight">
            Broadsheet
          </NavLink>
          <nav aria-label="Main">
            <ul className="flex gap-1">
              <li>
                <NavLink to={paths.library.getHref()} end className={navLinkClass}>
                  Articles
                </NavLink>
              </li>
              <li>
                <NavLink to={paths.highlights.getHref()} className={navLinkClass}>
                  Highlights
                </NavLink>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <StorageNotice articles={articles} />
      <main id="main" tabIndex={-1} className="outline-none">
        <Outlet />
      </main>
      <ScrollRestoration />
    </ToastProvider>
  );
}
