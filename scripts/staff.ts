import "./server-only-hook";

// Staff accounts of the back office (README "Account and sign-in" › Staff accounts):
//   npm run staff -- add <username> --role amministrazione|supporto [--name "Nome Cognome"]
//   npm run staff -- list
//   npm run staff -- disable <username>
//   npm run staff -- reset-password <username> [--reset-2fa]
// A one-time password is printed once; it must be changed at the first login, then the
// authenticator app is set up. On DATABASE_URL (PostgreSQL) or the embedded database.
const { disconnectDb } = await import("../lib/db/index");
const { addStaff, disableStaff, listStaff, resetStaffPassword, StaffAccountError } = await import("../lib/staff-accounts/index");

const [command, ...rest] = process.argv.slice(2);
const flag = (name: string) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : undefined;
};
const valued = new Set(["--role", "--name"]);
const positional = rest.find((a, i) => !a.startsWith("--") && !valued.has(rest[i - 1] ?? ""));
const usage = "usage: npm run staff -- add <username> --role amministrazione|supporto [--name \"…\"] | list | disable <username> | reset-password <username> [--reset-2fa]";

let code = 0;
try {
  if (command === "add") {
    const r = await addStaff({ username: positional, role: flag("--role"), displayName: flag("--name") });
    console.log(`staff: added ${r.username} (${r.role}). One-time password, shown only now: ${r.oneTimePassword}\nIt must be changed at the first login at /backoffice/accesso, then the authenticator app is set up.`);
  } else if (command === "list") {
    for (const s of await listStaff()) {
      const state = s.disabledAt ? "disabled" : s.mustChangePassword ? "one-time password not yet changed" : s.authenticator ? "active" : "authenticator not yet set up";
      console.log(`${s.username.padEnd(20)} ${s.role.padEnd(17)} ${state}`);
    }
  } else if (command === "disable") {
    const r = await disableStaff({ username: positional });
    console.log(`staff: ${positional} disabled; ${r.sessionsSignedOut} open session(s) signed out.`);
  } else if (command === "reset-password") {
    const r = await resetStaffPassword({ username: positional, reset2fa: rest.includes("--reset-2fa") });
    console.log(`staff: new one-time password for ${positional}, shown only now: ${r.oneTimePassword}${rest.includes("--reset-2fa") ? "\nThe authenticator app was removed: it is set up again at the next login." : ""}`);
  } else {
    console.error(usage);
    code = 2;
  }
} catch (error) {
  if (!(error instanceof StaffAccountError)) throw error;
  const why = { invalid_input: `invalid arguments\n${usage}`, exists: "a member of staff with that username already exists", not_found: "no member of staff with that username" }[error.code];
  console.error(`staff: ${why}`);
  code = 1;
} finally {
  await disconnectDb();
}
process.exit(code);
