/**
 * The security headers of every response (set by `proxy.ts`). Scripts run only with this
 * request's nonce ('strict-dynamic' lets Next's own loader add its chunks); nothing may frame the
 * area (clickjacking); forms post only to the area itself. Style attributes stay allowed: React
 * renders `style={…}` props as attributes, and a style attribute cannot run code.
 */
export function securityHeaders(opts: { nonce: string; https: boolean; dev: boolean }): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${opts.nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${opts.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(opts.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** HTTPS is decided by the public address the area is configured with, not by the request. */
export function servedOverHttps(env: { APP_URL?: string; NEXTAUTH_URL?: string } = process.env): boolean {
  return (env.APP_URL ?? env.NEXTAUTH_URL ?? "").startsWith("https://");
}
