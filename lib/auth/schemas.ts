import { z } from "zod";

// Shared by the login forms (react-hook-form) and the server, which parses again.
export const accountLoginInput = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const pecLoginInput = z.object({
  address: z.string().trim().toLowerCase().min(1).max(254).pipe(z.email()),
  password: z.string().min(1).max(200),
});

export type AccountLoginInput = z.infer<typeof accountLoginInput>;
export type PecLoginInput = z.infer<typeof pecLoginInput>;

/** The back office's login (StaffUser): a username, never an e-mail or a PEC address. */
export const staffLoginInput = z.object({
  username: z.string().trim().toLowerCase().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type StaffLoginInput = z.infer<typeof staffLoginInput>;
