import { email, text, untrimmed, type Checks } from "@/lib/forms/checks";

/** The login forms' checks in the browser: accountLoginInput and pecLoginInput (schemas.ts), without zod. */
export const accountLoginChecks: Checks<"username" | "password"> = { username: text(100), password: untrimmed(200) };
export const pecLoginChecks: Checks<"address" | "password"> = { address: email(254), password: untrimmed(200) };
