import "server-only";
import { configuredSecret } from "@/lib/secrets";

/**
 * The key that signs session cookies. Production must set NEXTAUTH_SECRET; on a developer's
 * machine one is generated once into .data/auth-secret (see lib/secrets).
 */
export function authSecret(): string {
  return configuredSecret("NEXTAUTH_SECRET", "auth-secret");
}
