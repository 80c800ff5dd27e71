/**
 * Checks that the public entry pages' forms (login, Paga fattura) give react-hook-form as its
 * `validate` rules, so a field's message appears at once. They repeat what the form's zod schema
 * checks (the server parses again, and decides) in a few hundred bytes: zod with its resolver
 * weighs about 35 KiB gzip, a quarter of a public page's JavaScript budget (see README,
 * "Benchmarks"). Each form's tests compare its checks with its schema, input by input, so the
 * two can't drift apart.
 */
export type Check = (value: string) => string | null;
export type Checks<N extends string> = Record<N, Check>;

/** The first message of several checks. */
export const all = (...checks: Check[]): Check => (value) => {
  for (const check of checks) {
    const message = check(value);
    if (message) return message;
  }
  return null;
};

/** z.string().trim().min(1, "required").max(max, "tooLong") */
export const text = (max: number): Check => (value) => {
  const v = value.trim();
  return v.length === 0 ? "required" : v.length > max ? "tooLong" : null;
};

/** z.string().min(1, "required").max(max, "tooLong"), nothing trimmed (passwords). */
export const untrimmed = (max: number): Check => (value) => (value.length === 0 ? "required" : value.length > max ? "tooLong" : null);

/** zod's own e-mail pattern (z.email(); checks.test.ts compares them). Imported from zod, it brings 8 KiB of zod's core along. */
export const EMAIL = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

/** z.string().trim().toLowerCase().min(1).max(max).pipe(z.email()) */
export const email = (max: number): Check => all(text(max), (value) => (EMAIL.test(value.trim().toLowerCase()) ? null : "invalidEmail"));

/** z.enum(values) */
export const oneOf = (values: readonly string[]): Check => (value) => (values.includes(value) ? null : "required");

/** react-hook-form's `register` options for a field: the check's message key is the field's error message. */
export const rule = (check: Check) => ({ validate: (value: unknown) => check(typeof value === "string" ? value : "") ?? true });

/** Every field's message, for the values of a form. */
export function checkAll<N extends string>(checks: Checks<N>, values: Record<N, string>): Partial<Record<N, string>> {
  const found: Partial<Record<N, string>> = {};
  for (const name of Object.keys(checks) as N[]) {
    const message = checks[name](values[name] ?? "");
    if (message) found[name] = message;
  }
  return found;
}
