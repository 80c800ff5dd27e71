import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/** What every page's client components may use: the shell (navigation, logout) and the error page. */
const SHELL = ["app", "errors"];

/**
 * Gives the client components below only the message namespaces they use. The provider puts its
 * messages into every page's HTML: all of them weighed about 40 KB (Italian) on each page, the
 * bare baseline included, while the client side needs a few hundred bytes on most pages.
 * Server components read every message as before (getTranslations). A nested provider replaces
 * the messages of the one above, so the shell's namespaces are always included.
 */
export async function ClientMessages({ namespaces = [], children }: { namespaces?: string[]; children: React.ReactNode }) {
  const messages = await getMessages();
  const picked = Object.fromEntries([...SHELL, ...namespaces].filter((name) => name in messages).map((name) => [name, messages[name]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
