/**
 * Errors in plain words. Whatever is thrown (an Office.js error with a code, the engine's
 * one-line Error, a cancellation, a programming slip), the pane shows a sentence a user can act
 * on, never a raw exception, a stack trace or "undefined is not a function".
 */
import { codeOf } from "../hosts/office-errors";
import { isCancelled } from "../report/cancel";
import { UnknownPeriodError } from "../report/input-periods";
import { isRefusal } from "../report/refusal";
import { Lang, strings } from "./i18n";
import { refusalText } from "../messages/refusals";
import { regionDataText } from "../messages/region-data";
import { RegionDataError } from "../report/region-data";

export interface PaneMessage {
  readonly kind: "error" | "cancelled";
  /** The sentence in the pane's language. */
  readonly text: string;
  /** A sentence from the engine or host, shown as given (English), when it helps. */
  readonly detail?: string;
}

/** Messages that are a JavaScript slip rather than a sentence meant for a user. */
const INTERNAL = /\b(undefined|null|NaN)\b.*\b(is not|of|reading|properties)\b|is not a (function|constructor)|Cannot (read|set) propert|Maximum call stack|\bat \S+ \(|:\d+:\d+\)?$|^\s*at\s|Unexpected token|is not defined|is not iterable|Invalid array length|out of memory/i;

/** Whether an Error's message is a sentence written for users (the engine's and host's are). */
function isPlainSentence(message: string): boolean {
  const m = message.trim();
  return m.length > 0 && m.length <= 600 && !m.includes("\n") && !INTERNAL.test(m);
}


/** A raw Office.js error (OfficeExtension.Error), whose message is Excel's, not ours. */
function isRawOfficeError(err: unknown): boolean {
  const e = err as { name?: unknown; debugInfo?: unknown } | null;
  return !!e && (e.name === "RichApi.Error" || e.name === "OfficeExtension.Error" || e.debugInfo !== undefined);
}

/** The error's message if it is a sentence written for users (the engine's and the host's are). */
function plainMessage(err: unknown): string | undefined {
  if (!(err instanceof Error) || isProgrammingError(err) || !isPlainSentence(err.message)) return undefined;
  const sentence = capitalise(err.message.trim());
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

export function describeError(err: unknown, lang: Lang, cancelled = false, during: "read" | "build" | "choice" = "build"): PaneMessage {
  const s = strings(lang);
  const message = plainMessage(err);
  if (cancelled || isCancelled(err)) {
    // The host says whether the sheets it began could be removed; that must not be glossed over.
    const leftovers = message !== undefined && /could not be removed/i.test(message);
    if (during === "read") return { kind: "cancelled", text: s.cancelledRead };
    if (!leftovers) return { kind: "cancelled", text: s.cancelled };
    return lang === "en" ? { kind: "cancelled", text: message! } : { kind: "cancelled", text: s.cancelledLeftovers, detail: message };
  }
  // Worded in the pane's language from what it holds: the period asked for and those found.
  if (err instanceof UnknownPeriodError) return { kind: "error", text: `${s.unknownPeriod(err.asked, err.periods.join(", "))} ${s.errorUntouched}` };
  const code = codeOf(err);
  if (code && (isRawOfficeError(err) || message === undefined)) return { kind: "error", text: `${s.officeErrors[code] ?? s.officeErrorOther(code)} ${s.errorUntouched}` };
  if (message !== undefined) {
    const after = during === "choice" ? "" : ` ${s.errorUntouched}`;
    if (lang === "en") return { kind: "error", text: `${message}${after}` };
    // A refusal of the engine is data: said in the pane's language (src/messages/refusals.ts).
    if (isRefusal(err)) return { kind: "error", text: `${refusalText(err, lang)}${after}` };
    if (err instanceof RegionDataError) return { kind: "error", text: `${capitalise(regionDataText(err, lang))}${after}` };
    const lead = during === "choice" ? s.shapeRefused : ((code && s.officeErrors[code]) ?? s.errorUntouched);
    return { kind: "error", text: `${lead} ${s.errorFromEngine}`, detail: message };
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
