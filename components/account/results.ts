/** The shape every account action answers (lib/account/action-result.ts), usable in client code. */
export type ActionResult<T = void> = { ok: true; data: T } | { ok: false; error: string; retryAfterSeconds?: number };

/** A translated message for a refused action ("accountForms.results.<code>"). */
export function resultMessage(t: (key: string, values?: Record<string, number>) => string, r: { error: string; retryAfterSeconds?: number }): string {
  const known = ["invalid_input", "wrong_password", "rate_limited", "not_allowed", "invalid_token", "invalid_code", "not_found", "same_email", "same_password"];
  const key = known.includes(r.error) ? r.error : "unavailable";
  return t(`results.${key}`, { minutes: Math.max(1, Math.ceil((r.retryAfterSeconds ?? 60) / 60)) });
}
