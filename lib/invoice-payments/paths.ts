// Addresses of one attempt carry its random id only: an invoice number opens nothing.
export const PAY_INVOICE_PATH = "/paga-fattura";
export const invoicePaymentSummaryPath = (id: string) => `${PAY_INVOICE_PATH}/${id}`;
export const invoicePaymentReturnPath = (id: string) => `${PAY_INVOICE_PATH}/${id}/ritorno`;
export const invoicePaymentResultPath = (id: string) => `${PAY_INVOICE_PATH}/${id}/esito`;
