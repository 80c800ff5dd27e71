import Link from "next/link";

// Manuale d'uso: paying an invoice without logging in, the quietanza, Lista Pagamenti.

export function PayInvoiceSection({ n }: { n: number }) {
  return (
    <section aria-labelledby="paga-fattura">
      <h2 id="paga-fattura">{n}. Pagare una fattura (Paga fattura)</h2>
      <p>
        Con <Link href="/paga-fattura">Paga fattura</Link> paghi con carta di credito una fattura ricevuta per e-mail, senza accedere all&apos;Area
        Clienti.
      </p>
      <ol>
        <li>
          Inserisci <strong>Numero Fattura</strong>, <strong>Cod. Cliente</strong> e <strong>Importo</strong> come sono riportati sulla fattura e scegli
          il <strong>Regime IVA</strong>: <em>Ordinario</em> (paghi il totale, IVA compresa) oppure <em>Split Payment</em>, riservato alle pubbliche
          amministrazioni (paghi l&apos;imponibile; l&apos;IVA la versa l&apos;ente all&apos;Erario, art. 17-ter DPR 633/72).
        </li>
        <li>
          Indica chi paga (<strong>Intestatario del pagamento</strong>, <strong>Codice fiscale o Partita IVA</strong>) e l&apos;
          <strong>E-mail per la quietanza</strong>: controllala bene, la quietanza arriva solo lì. Premi <strong>Prosegui</strong>.
        </li>
        <li>
          Se i dati corrispondono a una fattura da pagare vedi il <strong>Riepilogo</strong>; altrimenti un messaggio ti chiede di controllarli, senza
          dire quale campo non coincide. Dopo troppi tentativi con dati errati il modulo si blocca per qualche minuto.
        </li>
        <li>
          <strong>Paga con carta</strong> ti porta alla pagina sicura della banca: inserisci i dati della carta, controllali, premi{" "}
          <strong>Invio dati</strong> e, se la banca lo chiede, conferma con il codice OTP (3-D Secure). La carta non viene salvata.
        </li>
        <li>
          Torni all&apos;esito. Se il pagamento è riuscito la fattura risulta pagata e ricevi la quietanza; se non è riuscito la pagina dice perché, non
          viene addebitato nulla e puoi ricominciare dal primo passo.
        </li>
      </ol>
      <p>
        Una fattura già pagata non può essere pagata una seconda volta: se ripeti il pagamento dopo una connessione interrotta o da un&apos;altra
        scheda, il portale lo riconosce e lo rifiuta.
      </p>
    </section>
  );
}

export function ReceiptSection({ n }: { n: number }) {
  return (
    <section aria-labelledby="quietanza">
      <h2 id="quietanza">{n}. La quietanza</h2>
      <p>
        Dopo un pagamento riuscito su Paga fattura la <strong>quietanza di pagamento</strong> arriva in pochi secondi all&apos;indirizzo indicato, come
        allegato PDF <em>Quietanza-QT-…pdf</em>. Riporta numero della quietanza, data del pagamento, pagatore con codice fiscale o partita IVA, numero
        e data della fattura, Cod. Cliente, importo pagato, regime IVA (con lo Split Payment anche l&apos;IVA versata dall&apos;ente all&apos;Erario),
        carta usata e ID della transazione. Se il servizio di posta non risponde l&apos;invio viene ritentato automaticamente. Il titolare della fattura
        che accede all&apos;Area Clienti può scaricare la stessa quietanza da <strong>Fatture</strong>, aprendo la fattura pagata.
      </p>
      <p>
        Se la quietanza non arriva entro 15 minuti o l&apos;indirizzo era sbagliato, chiedi all&apos;Amministrazione di inviarla di nuovo con una{" "}
        <Link href="/assistenza/richiesta?destinatario=amministrazione">Richiesta di Assistenza</Link>.
      </p>
    </section>
  );
}

export function PaymentsListSection({ n }: { n: number }) {
  return (
    <section aria-labelledby="lista-pagamenti">
      <h2 id="lista-pagamenti">{n}. Lista Pagamenti</h2>
      <p>
        Con <Link href="/lista-pagamenti">Lista Pagamenti</Link> ricevi per e-mail l&apos;elenco dei pagamenti di un periodo: le fatture pagate con
        Paga fattura (data, numero fattura, importo, regime IVA, carta, ID transazione, numero della quietanza) e gli ordini pagati con carta
        nell&apos;Area Clienti, compresi i rinnovi automatici.
      </p>
      <ol>
        <li>
          Inserisci <strong>Cod. Cliente</strong> e <strong>Codice fiscale o Partita IVA</strong> del cliente e il periodo (<strong>Dal</strong>,{" "}
          <strong>Al</strong>): fino a oggi, al massimo 5 anni.
        </li>
        <li>
          Premi <strong>Richiedi la lista</strong>. La pagina risponde sempre allo stesso modo: se i dati corrispondono a un cliente, la lista viene
          inviata all&apos;ultimo indirizzo e-mail registrato per quel cliente.
        </li>
        <li>
          La lista arriva come file CSV (separato da punto e virgola, si apre con Excel). Per proteggere i tuoi dati non viene mai mostrata sullo
          schermo né inviata a un indirizzo diverso da quello registrato; per cambiarlo scrivi all&apos;Amministrazione.
        </li>
      </ol>
    </section>
  );
}
