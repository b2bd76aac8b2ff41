/**
 * One cancellation signal: what an aborted operation throws is recognised as a cancellation,
 * and so is the platform's own abort; nothing else is.
 */
import { cancelled, isCancelled, throwIfCancelled } from "../../src/report/cancel";

test("a cancellation is an Error named AbortError, with the message that says what became of the work", () => {
  const e = cancelled("The report was cancelled. Nothing was written.");
  expect(e).toBeInstanceOf(Error);
  expect(e).toMatchObject({ name: "AbortError", message: "The report was cancelled. Nothing was written." });
  expect(isCancelled(e)).toBe(true);
  expect(isCancelled(cancelled())).toBe(true);
});

test("the platform's aborts are cancellations too: AbortSignal.throwIfAborted and a DOMException AbortError", () => {
  const abort = new AbortController();
  abort.abort();
  let thrown: unknown;
  try {
    abort.signal.throwIfAborted();
  } catch (e) {
    thrown = e;
  }
  expect(isCancelled(thrown)).toBe(true);
  expect(isCancelled(new DOMException("The operation was aborted.", "AbortError"))).toBe(true);
});

test("other failures are not cancellations", () => {
  for (const e of [new Error("Cancelled"), new TypeError("x is undefined"), new DOMException("quota", "QuotaExceededError"), { code: "GeneralException" }, "AbortError", null, undefined]) {
    expect(isCancelled(e)).toBe(false);
  }
});

test("throwIfCancelled throws only once the signal is aborted", () => {
  const abort = new AbortController();
  expect(() => throwIfCancelled(abort.signal, "stopped")).not.toThrow();
  expect(() => throwIfCancelled(undefined)).not.toThrow();
  abort.abort();
  expect(() => throwIfCancelled(abort.signal, "stopped")).toThrow(expect.objectContaining({ name: "AbortError", message: "stopped" }));
});
