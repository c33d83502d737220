/**
 * A very small client router on the History API: no hashes, no dependency. `navigation`
 * counts client-side navigations so the layout can move focus to the new page's h1
 * (but not on the first load, where the skip link must stay first in the tab order).
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

const listeners = new Set<() => void>();
let navigation = 0;
let state = { href: currentHref(), navigation, keepFocus: false };

function currentHref(): string {
  return window.location.pathname + window.location.search;
}

function emit(keepFocus = false): void {
  navigation += 1;
  state = { href: currentHref(), navigation, keepFocus };
  for (const listener of listeners) listener();
}

// Back/forward between pages is a navigation; a fragment jump (the skip link) is not.
window.addEventListener('popstate', () => {
  if (currentHref() !== state.href) emit();
});

/**
 * `keepFocus` is for a move within the same page (a tab or step of it): focus stays on the link
 * that was followed and the page does not scroll to the top.
 */
export function navigate(to: string, options: { replace?: boolean; keepFocus?: boolean } = {}): void {
  const url = new URL(to, window.location.href);
  if (url.origin !== window.location.origin) {
    window.location.assign(url.href);
    return;
  }
  const next = url.pathname + url.search + url.hash;
  if (options.replace) window.history.replaceState(null, '', next);
  else window.history.pushState(null, '', next);
  if (!options.keepFocus) window.scrollTo(0, 0);
  emit(options.keepFocus);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface Location {
  path: string;
  search: URLSearchParams;
  navigation: number;
  /** The last navigation stayed on the page (a tab): the layout leaves focus where it is. */
  keepFocus: boolean;
}

export function useLocation(): Location {
  const snapshot = useSyncExternalStore(subscribe, () => state);
  const url = new URL(snapshot.href, window.location.origin);
  return {
    path: decodeURI(url.pathname),
    search: url.searchParams,
    navigation: snapshot.navigation,
    keepFocus: snapshot.keepFocus,
  };
}

/** Matches "/organisation/regioner/:code" against a path; returns the params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (w.startsWith(':')) params[w.slice(1)] = g;
    else if (w !== g) return null;
  }
  return params;
}

/** Only a same-window, unmodified primary click is handled by the router. */
function isPlainClick(e: MouseEvent<HTMLAnchorElement>): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey && !e.defaultPrevented;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; children: ReactNode };

export function Link({ to, onClick, ...rest }: LinkProps) {
  return (
    <a
      href={to}
      onClick={(e) => {
        onClick?.(e);
        if (!isPlainClick(e) || rest.target) return;
        e.preventDefault();
        navigate(to);
      }}
      {...rest}
    />
  );
}

/** A link that marks itself as the current page (exact) or current section (prefix). */
export function NavLink({ to, exact = false, children, ...rest }: LinkProps & { exact?: boolean }) {
  const { path } = useLocation();
  const isPage = path === to;
  const inSection = !exact && to !== '/' && path.startsWith(`${to}/`);
  const current = isPage ? 'page' : inSection ? 'true' : undefined;
  return (
    <Link to={to} aria-current={current} {...rest}>
      {children}
    </Link>
  );
}
