/**
 * In-process wake-up: a job enqueued by this process (a server action, a job handler) wakes the
 * worker running in the same process instead of waiting for its next poll, so a receipt or an
 * e-mail leaves in a fraction of a second while idle polling can stay slow and cheap. Workers in
 * other processes still find the job by polling. The enqueueing transaction may commit a moment
 * later than the wake-up, so the worker looks twice, shortly after and a little later.
 */
type Listener = () => void;
const holder = ((globalThis as { __areaJobWake?: Set<Listener> }).__areaJobWake ??= new Set());

export function onJobEnqueued(listener: Listener): () => void {
  holder.add(listener);
  return () => holder.delete(listener);
}

export function jobEnqueued() {
  for (const listener of holder) listener();
}
