"use client";

// Last resort when the root layout itself fails: no translations are available here.
export default function GlobalError() {
  return (
    <html lang="it">
      <body>
        <main>
          <h1>Si è verificato un errore</h1>
          <p>Non è stato possibile completare l&apos;operazione. Riprova tra qualche istante.</p>
          <p lang="en">Something went wrong. Please try again in a moment.</p>
        </main>
      </body>
    </html>
  );
}
