import PDFDocument from "pdfkit";
import { providerIdentity } from "@/lib/provider";

export type Pdf = PDFKit.PDFDocument;

/**
 * Renders an A4 document with pdfkit and the standard Helvetica font (WinAnsi: accented Italian
 * letters and "€" print as they are, no font file to ship). `draw` writes the body.
 */
export function renderPdf(meta: { title: string; subject?: string }, draw: (doc: Pdf) => void): Promise<Buffer> {
  // The deployment's provider (lib/provider), printed on every quietanza and invoice.
  const issuer = providerIdentity();
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: meta.title, Author: issuer.name, Subject: meta.subject ?? meta.title }, lang: "it-IT" });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  if (issuer.logoPath) {
    doc.image(issuer.logoPath, 50, 40, { fit: [140, 40] });
    doc.y = 90;
  }
  doc.font("Helvetica-Bold").fontSize(14).text(issuer.name);
  doc.font("Helvetica").fontSize(9).text(issuer.address).text(`P. IVA ${issuer.vatNumber}`);
  const contacts = [issuer.supportEmail, issuer.supportPhone].filter(Boolean).join(" · ");
  if (contacts) doc.text(`Assistenza: ${contacts}`);
  doc.moveDown(1.5);
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
