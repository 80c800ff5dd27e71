import { receiveGatewayNotification } from "@/lib/attempts";
import { log } from "@/lib/ops/log";

// Stripe events carry the whole object (a Checkout Session with its line items): room for them.
const MAX_BODY = 64 * 1024;

// The bank's server-to-server notification. Answers 2xx once it is recorded (or already was),
// so the bank stops retrying; 4xx for anything it should not send again.
export async function POST(request: Request) {
  const body = await request.text();
  if (body.length > MAX_BODY) return Response.json({ error: "too_large" }, { status: 413 });
  try {
    const result = await receiveGatewayNotification(body, request.headers);
    if (result === "rejected") return Response.json({ error: "invalid_signature" }, { status: 401 });
    // Genuine but about nothing of ours (another environment on the same bank account, an attempt
    // of a dropped database): acknowledged, so the bank stops retrying; nothing changes.
    if (result === "unknown_payment") log("payments").warn("bank notification about an unknown attempt, acknowledged");
    return Response.json({ result });
  } catch (error) {
    log("payments").error({ err: error }, "bank notification failed");
    return Response.json({ error: "temporarily_unavailable" }, { status: 503 });
  }
}
