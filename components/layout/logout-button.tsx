import { getTranslations } from "next-intl/server";
import { logoutAction } from "./actions";

/** "Esci": a plain form, so logging out works without JavaScript and loads no auth client code. */
export async function LogoutButton() {
  const t = await getTranslations("app");
  return (
    <form action={logoutAction}>
      <button type="submit" className="btn btn-ghost btn-small">
        {t("logout")}
      </button>
    </form>
  );
}
