import { useEffect, useState } from 'preact/hooks';

/**
 * Paths, not hashes: CloudFront answers index.html for any path, so a copied link opens the same screen.
 * `/n/<network>/<screen>/…` — the network is always in the path, so a link names what it shows.
 */
export type Route =
  | { screen: 'home' }
  | { screen: 'callback' }
  | { screen: 'overview'; networkId: string }
  | { screen: 'registrations'; networkId: string }
  | { screen: 'groups'; networkId: string }
  | { screen: 'group'; networkId: string; groupId: string }
  | { screen: 'meetings'; networkId: string; groupId?: string }
  | { screen: 'meeting'; networkId: string; groupId: string; meetingId: string }
  | { screen: 'evaluations'; networkId: string; groupId?: string }
  | { screen: 'evaluation'; networkId: string; groupId: string; meetingId: string }
  | { screen: 'settings'; networkId: string }
  | { screen: 'not-found' };

export function parseRoute(pathname: string): Route {
  const parts = pathname
    .split('/')
    .filter((p) => p !== '')
    .map(decodeURIComponent);
  if (parts.length === 0) return { screen: 'home' };
  if (parts[0] === 'callback' && parts.length === 1) return { screen: 'callback' };
  if (parts[0] !== 'n' || parts[1] === undefined) return { screen: 'not-found' };
  const networkId = parts[1];
  const [, , screen, id, sub, subId] = parts;
  if (screen === undefined) return { screen: 'overview', networkId };
  if (screen === 'registrations' && id === undefined) return { screen: 'registrations', networkId };
  if (screen === 'settings' && id === undefined) return { screen: 'settings', networkId };
  if (screen === 'groups') {
    if (id === undefined) return { screen: 'groups', networkId };
    if (sub === undefined) return { screen: 'group', networkId, groupId: id };
  }
  if (screen === 'meetings') {
    if (id === undefined) return { screen: 'meetings', networkId };
    if (sub === undefined) return { screen: 'meetings', networkId, groupId: id };
    if (subId === undefined) return { screen: 'meeting', networkId, groupId: id, meetingId: sub };
  }
  if (screen === 'evaluations') {
    if (id === undefined) return { screen: 'evaluations', networkId };
    if (sub === undefined) return { screen: 'evaluations', networkId, groupId: id };
    if (subId === undefined) return { screen: 'evaluation', networkId, groupId: id, meetingId: sub };
  }
  return { screen: 'not-found' };
}

/** Builds a path from its parts, each encoded. */
export function path(...parts: readonly string[]): string {
  return `/${parts.map(encodeURIComponent).join('/')}`;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useLocation(): string {
  const [location, setLocation] = useState(window.location.pathname);
  useEffect(() => {
    const update = () => setLocation(window.location.pathname);
    window.addEventListener('popstate', update);
    // A child's effect runs before this one: a screen that navigated on its first render (home, with a
    // single network) did so before anyone listened.
    update();
    return () => window.removeEventListener('popstate', update);
  }, []);
  return location;
}

/** Query parameters of the current URL (filters, so a filtered list can be linked to). */
export function useSearchParams(): [URLSearchParams, (next: Record<string, string | undefined>) => void] {
  const [search, setSearch] = useState(window.location.search);
  useEffect(() => {
    const update = () => setSearch(window.location.search);
    window.addEventListener('popstate', update);
    update();
    return () => window.removeEventListener('popstate', update);
  }, []);
  const set = (next: Record<string, string | undefined>) => {
    const params = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === '') params.delete(key);
      else params.set(key, value);
    }
    const query = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${query === '' ? '' : `?${query}`}`);
    setSearch(window.location.search);
  };
  return [new URLSearchParams(search), set];
}
