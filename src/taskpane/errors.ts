/**
 * Errors in plain words. Whatever is thrown (an Office.js error with a code, the engine's
 * one-line Error, an AbortError, a programming slip), the pane shows a sentence a user can act
 * on, never a raw exception, a stack trace or "undefined is not a function".
 */
import { Lang, strings } from "./i18n";

export interface PaneMessage {
  readonly kind: "error" | "cancelled";
  /** The sentence in the pane's language. */
  readonly text: string;
  /** A sentence from the engine or host, shown as given (English), when it helps. */
  readonly detail?: string;
}

export function isAbort(err: unknown, cancelled = false): boolean {
  if (cancelled) return true;
  const name = (err as { name?: unknown } | null)?.name;
  const code = (err as { code?: unknown } | null)?.code;
  return name === "AbortError" || code === "AbortError" || code === 20;
}

/** Messages that are a JavaScript slip rather than a sentence meant for a user. */
const INTERNAL = /\b(undefined|null|NaN)\b.*\b(is not|of|reading|properties)\b|is not a (function|constructor)|Cannot (read|set) propert|Maximum call stack|\bat \S+ \(|:\d+:\d+\)?$|^\s*at\s|Unexpected token|is not defined|is not iterable|Invalid array length|out of memory/i;

/** Whether an Error's message is a sentence written for users (the engine's and host's are). */
function isPlainSentence(message: string): boolean {
  const m = message.trim();
  return m.length > 0 && m.length <= 600 && !m.includes("\n") && !INTERNAL.test(m);
}

/** Office.js errors (OfficeExtension.Error) carry a string code such as "InvalidArgument". */
function officeCode(err: unknown): string | undefined {
  if (!err || typeof err !== "object") return undefined;
  const e = err as { code?: unknown; name?: unknown; debugInfo?: unknown };
  const looksOffice = e.name === "RichApi.Error" || e.name === "OfficeExtension.Error" || e.debugInfo !== undefined;
  return looksOffice && typeof e.code === "string" && /^[A-Za-z]+$/.test(e.code) ? e.code : undefined;
}

export function describeError(err: unknown, lang: Lang, cancelled = false, during: "read" | "build" | "choice" = "build"): PaneMessage {
  const s = strings(lang);
  if (isAbort(err, cancelled)) return { kind: "cancelled", text: during === "read" ? s.cancelledRead : s.cancelled };
  const code = officeCode(err);
  if (code) return { kind: "error", text: `${s.officeErrors[code] ?? s.officeErrorOther(code)} ${s.errorUntouched}` };
  if (err instanceof Error && !isProgrammingError(err) && isPlainSentence(err.message)) {
    let sentence = capitalise(err.message.trim());
    if (!/[.!?]$/.test(sentence)) sentence += ".";
    const after = during === "choice" ? "" : ` ${s.errorUntouched}`;
    if (lang === "en") return { kind: "error", text: `${sentence}${after}` };
    const lead = during === "choice" ? s.shapeRefused : s.errorUntouched;
    return { kind: "error", text: `${lead} ${s.errorFromEngine}`, detail: sentence };
  }
  return { kind: "error", text: `${s.unexpected} ${s.errorUntouched}` };
}

/** TypeError and its kin are slips in code: their messages mean nothing to a user. */
function isProgrammingError(err: Error): boolean {
  return err instanceof TypeError || err instanceof ReferenceError || err instanceof SyntaxError || err instanceof RangeError || err instanceof EvalError || err instanceof URIError;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
