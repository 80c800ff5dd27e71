/** "Chrome su Linux": enough of a user agent for a person to recognise their own device. */
export function describeDevice(userAgent: string | null | undefined, locale: "it" | "en" = "it"): string {
  const ua = userAgent ?? "";
  const browser =
    /Edg\//.test(ua) ? "Edge" : /OPR\/|Opera/.test(ua) ? "Opera" : /Firefox\//.test(ua) ? "Firefox" : /Chrome\/|Chromium\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : null;
  const os =
    /Android/.test(ua) ? "Android" : /iPhone|iPad|iPod/.test(ua) ? "iOS" : /Windows/.test(ua) ? "Windows" : /Mac OS X|Macintosh/.test(ua) ? "macOS" : /Linux|X11/.test(ua) ? "Linux" : null;
  const unknown = locale === "it" ? "Browser sconosciuto" : "Unknown browser";
  if (!browser && !os) return unknown;
  if (!os) return browser!;
  return `${browser ?? unknown} ${locale === "it" ? "su" : "on"} ${os}`;
}
