type Tone = "default" | "ok" | "warn" | "danger" | "muted";

export function Badge({ tone = "default", children }: { tone?: Tone; children: React.ReactNode }) {
  return <span className={tone === "default" ? "badge" : `badge badge-${tone}`}>{children}</span>;
}
