import styles from "./gateway.module.css";

export default function GatewayNotFound() {
  return (
    <div className={styles.panel}>
      <title>Operazione non trovata – Banca Sandbox</title>
      <h1>Operazione non trovata</h1>
      <p className={styles.notice}>
        Il collegamento non è valido oppure l&apos;operazione non esiste. Nessun addebito è stato eseguito: torna al sito
        dell&apos;esercente e riprova da lì.
      </p>
    </div>
  );
}
