/**
 * Cancellation, one signal for the engine, the hosts and the task pane: an operation whose
 * AbortSignal is aborted throws `cancelled(…)`, and whoever catches it asks `isCancelled`. It is
 * an Error named "AbortError", the name the web platform gives an aborted operation
 * (AbortSignal.throwIfAborted, fetch), so that those are recognised as cancellations too.
 */

/** The error a cancelled operation throws; `message` says what became of its work, when that matters. */
export function cancelled(message = "Cancelled"): Error {
  const e = new Error(message);
  e.name = "AbortError";
  return e;
}

/** Throws `cancelled(message)` once `signal` is aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined, message?: string): void {
  if (signal?.aborted) throw cancelled(message);
}

/** Whether `e` is a cancellation: ours, or the platform's (a DOMException "AbortError", legacy code 20). */
export function isCancelled(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  const code = (e as { code?: unknown } | null)?.code;
  return name === "AbortError" || code === "AbortError" || code === 20;
}
