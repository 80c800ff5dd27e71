/**
 * A login through next-auth's credentials endpoint, from the browser: what next-auth/react's
 * signIn(provider, { redirect: false }) does, without its client bundle (its provider list and
 * session fetches included). `error` is the code the provider threw (lib/auth/options.ts).
 */
export async function credentialsSignIn(provider: string, fields: Record<string, string>): Promise<{ ok: boolean; error: string | null }> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await fetch(`/api/auth/callback/${provider}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken, callbackUrl: window.location.href, json: "true" }),
  });
  const { url } = (await res.json()) as { url?: string };
  const error = url ? new URL(url, window.location.href).searchParams.get("error") : "unavailable";
  return { ok: res.ok && !error, error };
}
