import Link from "next/link";

const toAdministration = "/assistenza/richiesta?destinatario=amministrazione";
const toTechnicalSupport = "/assistenza/richiesta?destinatario=supporto-tecnico";

export type Faq = { id: string; question: string; answer: React.ReactNode };

// The FAQ of the invoice-payment portal (seed 000), rewritten as what this product does: invoices
// paid on Paga fattura with their quietanza, Lista Pagamenti, orders and renewals in the area.
export const faqs: Faq[] = [
  {
    id: "pagare-fattura",
    question: "Come pago una fattura che ho ricevuto per e-mail?",
    answer: (
      <>
        Apri <Link href="/paga-fattura">Paga fattura</Link>: non serve accedere all&apos;Area Clienti. Inserisci <strong>Numero Fattura</strong>,{" "}
        <strong>Cod. Cliente</strong> e <strong>Importo</strong> come riportati sulla fattura, il regime IVA, chi paga e l&apos;indirizzo e-mail a cui
        inviare la quietanza; poi paghi con carta sulla pagina sicura della banca, con la verifica 3-D Secure se la banca la richiede. Le istruzioni
        passo passo sono nel <Link href="/assistenza/manuale#paga-fattura">Manuale d&apos;uso</Link>.
      </>
    ),
  },
  {
    id: "quietanza-non-ricevuta",
    question: "Dopo aver effettuato un pagamento non ho ricevuto la quietanza.",
    answer: (
      <>
        La quietanza di una fattura pagata con <Link href="/paga-fattura">Paga fattura</Link> viene inviata all&apos;indirizzo indicato nel campo{" "}
        <em>E-mail per la quietanza</em>; controlla anche la posta indesiderata. Se l&apos;indirizzo era sbagliato, scrivi all&apos;
        <strong>Amministrazione</strong> tramite la <Link href={toAdministration}>Richiesta di Assistenza</Link>, motivo <em>Quietanza non ricevuta</em>,
        indicando il numero della fattura e il tuo indirizzo e-mail: l&apos;Amministrazione ti invierà la stessa quietanza all&apos;indirizzo corretto. Se
        la fattura è intestata a te e accedi all&apos;Area Clienti, puoi scaricare la quietanza anche da <strong>Fatture</strong>. La conferma di pagamento
        di un ordine dell&apos;Area Clienti arriva invece all&apos;indirizzo registrato nel tuo profilo.
      </>
    ),
  },
  {
    id: "tempi-quietanza",
    question: "Entro quanto tempo riceverò la quietanza?",
    answer: (
      <>
        In pochi secondi: appena la banca conferma il pagamento, la quietanza viene preparata in PDF e inviata in automatico. Se il servizio di posta
        è momentaneamente non disponibile l&apos;invio viene ritentato finché non riesce, quindi la quietanza non va persa. Se non arriva entro 15 minuti
        e l&apos;indirizzo indicato è corretto, contatta il <strong>Supporto Tecnico</strong> tramite la{" "}
        <Link href={toTechnicalSupport}>Richiesta di Assistenza</Link>. Lo stesso vale per la conferma di pagamento degli ordini.
      </>
    ),
  },
  {
    id: "connessione-persa",
    question: "Mentre stavo effettuando un pagamento è caduta la connessione internet.",
    answer: (
      <>
        Ripeti il pagamento da capo su <Link href="/paga-fattura">Paga fattura</Link>: quando inserisci di nuovo i dati, il portale riconosce se la
        fattura è già stata pagata e in quel caso non permette un secondo pagamento, così non c&apos;è rischio di un doppio addebito. Se il pagamento
        precedente risulta ancora in corso, il portale lo verifica con la banca entro pochi minuti: riprova più tardi. Per un ordine dell&apos;Area
        Clienti accedi di nuovo e apri l&apos;ordine da <Link href="/ordini">Ordini</Link>: se è <em>Pagato</em> non può essere pagato di nuovo,
        altrimenti puoi ripetere il pagamento con <strong>Paga</strong>.
      </>
    ),
  },
  {
    id: "esito-negativo",
    question: "Alla fine del processo di pagamento ho avuto un esito negativo.",
    answer: (
      <>
        L&apos;esito può essere negativo per un errore nei dati della carta, per la verifica 3-D Secure non superata, per una carta scaduta o per
        mancanza di fondi; la pagina dell&apos;esito ne indica il motivo e non viene addebitato nulla. Per una fattura ricomincia da{" "}
        <Link href="/paga-fattura">Paga fattura</Link> inserendo di nuovo Numero Fattura, Cod. Cliente, Importo e gli altri campi obbligatori del primo
        passo. Per un ordine dell&apos;Area Clienti, che resta <em>In attesa di pagamento</em>, ripeti il pagamento da <Link href="/ordini">Ordini</Link>{" "}
        con <strong>Paga</strong>, eventualmente con un&apos;altra carta.
      </>
    ),
  },
  {
    id: "email-errata",
    question: "Ho sbagliato a inserire l'indirizzo e-mail durante il pagamento.",
    answer: (
      <>
        La quietanza viene inviata all&apos;indirizzo indicato durante il pagamento, quindi non la riceverai. Scrivi all&apos;
        <strong>Amministrazione</strong> tramite la <Link href={toAdministration}>Richiesta di Assistenza</Link>, motivo <em>Indirizzo e-mail errato</em>,
        indicando il numero della fattura e l&apos;indirizzo corretto: l&apos;Amministrazione ti invierà la quietanza a quell&apos;indirizzo.
      </>
    ),
  },
  {
    id: "email-profilo",
    question: "L'indirizzo e-mail a cui ricevo le comunicazioni è sbagliato.",
    answer: (
      <>
        Le conferme di pagamento degli ordini, gli avvisi sui rinnovi e la <Link href="/lista-pagamenti">Lista Pagamenti</Link> sono inviati
        all&apos;indirizzo registrato per il cliente. Contatta l&apos;<strong>Amministrazione</strong> tramite la{" "}
        <Link href={toAdministration}>Richiesta di Assistenza</Link>, motivo <em>Indirizzo e-mail errato</em>, indicando l&apos;indirizzo corretto.
      </>
    ),
  },
  {
    id: "split-payment-errore",
    question: "Ho effettuato per errore il pagamento in regime di Split Payment.",
    answer: (
      <>
        Con lo Split Payment si paga solo l&apos;imponibile, perché l&apos;IVA la versa l&apos;ente pubblico all&apos;Erario: se non sei una pubblica
        amministrazione, la fattura resta da saldare. Scrivi all&apos;<strong>Amministrazione</strong> tramite la{" "}
        <Link href={toAdministration}>Richiesta di Assistenza</Link>, motivo <em>Pagamento in Split Payment per errore</em>, indicando il numero della
        fattura. Riceverai per e-mail le istruzioni: di norma l&apos;Amministrazione apre il saldo dell&apos;IVA ancora dovuta, che paghi con{" "}
        <Link href="/paga-fattura">Paga fattura</Link> in regime Ordinario, oppure rimborsa il pagamento sulla carta perché tu possa pagare
        l&apos;importo corretto.
      </>
    ),
  },
  {
    id: "lista-pagamenti",
    question: "Come faccio a reperire la lista dei pagamenti effettuati in passato?",
    answer: (
      <>
        Apri <Link href="/lista-pagamenti">Lista Pagamenti</Link> e inserisci i tuoi dati identificativi (Cod. Cliente e codice fiscale o partita
        IVA) e il periodo che ti interessa, al massimo 5 anni. La lista, un file CSV che si apre con Excel, viene inviata all&apos;ultimo indirizzo
        e-mail registrato per il cliente: non viene mai mostrata sullo schermo né inviata ad altri indirizzi. Se l&apos;indirizzo registrato non è più
        valido, contatta l&apos;<strong>Amministrazione</strong>. Se accedi all&apos;Area Clienti trovi anche i tuoi ordini in{" "}
        <Link href="/ordini">Ordini</Link> e le tue fatture in <strong>Fatture</strong>.
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
    question: "Non riesco a pagare una fattura perché i dati non coincidono (Cod. Cliente, numero fattura, importo, data…), come faccio a segnalarlo?",
    answer: (
      <>
        <Link href="/paga-fattura">Paga fattura</Link> accetta i dati solo se corrispondono a una fattura da pagare e, per sicurezza, non dice quale
        campo non coincide: controlla Numero Fattura e Cod. Cliente come sono stampati sulla fattura e l&apos;importo (il totale in regime Ordinario,
        l&apos;imponibile in Split Payment). Se l&apos;errore è nella fattura stessa, o in un ordine dell&apos;Area Clienti, contatta l&apos;
        <strong>Amministrazione</strong> tramite la <Link href={toAdministration}>Richiesta di Assistenza</Link>, motivo{" "}
        <em>Dati della fattura errati</em>, indicando il numero della fattura e il problema riscontrato.
      </>
    ),
  },
];
