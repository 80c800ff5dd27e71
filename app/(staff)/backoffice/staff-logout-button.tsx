import { getTranslations } from "next-intl/server";
import { staffLogoutAction } from "./logout-action";

/** "Esci" for staff: a plain form (see components/layout/logout-button.tsx). */
export async function StaffLogoutButton() {
  const t = await getTranslations("backoffice.shell");
  return (
    <form action={staffLogoutAction}>
      <button type="submit" className="btn btn-ghost btn-small">
        {t("logout")}
      </button>
    </form>
  );
}
