// The console's own small router: /region/<page>[/<site id>] and ?query, kept in a signal and in the history.
import { signal } from '@preact/signals';

export interface Route {
  page: string;
  arg: string | null;
  query: URLSearchParams;
}

function parse(): Route {
  const parts = location.pathname.replace(/^\/region\/?/, '').split('/').filter(Boolean);
  return { page: parts[0] ?? '', arg: parts[1] ? decodeURIComponent(parts[1]) : null, query: new URLSearchParams(location.search) };
}

export const route = signal<Route>(parse());

export function go(path: string): void {
  history.pushState(null, '', path);
  route.value = parse();
}

addEventListener('popstate', () => {
  route.value = parse();
});
