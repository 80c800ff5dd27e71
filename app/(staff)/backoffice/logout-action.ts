"use server";

import { redirect } from "next/navigation";
import { endSession } from "@/lib/auth/sign-out";
import { STAFF_LOGIN_PATH } from "@/lib/auth/session";

export async function staffLogoutAction() {
  await endSession();
  redirect(`${STAFF_LOGIN_PATH}?uscita=1`);
}
