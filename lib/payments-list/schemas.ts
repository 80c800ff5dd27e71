import { z } from "zod";
import { now } from "@/lib/clock";
import { TIME_ZONE } from "@/lib/i18n/config";
import { normalizeTaxId } from "@/lib/tax-ids";

// Shared by the Lista Pagamenti form (react-hook-form) and the server, which parses again.
// Issue messages are keys of the "paymentsList.errors" messages, so the form can translate them.

/** The longest period one request may cover. */
export const MAX_PERIOD_YEARS = 5;

const romeDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** Today in Italy, "YYYY-MM-DD" (the application clock, so tests can move it). */
export function todayInRome(): string {
  return romeDayFormat.format(now());
}

/** The same day `years` later, as a string: ISO days compare correctly as text. */
function yearsAfter(day: string, years: number): string {
  return `${String(Number(day.slice(0, 4)) + years).padStart(4, "0")}${day.slice(4)}`;
}

const required = (max: number) => z.string({ error: "required" }).trim().min(1, "required").max(max, "tooLong");
const isoDay = z.iso.date();
const isDay = (value: unknown) => isoDay.safeParse(value).success;
const day = z.string({ error: "required" }).trim().min(1, "required").pipe(z.iso.date({ error: "invalidDate" }));

export const paymentsListInput = z
  .object({
    customerCode: required(40).transform((v) => v.toUpperCase()),
    /** Codice fiscale or partita IVA, compared without spaces, case or an "IT" before a partita IVA. */
    taxId: required(40).transform(normalizeTaxId),
    from: day,
    to: day,
  })
  .superRefine((v, ctx) => {
    // Zod still runs this when a field failed: compare only real days.
    if (!isDay(v.from) || !isDay(v.to)) return;
    const today = todayInRome();
    if (v.from > today) ctx.addIssue({ code: "custom", path: ["from"], message: "future" });
    if (v.to > today) ctx.addIssue({ code: "custom", path: ["to"], message: "future" });
    if (v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "toBeforeFrom" });
    else if (v.to >= yearsAfter(v.from, MAX_PERIOD_YEARS)) ctx.addIssue({ code: "custom", path: ["to"], message: "periodTooLong" });
  });

export type PaymentsListFormValues = z.input<typeof paymentsListInput>;
export type PaymentsListInput = z.output<typeof paymentsListInput>;

/** The keys the form may show (messages "paymentsList.errors.*"). */
export const paymentsListErrorKeys = ["required", "tooLong", "invalidDate", "future", "toBeforeFrom", "periodTooLong"] as const;
