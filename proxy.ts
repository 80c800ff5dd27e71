import { NextResponse, type NextRequest } from "next/server";
import { configuredGatewayName } from "@/lib/gateway/name";
import { refuseBadPost } from "@/lib/security/action-guard";
import { securityHeaders, servedOverHttps } from "@/lib/security/headers";

/**
 * Runs before every page: a fresh CSP nonce per request, given to Next (which reads it from the
 * request's Content-Security-Policy header and puts it on its scripts) and to the browser.
 */
export async function proxy(request: NextRequest) {
  // Cross-site, oversized or undecodable server-action posts: a 4xx here rather than Next's 500.
  const refused = await refuseBadPost(request);
  if (refused) return refused;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const headers = securityHeaders({ nonce, https: servedOverHttps(), dev: process.env.NODE_ENV !== "production" });
  // The sandbox bank's pages exist only while it is the configured bank: never next to a real one.
  if (isSandboxPage(request.nextUrl.pathname) && configuredGatewayName() !== "sandbox") {
    const notFound = new NextResponse("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
    for (const [name, value] of Object.entries(headers)) notFound.headers.set(name, value);
    return notFound;
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

const isSandboxPage = (path: string) => path === "/gateway" || path.startsWith("/gateway/");

export const config = {
  // Static files carry no script; prefetches reuse the page's policy. Action posts (fetch or no-JS
  // form) always come through, prefetch header or not, so that refuseBadPost sees every one.
  matcher: [
    { source: "/((?!_next/static|_next/image|favicon.ico).*)", missing: [{ type: "header", key: "next-router-prefetch" }, { type: "header", key: "purpose", value: "prefetch" }] },
    { source: "/((?!_next/static|_next/image|favicon.ico).*)", has: [{ type: "header", key: "next-action" }] },
    { source: "/((?!_next/static|_next/image|favicon.ico).*)", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
  ],
};
