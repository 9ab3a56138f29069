/**
 * Running work against Excel: Excel.run with a retry while the user is typing in a cell, and Office errors turned
 * into failures the task pane can explain to a person.
 */

export type ExcelFailureKind = "cell-edit" | "protected" | "payload" | "unsupported" | "not-found" | "unknown";

/**
 * What went wrong, in terms the pane can act on; `code` is Excel's own error code when there is one, `sheet` the sheet
 * that refused (a protected sheet) and `feature` what this Excel lacks, when known.
 */
export class ExcelFailure extends Error {
  readonly kind: ExcelFailureKind;
  readonly code?: string;
  readonly sheet?: string;
  readonly feature?: string;

  constructor(kind: ExcelFailureKind, message: string, code?: string, about: { sheet?: string; feature?: string } = {}) {
    super(message);
    this.name = "ExcelFailure";
    this.kind = kind;
    if (code !== undefined) this.code = code;
    if (about.sheet !== undefined) this.sheet = about.sheet;
    if (about.feature !== undefined) this.feature = about.feature;
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** The failure for a sheet the user protected: nothing was written to it. */
export function protectedSheet(sheet: string): ExcelFailure {
  return new ExcelFailure("protected", `The sheet "${sheet}" is protected; nothing was changed.`, "AccessDenied", { sheet });
}

const KIND_BY_CODE: Record<string, ExcelFailureKind> = {
  InvalidOperationInCellEditMode: "cell-edit",
  AccessDenied: "protected",
  RequestPayloadSizeLimitExceeded: "payload",
  ResponsePayloadSizeLimitExceeded: "payload",
  ApiNotFound: "unsupported",
  ItemNotFound: "not-found",
};

/** Any error thrown by Office.js (or by this folder) as an ExcelFailure. */
export function toExcelFailure(error: unknown): ExcelFailure {
  if (error instanceof ExcelFailure) return error;
  const code = typeof (error as { code?: unknown })?.code === "string" ? (error as { code: string }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  let kind: ExcelFailureKind = (code && KIND_BY_CODE[code]) || "unknown";
  // Some builds report a write to a protected sheet as InvalidOperation with a message that says so.
  if (kind === "unknown" && /protected/i.test(message)) kind = "protected";
  return new ExcelFailure(kind, message, code);
}

/** True when Excel refused a request or its answer for being larger than it accepts (Excel on the web: 5 MB). */
export function isPayloadError(error: unknown): boolean {
  return toExcelFailure(error).kind === "payload";
}

export interface RunOptions {
  /** Attempts after the first while Excel is in cell-edit mode (default 2: three tries in all). */
  retries?: number;
  /** Wait before the first retry, in ms; each later retry waits longer (default 500). */
  delayMs?: number;
  onRetry?: (attempt: number) => void;
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Excel.run with a retry while the user is editing a cell (Excel refuses every request then), and errors mapped to
 * ExcelFailure. The batch runs again from the start on a retry, so batches read before they write.
 */
export async function runInExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>, options: RunOptions = {}): Promise<T> {
  const retries = options.retries ?? 2;
  const delayMs = options.delayMs ?? 500;
  for (let attempt = 0; ; attempt++) {
    try {
      return await Excel.run(batch);
    } catch (e) {
      const failure = toExcelFailure(e);
      if (failure.kind !== "cell-edit" || attempt >= retries) throw failure;
      options.onRetry?.(attempt + 1);
      await wait(delayMs * (attempt + 1));
    }
  }
}
