/**
 * A stand-in for the `CustomFunctions` global that Excel's custom-functions runtime provides:
 * the Error class with its codes, and `associate`, which records what a bundle registers.
 * Error codes and the message rule are those of CustomFunctionsRuntime 1.3.
 */

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

const MESSAGE_CODES = new Set<string>([ErrorCode.invalidValue, ErrorCode.notAvailable]);

export class CustomFunctionsError {
  readonly code: string;
  readonly message?: string;
  constructor(code: string, message?: string) {
    if (!Object.values(ErrorCode).includes(code as never)) throw new TypeError(`unknown error code ${code}`);
    // Excel shows no message beside #NUM! or #DIV/0!: a function that passes one is misusing the API.
    if (message !== undefined && !MESSAGE_CODES.has(code)) throw new TypeError(`${code} takes no message`);
    this.code = code;
    this.message = message;
  }
}

export interface CustomFunctionsStandIn {
  Error: typeof CustomFunctionsError;
  ErrorCode: typeof ErrorCode;
  associate(id: string | Record<string, Function>, fn?: Function): void;
  registered: Map<string, Function>;
}

export function makeCustomFunctions(): CustomFunctionsStandIn {
  const registered = new Map<string, Function>();
  return {
    Error: CustomFunctionsError,
    ErrorCode,
    registered,
    associate(id, fn) {
      if (typeof id === "string") {
        if (registered.has(id)) throw new Error(`${id} associated twice`);
        registered.set(id, fn as Function);
      } else for (const [k, f] of Object.entries(id)) registered.set(k, f);
    },
  };
}

/** Installs a fresh stand-in as the global `CustomFunctions`. */
export function installCustomFunctions(): CustomFunctionsStandIn {
  const cf = makeCustomFunctions();
  (globalThis as unknown as { CustomFunctions: CustomFunctionsStandIn }).CustomFunctions = cf;
  return cf;
}

/** Is `v` an Excel error with this code (e.g. "#VALUE!")? */
export function isExcelError(v: unknown, code?: string): v is CustomFunctionsError {
  return v instanceof CustomFunctionsError && (code === undefined || v.code === code);
}
