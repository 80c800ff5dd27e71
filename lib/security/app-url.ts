/** The public base address of the area (APP_URL, else NEXTAUTH_URL): links in e-mails, the passkeys' origin. */
export function appBaseUrl(env: NodeJS.ProcessEnv = process.env): URL {
  return new URL(env.APP_URL?.trim() || env.NEXTAUTH_URL?.trim() || "http://127.0.0.1:3000");
}

export function appLink(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return new URL(path, appBaseUrl(env)).toString();
}
