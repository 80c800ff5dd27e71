import type { MaskedCard } from "@/lib/gateway/sandbox/hosted";
import { SubmitButton } from "../../_components/submit-button";
import styles from "../../gateway.module.css";

type Props = { card: MaskedCard; send: () => Promise<void>; edit: () => Promise<void>; abandon: () => Promise<void> };

/** What the customer entered, masked, before the bank is asked to go ahead. */
export function CardSummary({ card, send, edit, abandon }: Props) {
  return (
    <>
      <h2>Controlla i dati inseriti</h2>
      <dl className={styles.details}>
        <dt>Carta</dt>
        <dd>
          {card.brand} •••• {card.last4}
        </dd>
        <dt>Scadenza</dt>
        <dd>{card.expiry}</dd>
        <dt>Intestatario</dt>
        <dd>{card.holder}</dd>
      </dl>
      <div className={styles.actions}>
        <form action={send}>
          <SubmitButton>Invio dati</SubmitButton>
        </form>
        <form action={edit}>
          <SubmitButton variant="secondary">Modifica i dati</SubmitButton>
        </form>
        <form action={abandon}>
          <SubmitButton variant="secondary">Annulla</SubmitButton>
        </form>
      </div>
    </>
  );
}
