import { formatMoney } from "@/lib/money";
import type { Sale } from "@/lib/gateway/sandbox/hosted";
import styles from "../gateway.module.css";

/** Who is asking for how much: the first thing a bank's page shows. */
export function SaleSummary({ sale }: { sale: Sale }) {
  return (
    <dl className={styles.sale} aria-label="Dettagli dell'operazione">
      <dt>Esercente</dt>
      <dd>{sale.merchant}</dd>
      <dt>{sale.kind === "VERIFY" ? "Operazione" : "Importo"}</dt>
      <dd className={sale.kind === "VERIFY" ? undefined : styles.amount}>
        {sale.kind === "VERIFY" ? "Verifica della carta (nessun addebito)" : formatMoney(sale.amountCents)}
      </dd>
    </dl>
  );
}
