/**
 * Page tokens of the ledger's keyset-paged lists: the sort values of a page's last row, sealed with the list's
 * scope (api/cases/page-tokens.ts), so a made-up token or one from another list is a 400.
 */
import { invalidPageToken, openPageToken, sealPageToken } from '../cases/page-tokens';

type Kind = 'string' | 'number';
type Values<K extends readonly Kind[]> = { [I in keyof K]: K[I] extends 'number' ? number : string };

/** The client-facing token after `values`. */
export function cursorToken(scope: string, values: readonly (string | number)[]): string {
  return sealPageToken(scope, Buffer.from(JSON.stringify(values)));
}

/** A keyset page as the API answers it: its items and, when more follow, the token for the next page. */
export function pageBody<T>(
  scope: string,
  page: { readonly items: readonly T[]; readonly next?: readonly (string | number)[] | undefined },
): { items: readonly T[]; nextPageToken?: string } {
  return {
    items: page.items,
    ...(page.next === undefined ? {} : { nextPageToken: cursorToken(scope, page.next) }),
  };
}

/** The values of a token this list handed out; a 400 problem for anything else. */
export function cursorValues<K extends readonly Kind[]>(scope: string, token: string, kinds: K): Values<K> {
  const payload = openPageToken(scope, token);
  let values: unknown;
  try {
    values = JSON.parse(payload.toString('utf8'));
  } catch {
    throw invalidPageToken();
  }
  const fits =
    Array.isArray(values) &&
    values.length === kinds.length &&
    values.every((value, i) => typeof value === kinds[i]);
  if (!fits) throw invalidPageToken();
  return values as Values<K>;
}
