/**
 * Sign-in links of the web app for `npm run dev`: the token rides in the URL fragment (`/app/#token=…`), which the
 * browser keeps to itself, so it never reaches the server's logs; the app takes it from there and clears it.
 */

/** The web app's address under an API base URL. */
export const appUrlOf = (apiUrl: string): string => `${apiUrl}/app/`;

/** A link that signs the browser in with `token`. */
export function signInLink(apiUrl: string, token: string): string {
  return `${appUrlOf(apiUrl)}#token=${encodeURIComponent(token)}`;
}
