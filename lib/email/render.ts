import "server-only";
import { render, toPlainText } from "@react-email/render";
import { emailPropsSchemas, type EmailProps, type EmailTemplateName } from "./catalog";
import { emailTemplates } from "./templates";
import type { EmailAttachment, EmailLocale, EmailTemplate } from "./types";

export type RenderedEmail = { subject: string; html: string; text: string; attachments: EmailAttachment[] };

/** Turns an outbox row's template, props and locale into what a transport sends. */
export async function renderEmail<N extends EmailTemplateName>(
  name: N,
  rawProps: unknown,
  locale: EmailLocale,
): Promise<RenderedEmail> {
  const template: EmailTemplate<N> = emailTemplates[name];
  const props = emailPropsSchemas[name].parse(rawProps) as EmailProps<N>;
  // Templates are plain, hook-free function components: calling one keeps the props' type exact
  // (createElement loses it over the union of templates).
  const html = await render(template.Component({ ...props, locale }));
  return {
    subject: template.subject(props, locale),
    html,
    text: toPlainText(html),
    attachments: (await template.attachments?.(props, locale)) ?? [],
  };
}
