/**
 * The Content-Security-Policy of the web workbench. Scripts only from the app's own origin (no inline script, no
 * eval); styles from the origin plus inline styles, because Ant Design writes its CSS-in-JS into <style> elements
 * and Mermaid's SVG diagrams carry <style> and style attributes. Requests go to the same origin, plus the OIDC
 * issuer's origin when one is configured (discovery and the token endpoint are called from the browser).
 */

/** The header value for the app's pages; `issuer` adds the identity provider's origin to `connect-src`. */
export function webAppContentSecurityPolicy(issuer?: string): string {
  const connect = ["'self'", ...(issuer === undefined ? [] : [new URL(issuer).origin])];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
