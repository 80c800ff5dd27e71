import { cardValidUntil } from "@/lib/cards/expiry";
import { TIME_ZONE } from "@/lib/i18n/config";

/**
 * The renewal engine's calendar (PRODUCT.md §5), pure so that it can be tested by moving time.
 * Days are calendar days in Europe/Rome: "7 days before" a service expiring at 10:00 is 10:00
 * seven days earlier, also across a change of daylight saving time, so the daily run (at a fixed
 * Italian time) meets every stage on the day it falls.
 */

/** Off-session charge stages: the first creates the order and charges, the others retry. */
export const CHARGE_DAYS_BEFORE = [7, 5, 3, 1] as const;
export const LAST_STAGE = CHARGE_DAYS_BEFORE.length;
/** Services without automatic renewal are announced this many days before they expire. */
export const SERVICE_NOTICE_DAYS = [30, 7] as const;
/** A renewal card expiring before the next charge is announced this many days before the charge. */
export const CARD_NOTICE_DAYS = 30;

const wallFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
});

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number };

/** The wall-clock time in Italy of an instant. */
export function romeWall(at: Date): Wall {
  const parts = Object.fromEntries(wallFormat.formatToParts(at).map((p) => [p.type, p.value]));
  return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour, minute: +parts.minute, second: +parts.second, ms: at.getUTCMilliseconds() };
}

function offsetMs(at: Date): number {
  const w = romeWall(at);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms) - at.getTime();
}

/** The instant of an Italian wall-clock time (days and months may overflow, like Date.UTC). */
export function fromRomeWall(w: Wall): Date {
  const guess = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
  const first = guess - offsetMs(new Date(guess));
  const second = guess - offsetMs(new Date(first));
  return new Date(second);
}

/** Same Italian time of day, `days` calendar days earlier (negative: later). */
export function romeDaysBefore(at: Date, days: number): Date {
  const w = romeWall(at);
  return fromRomeWall({ ...w, day: w.day - days });
}

/** "2026-11-25": the Italian calendar day of an instant, for job and notice keys. */
export function romeDay(at: Date): string {
  const w = romeWall(at);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/** When charge stage `stage` (1..4) of the period ending at `expiresAt` falls. */
export function stageAt(expiresAt: Date, stage: number): Date {
  return romeDaysBefore(expiresAt, CHARGE_DAYS_BEFORE[stage - 1]);
}

/** The highest charge stage whose time has come at `at` (0: none yet). */
export function dueStage(expiresAt: Date, at: Date): number {
  let stage = 0;
  for (let s = 1; s <= LAST_STAGE; s++) if (stageAt(expiresAt, s) <= at) stage = s;
  return stage;
}

/** The service is in its renewal window: the first stage has come and it has not expired yet. */
export function inRenewalWindow(expiresAt: Date, at: Date): boolean {
  return at < expiresAt && dueStage(expiresAt, at) >= 1;
}

/** When the engine will try again after stage `stage`, or null after the last one. */
export function nextStageAt(expiresAt: Date, stage: number): Date | null {
  return stage < LAST_STAGE ? stageAt(expiresAt, stage + 1) : null;
}

/** One period of one service: a second renewal order for it is refused by the database. */
export function renewalKey(serviceId: string, expiresAt: Date): string {
  return `${serviceId}:${expiresAt.toISOString()}`;
}

/** Which "expiring without automatic renewal" notice is due: 7, 30, or none. */
export function serviceNoticeDue(expiresAt: Date, at: Date): 30 | 7 | null {
  if (at >= expiresAt) return null;
  if (romeDaysBefore(expiresAt, 7) <= at) return 7;
  if (romeDaysBefore(expiresAt, 30) <= at) return 30;
  return null;
}

/**
 * The renewal card expires before the next renewal charge, and that charge is at most 30 days
 * away: time to tell the customer (once per card and charge).
 */
export function cardNoticeDue(card: { expMonth: number; expYear: number }, chargeAt: Date, at: Date): boolean {
  return at < chargeAt && romeDaysBefore(chargeAt, CARD_NOTICE_DAYS) <= at && cardValidUntil(card) < chargeAt;
}

/** "HH:MM" (Europe/Rome) of the daily run, from RENEWALS_DAILY_AT; "06:00" when unset or invalid. */
export function parseDailyAt(raw: string | undefined): { hour: number; minute: number } {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(raw?.trim() ?? "");
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : { hour: 6, minute: 0 };
}

/** The daily run's time on the Italian day of `at` (before or after `at`). */
export function dailySlot(at: Date, time: { hour: number; minute: number }): Date {
  const w = romeWall(at);
  return fromRomeWall({ ...w, hour: time.hour, minute: time.minute, second: 0, ms: 0 });
}

/** The same daily time, the next Italian day. */
export function nextDailySlot(slot: Date, time: { hour: number; minute: number }): Date {
  const w = romeWall(slot);
  return fromRomeWall({ ...w, day: w.day + 1, hour: time.hour, minute: time.minute, second: 0, ms: 0 });
}
