import type { AnchorHTMLAttributes } from 'react';
import { useLinkClickHandler, useLocation } from 'react-router-dom';
import { relativeHref } from './relative-href.ts';

export interface AppLinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** An app path such as "/article/x/" (from config/paths). */
  to: string;
}

/**
 * A link with a relative href, the same in the prerendered HTML and after hydration, so it works
 * without JavaScript and under any sub-path; with JavaScript a click navigates in the app.
 */
export function AppLink({ to, onClick, target, children, ...rest }: AppLinkProps) {
  const { pathname } = useLocation();
  const navigate = useLinkClickHandler<HTMLAnchorElement>(to, { target });
  return (
    <a
      {...rest}
      target={target}
      href={relativeHref(pathname, to)}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) navigate(event);
      }}
    >
      {children}
    </a>
  );
}

/** Whether the current page is `to` (or inside it, unless `end`): for navigation links. */
export function useIsCurrent(to: string, end = false): boolean {
  const { pathname } = useLocation();
  const normal = (path: string) => (path.endsWith('/') ? path : `${path}/`);
  return end ? normal(pathname) === normal(to) : normal(pathname).startsWith(normal(to));
}
