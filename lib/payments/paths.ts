/** Where the bank sends the browser back after the hosted page or a 3-D Secure challenge. */
export const paymentReturnPath = (paymentId: string) => `/pagamenti/${paymentId}/ritorno`;
