import PDFDocument from "pdfkit";

/** The provider's name as printed on every document. */
export const ISSUER = {
  name: "Area Clienti S.p.A.",
  address: "Via dei Servizi Digitali 1, 00100 Roma (RM)",
  vatNumber: "IT01234567891",
} as const;

export type Pdf = PDFKit.PDFDocument;

/**
 * Renders an A4 document with pdfkit and the standard Helvetica font (WinAnsi: accented Italian
 * letters and "€" print as they are, no font file to ship). `draw` writes the body.
 */
export function renderPdf(meta: { title: string; subject?: string }, draw: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: meta.title, Author: ISSUER.name, Subject: meta.subject ?? meta.title }, lang: "it-IT" });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.font("Helvetica-Bold").fontSize(14).text(ISSUER.name);
  doc.font("Helvetica").fontSize(9).text(ISSUER.address).text(`P. IVA ${ISSUER.vatNumber}`).moveDown(1.5);
  doc.font("Helvetica-Bold").fontSize(16).text(meta.title).moveDown(0.8);
  doc.font("Helvetica").fontSize(10);
  draw(doc);
  doc.end();
  return done;
}

/** Label–value rows, the label in bold on the left. */
export function writeFields(doc: Pdf, rows: ReadonlyArray<readonly [label: string, value: string]>) {
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font("Helvetica-Bold").text(label, 50, y, { width: 170 });
    const afterLabel = doc.y;
    doc.font("Helvetica").text(value, 230, y, { width: 315 });
    doc.y = Math.max(afterLabel, doc.y) + 3;
  }
  doc.x = 50;
}
