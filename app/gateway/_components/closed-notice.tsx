import type { Closed } from "@/lib/gateway/sandbox/hosted";
import styles from "../gateway.module.css";

const texts: Record<Closed["why"], { title: string; body: string }> = {
  succeeded: { title: "Operazione già completata", body: "Questa operazione è stata autorizzata. Non serve fare altro." },
  failed: { title: "Operazione conclusa", body: "Questa operazione è chiusa e non è andata a buon fine: non è stato addebitato nulla. Puoi riprovare dal sito dell'esercente." },
  expired: { title: "Sessione scaduta", body: "Il tempo per completare l'operazione (15 minuti) è scaduto e non è stato addebitato nulla. Puoi riprovare dal sito dell'esercente." },
};

/** A session or challenge that is over: say so, and offer the way back to the merchant. */
export function ClosedNotice({ closed }: { closed: Closed }) {
  const text = texts[closed.why];
  return (
    <div className={styles.panel}>
      <h1>{text.title}</h1>
      <p className={styles.notice}>{text.body}</p>
      {closed.backUrl ? (
        <a className={styles.primary} href={closed.backUrl}>
          Torna ad Area Clienti
        </a>
      ) : null}
    </div>
  );
}
