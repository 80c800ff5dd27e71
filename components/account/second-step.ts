/** The second step a password login asks for: its ticket and the factors the account has. */
export type SecondStepChallenge = { ticket: string; factors: string[] };

/** "second_step:<ticket>:<factors>" from the password step (lib/auth/options.ts), or null. */
export function parseSecondStep(code: string): SecondStepChallenge | null {
  const m = /^second_step:([A-Za-z0-9_-]{43}):([a-z,]+)$/.exec(code);
  return m ? { ticket: m[1], factors: m[2].split(",") } : null;
}
