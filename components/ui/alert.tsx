type Tone = "info" | "warn" | "danger" | "ok";

/** A message box; errors are announced to screen readers as soon as they appear. */
export function Alert({ tone = "info", children, id }: { tone?: Tone; children: React.ReactNode; id?: string }) {
  const role = tone === "danger" ? "alert" : "status";
  return (
    <div id={id} role={role} className={`alert alert-${tone}`}>
      {children}
    </div>
  );
}
