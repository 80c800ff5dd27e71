"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getViewer } from "@/lib/auth/session";
import { endSession } from "@/lib/auth/sign-out";
import { setCustomerLocale } from "@/lib/customers/set-locale";
import { LOCALE_COOKIE, locales } from "@/lib/i18n/config";
import { formValue } from "@/lib/security/form-input";

const setLocaleInput = z.object({ locale: z.enum(locales) });

export async function setLocaleAction(formData: FormData) {
  const parsed = setLocaleInput.safeParse({ locale: formValue(formData, "locale") });
  if (!parsed.success) return; // an unknown language changes nothing
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  const viewer = await getViewer();
  if (viewer) await setCustomerLocale({ customerId: viewer.customerId, locale: parsed.data.locale });
  revalidatePath("/", "layout");
}

/** "Esci" in the area and on the public pages. */
export async function logoutAction() {
  await endSession();
  redirect("/login?uscita=1");
}
