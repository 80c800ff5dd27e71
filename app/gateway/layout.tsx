import type { Metadata } from "next";
import styles from "./gateway.module.css";

// The bank's own site: no header, navigation or language of the area.
export const metadata: Metadata = {
  title: { absolute: "Banca Sandbox – Pagamento sicuro", template: "%s – Banca Sandbox" },
  robots: { index: false, follow: false },
};

export default function GatewayLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className={styles.bank}>
      <header className={styles.header}>
        <div className={styles.headerInner}>
          <span className={styles.logo} aria-hidden="true">BS</span>
          <div>
            <p className={styles.bankName}>Banca Sandbox</p>
            <p className={styles.tagline}>
              <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
                <path d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 8V7a3 3 0 0 1 6 0v3H9Z" />
              </svg>
              Pagamento sicuro · 3-D Secure
            </p>
          </div>
        </div>
      </header>
      <main id="contenuto" className={styles.main}>
        {children}
      </main>
      <footer className={styles.footer}>
        Banca Sandbox è la banca di prova di Area Clienti: nessun addebito è reale. I dati della carta restano alla banca e
        non sono mai comunicati all&apos;esercente.
      </footer>
    </div>
  );
}
