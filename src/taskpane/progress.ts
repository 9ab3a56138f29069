/**
 * Long work in the pane goes step by step: each step is shown, the browser gets a turn to paint it, and the
 * user's Cancel is honoured between steps (never halfway through a write to the workbook).
 */

export type StepKey =
  | "reading"
  | "checking"
  | "summaries"
  | "writing"
  | "highlighting"
  | "clearing"
  | "selecting"
  /** Reading the reply files picked for a consolidation (in the pane, not from Excel). */
  | "files"
  | "converting"
  | "restoring"
  | "fixing";

export interface Progress {
  readonly signal: AbortSignal;
  /** Shows the step, lets the browser paint it, then stops the work here if the user has cancelled. */
  step(key: StepKey, index: number, of: number, options?: { cancellable?: boolean }): Promise<void>;
  /** Excel refused because a cell is being edited; the run retries. */
  retrying(attempt: number): void;
}

/** Thrown between steps once the user has cancelled; nothing after the last step ran. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

export function isCancelled(error: unknown): error is Cancelled {
  return error instanceof Cancelled;
}

/**
 * Resolves after the browser has had a chance to paint (a frame, then a macrotask). A hidden pane gets no
 * animation frames, so a plain timer stands in after 50 ms.
 */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(finish, 0));
    setTimeout(finish, 50);
  });
}
