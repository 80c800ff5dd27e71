import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HelpPage } from "../help-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support"))("faq.title") };
}

const toAdministration = "/assistenza/richiesta?destinatario=amministrazione";
const toTechnicalSupport = "/assistenza/richiesta?destinatario=supporto-tecnico";

// The FAQ of the invoice-payment portal, rewritten for what the Area Clienti does today (orders,
// cards, renewals, payment confirmations, support requests). Invoice payment, Split Payment and
// Lista Pagamenti answers come with those features.
const faqs: { id: string; question: string; answer: React.ReactNode }[] = [
  {
    id: "conferma-non-ricevuta",
    question: "Dopo aver effettuato un pagamento non ho ricevuto la conferma di pagamento.",
    answer: (
      <>
        La conferma di pagamento (la ricevuta) viene inviata all&apos;indirizzo e-mail registrato nel tuo profilo: controlla anche la cartella della
        posta indesiderata. Se l&apos;indirizzo registrato è sbagliato o la conferma non arriva, contatta l&apos;<strong>Amministrazione</strong>{" "}
        tramite la <Link href={toAdministration}>Richiesta di Assistenza</Link>, motivo <em>Quietanza non ricevuta</em>, indicando il tuo indirizzo
        e-mail e il numero dell&apos;ordine. Il pagamento risulta comunque in <Link href="/ordini">Ordini</Link>, con lo stato <em>Pagato</em>.
      </>
    ),
  },
  {
    id: "tempi-conferma",
    question: "Entro quanto tempo riceverò la conferma di pagamento?",
    answer: (
      <>
        Di norma entro pochi minuti dal pagamento: l&apos;e-mail viene messa in coda insieme al pagamento e ritentata finché non viene consegnata. Se
        dopo 15 minuti non è ancora arrivata e l&apos;indirizzo registrato è corretto, contatta il <strong>Supporto Tecnico</strong> tramite la{" "}
        <Link href={toTechnicalSupport}>Richiesta di Assistenza</Link>.
      </>
    ),
  },
  {
    id: "connessione-persa",
    question: "Mentre stavo effettuando un pagamento è caduta la connessione internet.",
    answer: (
      <>
        Accedi di nuovo e apri l&apos;ordine da <Link href="/ordini">Ordini</Link>. Se il pagamento è andato a buon fine l&apos;ordine risulta{" "}
        <em>Pagato</em> e non può essere pagato di nuovo: non c&apos;è rischio di un doppio addebito. Se il pagamento risulta ancora in corso,
        l&apos;Area Clienti lo verifica con la banca entro pochi minuti; altrimenti puoi ripetere il pagamento con <strong>Paga</strong>.
      </>
    ),
  },
  {
    id: "esito-negativo",
    question: "Alla fine del processo di pagamento ho avuto un esito negativo.",
    answer: (
      <>
        L&apos;esito può essere negativo per un errore nei dati della carta, per la verifica 3-D Secure non superata, per una carta scaduta o per
        mancanza di fondi. Non viene addebitato nulla e l&apos;ordine resta <em>In attesa di pagamento</em>: ripeti il pagamento da{" "}
        <Link href="/ordini">Ordini</Link> con <strong>Paga</strong>, eventualmente con un&apos;altra carta.
      </>
    ),
  },
  {
    id: "email-errata",
    question: "L'indirizzo e-mail a cui ricevo le comunicazioni è sbagliato.",
    answer: (
      <>
        Le conferme di pagamento e gli avvisi sui rinnovi sono inviati all&apos;indirizzo e-mail registrato nel tuo profilo. Contatta
        l&apos;<strong>Amministrazione</strong> tramite la <Link href={toAdministration}>Richiesta di Assistenza</Link>, motivo{" "}
        <em>Indirizzo e-mail errato</em>, indicando l&apos;indirizzo corretto: l&apos;Amministrazione ti risponderà a quell&apos;indirizzo.
      </>
    ),
  },
  {
    id: "pagamenti-passati",
    question: "Come faccio a vedere i pagamenti effettuati in passato?",
    answer: (
      <>
        In <Link href="/ordini">Ordini</Link> trovi tutti i tuoi ordini; filtra per stato <em>Pagato</em> e apri <strong>Dettagli</strong> per vedere
        voci, importi e data del pagamento.
      </>
    ),
  },
  {
    id: "rinnovo-non-riuscito",
    question: "Ho ricevuto l'e-mail «Rinnovo automatico non riuscito»: cosa devo fare?",
    answer: (
      <>
        L&apos;addebito del rinnovo sulla carta non è riuscito (carta rifiutata o scaduta, fondi insufficienti, importo oltre il massimo autorizzato).
        Puoi pagare subito il rinnovo con <strong>Paga</strong> dall&apos;avviso in <Link href="/">I miei servizi</Link>, oppure aggiornare la carta in{" "}
        <Link href="/metodi-di-pagamento">Metodi di pagamento</Link>: i tentativi automatici successivi useranno la carta scelta per i rinnovi.
      </>
    ),
  },
  {
    id: "errore-tecnico",
    question: "Ho riscontrato un errore tecnico sul portale, come faccio a segnalarlo?",
    answer: (
      <>
        Contatta il <strong>Supporto Tecnico</strong> tramite la <Link href={toTechnicalSupport}>Richiesta di Assistenza</Link>, motivo{" "}
        <em>Errore tecnico</em>, e descrivi il problema: la pagina, l&apos;operazione che stavi facendo e il messaggio visualizzato.
      </>
    ),
  },
  {
    id: "dati-errati",
    question: "Ho trovato un errore nei dati di un ordine (codice cliente, importo, servizio…), come faccio a segnalarlo?",
    answer: (
      <>
        Contatta l&apos;<strong>Amministrazione</strong> tramite la <Link href={toAdministration}>Richiesta di Assistenza</Link>, indicando il numero
        dell&apos;ordine e il problema riscontrato.
      </>
    ),
  },
];

export default async function FaqPage() {
  const t = await getTranslations("support");
  return (
    <HelpPage title={t("faq.title")} intro={t("faq.intro")}>
      <p>
        Per le istruzioni dettagliate consulta il <Link href="/assistenza/manuale">Manuale d&apos;uso</Link>.
      </p>
      {faqs.map((f) => (
        <details key={f.id} id={f.id} className="card">
          <summary>
            <strong>{f.question}</strong>
          </summary>
          <p>{f.answer}</p>
        </details>
      ))}
    </HelpPage>
  );
}
