/**
 * Structured logs: one JSON object per line on stdout (pino), for whatever collects the
 * containers' output in production. Every line carries `time` (ISO), `level` (a word), `module`
 * and the ids of what it is about; errors go under `err` with their type, message and stack.
 *
 * - `LOG_LEVEL` (trace … fatal, or silent): default `info`; `silent` under Vitest unless set.
 * - Nothing that looks like a card number leaves this module: any run of 13–19 digits that passes
 *   the Luhn check, in any string of the line, is replaced by `[card number removed]`. The sandbox
 *   bank never puts one in an error, but a log line is the last place to find out it did.
 * - Passwords, cookies, authorization headers and card fields are removed by key.
 */
import pino from "pino";
import { withoutCardNumbers } from "@/lib/security/card-numbers";

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return withoutCardNumbers(value);
  // formatters.log runs before the serializers: an Error's message and stack are not enumerable.
  if (value instanceof Error) return scrub(pino.stdSerializers.err(value), depth);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = scrub(item, depth + 1);
  return out;
}

const defaultLevel = process.env.LOG_LEVEL?.trim() || (process.env.VITEST ? "silent" : "info");

/** The product's logger on a destination (stdout by default; tests pass a stream). */
export function createLogger(destination?: pino.DestinationStream, level = defaultLevel) {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: "msg",
      redact: {
        paths: [
          "password",
          "*.password",
          "cvv",
          "*.cvv",
          "cardNumber",
          "*.cardNumber",
          "pan",
          "*.pan",
          "headers.cookie",
          "headers.authorization",
          "*.headers.cookie",
          "*.headers.authorization",
        ],
        censor: "[removed]",
      },
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => scrub(object) as Record<string, unknown>,
      },
      hooks: {
        // The message string too (formatters.log only sees the object).
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === "string" ? withoutCardNumbers(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

export const logger = createLogger();

/** A logger for one part of the product: `log("payments").error({ err, paymentId }, "…")`. */
export function log(module: string) {
  return logger.child({ module });
}
