/**
 * Where the signed-in user's token lives: sessionStorage (gone when the tab closes). A sign-in link carries the
 * token in the URL fragment (`/app/#token=…`), which browsers never send to the server; it is taken from there
 * once and the fragment is cleared from the address bar.
 */
const KEY = 'fullcycle.token';

export function storedToken(): string | undefined {
  return sessionStorage.getItem(KEY) ?? undefined;
}

export function storeToken(token: string | undefined): void {
  if (token === undefined) sessionStorage.removeItem(KEY);
  else sessionStorage.setItem(KEY, token);
}

/** Takes a `#token=…` fragment into storage and removes it from the address bar; true when there was one. */
export function takeTokenFromFragment(): boolean {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = fragment.get('token');
  if (token === null || token === '') return false;
  storeToken(token);
  history.replaceState(history.state, '', window.location.pathname + window.location.search);
  return true;
}
