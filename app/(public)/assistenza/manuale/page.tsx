import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HelpPage } from "../help-page";
import { PaymentsListSection, PayInvoiceSection, ReceiptSection } from "./invoice-sections";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support"))("manual.title") };
}

// The area (orders, cards, renewals) and the public pages (Paga fattura, quietanza, Lista Pagamenti).
export default async function ManualPage() {
  const t = await getTranslations("support");
  return (
    <HelpPage title={t("manual.title")}>
      <nav aria-labelledby="manuale-indice">
        <h2 id="manuale-indice">Indice</h2>
        <ol>
          <li><a href="#accesso">Accedere all&apos;Area Clienti</a></li>
          <li><a href="#pagare-un-ordine">Pagare un ordine</a></li>
          <li><a href="#conferma">La conferma di pagamento</a></li>
          <li><a href="#carte">Gestire le carte di credito</a></li>
          <li><a href="#rinnovi">Rinnovi automatici</a></li>
          <li><a href="#paga-fattura">Pagare una fattura (Paga fattura)</a></li>
          <li><a href="#quietanza">La quietanza</a></li>
          <li><a href="#lista-pagamenti">Lista Pagamenti</a></li>
          <li><a href="#assistenza">Chiedere assistenza</a></li>
        </ol>
      </nav>

      <section aria-labelledby="accesso">
        <h2 id="accesso">1. Accedere all&apos;Area Clienti</h2>
        <p>
          Dalla pagina di <Link href="/login">accesso</Link> entra con il tuo username e la password, oppure con l&apos;indirizzo e la password
          della tua casella PEC: in questo caso vedi e gestisci solo quella casella. Dopo 5 tentativi non riusciti l&apos;accesso viene sospeso per
          15 minuti.
        </p>
      </section>

      <section aria-labelledby="pagare-un-ordine">
        <h2 id="pagare-un-ordine">2. Pagare un ordine</h2>
        <ol>
          <li>
            In <Link href="/">I miei servizi</Link> scegli <strong>Gestisci</strong> sul servizio, oppure apri <Link href="/ordini">Ordini</Link>{" "}
            e filtra quelli <em>In attesa di pagamento</em>; premi <strong>Paga</strong>.
          </li>
          <li>
            Scegli <strong>Carta di credito</strong>: una carta già registrata oppure <strong>Nuova carta</strong>. Pagando con la carta si attiva il
            rinnovo automatico dei servizi che lo prevedono (non Firma Digitale e Marca Temporale).
          </li>
          <li>
            Controlla il <strong>Riepilogo ordine</strong> (imponibile, IVA 22%, totale). Se hai già un rinnovo automatico attivo e cambi carta, ti
            chiediamo di autorizzare l&apos;<strong>importo massimo prelevabile</strong> per i prossimi rinnovi (<strong>Autorizza e procedi</strong>).
          </li>
          <li>
            I dati di una nuova carta si inseriscono sulla pagina sicura della banca, mai nell&apos;Area Clienti; la banca può chiedere la verifica
            3-D Secure.
          </li>
          <li>
            Al termine vedi l&apos;esito. Se è positivo l&apos;ordine risulta <em>Pagato</em> e il servizio viene attivato o prolungato di un anno; se è
            negativo non è addebitato nulla e puoi riprovare, anche con un&apos;altra carta.
          </li>
        </ol>
        <p>Un ordine già pagato non può essere pagato una seconda volta.</p>
      </section>

      <section aria-labelledby="conferma">
        <h2 id="conferma">3. La conferma di pagamento</h2>
        <p>
          Dopo ogni pagamento riuscito ricevi all&apos;indirizzo e-mail registrato nel tuo profilo la <strong>Conferma di pagamento</strong> con numero
          d&apos;ordine, importi, carta e identificativo della transazione: è la ricevuta del pagamento. Di norma arriva entro pochi minuti; l&apos;ordine
          pagato resta consultabile in <Link href="/ordini">Ordini</Link>.
        </p>
      </section>

      <section aria-labelledby="carte">
        <h2 id="carte">4. Gestire le carte di credito</h2>
        <p>
          In <Link href="/metodi-di-pagamento">Metodi di pagamento</Link> trovi le carte registrate (circuito, ultime quattro cifre, scadenza,
          intestatario), quella usata per i rinnovi automatici, l&apos;importo massimo prelevabile in vigore e lo storico delle autorizzazioni. Puoi:
        </p>
        <ul>
          <li>
            <strong>Aggiungi una carta</strong>: la banca la verifica senza addebiti, sulla sua pagina sicura;
          </li>
          <li>
            <strong>Usa per i rinnovi</strong>: sceglie la carta che paga i rinnovi automatici;
          </li>
          <li>
            <strong>Rimuovi</strong>: toglie la carta; se è l&apos;unica che paga rinnovi attivi, ti proponiamo di disattivarli o di spostarli su
            un&apos;altra carta.
          </li>
        </ul>
        <p>Con l&apos;accesso tramite casella PEC le carte si possono solo consultare.</p>
      </section>

      <section aria-labelledby="rinnovi">
        <h2 id="rinnovi">5. Rinnovi automatici</h2>
        <p>
          Nella pagina di ogni servizio e nell&apos;elenco di <Link href="/">I miei servizi</Link> l&apos;interruttore <strong>Rinnovo automatico</strong>{" "}
          attiva o disattiva il rinnovo, dopo una conferma che indica importo, carta e data dell&apos;addebito. Il rinnovo viene addebitato sulla carta
          scelta per i rinnovi nei giorni che precedono la scadenza, entro l&apos;importo massimo prelevabile autorizzato. Se l&apos;addebito non riesce
          ricevi un&apos;e-mail e trovi l&apos;avviso in <Link href="/">I miei servizi</Link> con il pulsante <strong>Paga</strong>.
        </p>
      </section>

      <PayInvoiceSection n={6} />
      <ReceiptSection n={7} />
      <PaymentsListSection n={8} />

      <section aria-labelledby="assistenza">
        <h2 id="assistenza">9. Chiedere assistenza</h2>
        <p>
          Consulta le <Link href="/assistenza/faq">FAQ</Link>. Se non trovi la risposta invia una{" "}
          <Link href="/assistenza/richiesta">Richiesta di Assistenza</Link> all&apos;<strong>Amministrazione</strong> (ricevute, indirizzo e-mail, dati
          di pagamento) o al <strong>Supporto Tecnico</strong> (errori del portale): riceverai per e-mail una conferma con il numero della richiesta.
        </p>
      </section>
    </HelpPage>
  );
}
