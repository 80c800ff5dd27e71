"use client";

import styles from "./gateway.module.css";

// Never shows the error itself: the details stay in the server log.
export default function GatewayError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className={styles.panel}>
      <title>Servizio non disponibile – Banca Sandbox</title>
      <h1>Servizio momentaneamente non disponibile</h1>
      <p className={styles.notice} role="alert">
        La banca non è riuscita a completare la richiesta. Puoi riprovare: la stessa operazione non viene mai addebitata due volte.
      </p>
      <button type="button" className={styles.primary} onClick={reset}>
        Riprova
      </button>
    </div>
  );
}
