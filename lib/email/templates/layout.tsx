import { Body, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { providerIdentity, type ProviderIdentity } from "@/lib/provider";
import type { EmailLocale } from "../types";

// The deployment's provider (lib/provider): its name heads every e-mail, its contacts close it.
const footer: Record<EmailLocale, (p: ProviderIdentity) => string[]> = {
  it: (p) => [
    `Questo messaggio è stato inviato automaticamente da ${p.name}: non rispondere a questo indirizzo.`,
    `Assistenza: ${[p.supportEmail, p.supportPhone].filter(Boolean).join(" · ")}. ${p.name}, ${p.address}, P. IVA ${p.vatNumber}.`,
  ],
  en: (p) => [
    `This message was sent automatically by ${p.name}: please do not reply to this address.`,
    `Support: ${[p.supportEmail, p.supportPhone].filter(Boolean).join(" · ")}. ${p.name}, ${p.address}, VAT no. ${p.vatNumber}.`,
  ],
};

// Plain, high-contrast layout (WCAG AA): dark text on white, 16px body, one column.
const styles = {
  body: { backgroundColor: "#f3f4f6", fontFamily: "Arial, Helvetica, sans-serif", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", maxWidth: "600px", margin: "0 auto", padding: "32px" },
  brand: { fontSize: "14px", fontWeight: 700, color: "#1e3a8a", margin: "0 0 16px" },
  heading: { fontSize: "22px", lineHeight: "30px", color: "#111827", margin: "0 0 16px" },
  footer: { fontSize: "13px", lineHeight: "20px", color: "#4b5563" },
};

export const paragraph = { fontSize: "16px", lineHeight: "24px", color: "#1f2937", margin: "0 0 16px" };

type EmailLayoutProps = { locale: EmailLocale; preview: string; heading: string; children: ReactNode };

export function EmailLayout({ locale, preview, heading, children }: EmailLayoutProps) {
  const provider = providerIdentity();
  return (
    <Html lang={locale}>
      <Head>
        <title>{heading}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{provider.name}</Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          <Hr />
          {footer[locale](provider).map((line) => (
            <Text key={line} style={styles.footer}>
              {line}
            </Text>
          ))}
        </Container>
      </Body>
    </Html>
  );
}
