/**
 * What every pane command runs with: the state as it is when async work resumes, one runner for a piece of work
 * (progress, cancel and failure handling), and the notices and failures it reports to the reducer (session.ts).
 */
import type { Dispatch, MutableRefObject } from "react";
import { failureText } from "./failure-text";
import type { FailureContext } from "./failure-text";
import { Cancelled, isCancelled, nextPaint } from "./progress";
import type { Progress } from "./progress";
import type { CheckSession, Notice, PaneAction, PaneState, PaneTab } from "./session";
import { strings } from "./strings";
import type { Strings } from "./strings";
import type { GridCheckOptions } from "./workbook-actions";

export interface CommandRunner {
  dispatch: Dispatch<PaneAction>;
  /** The state as it is when the work resumes, not as it was when the command started. */
  state(): PaneState;
  /** The checked session, or null when nothing is checked. */
  checked(): Extract<CheckSession, { phase: "checked" }> | null;
  /** The options of a check, read from the state as it is now. */
  checkOptions(): GridCheckOptions;
  tabNow(): PaneTab;
  /** Runs one piece of work with progress, cancel and failure handling; undefined when it did not finish. */
  work<T>(task: (progress: Progress) => Promise<T>, context: FailureContext, cancelled: (s: Strings) => string): Promise<T | undefined>;
  fail(error: unknown, context?: FailureContext): void;
  say(intent: Notice["intent"], text: Notice["text"]): void;
  /** Saving settings or check inputs to the workbook failed: the pane keeps them, the workbook does not. */
  failSettings(error: unknown): void;
}

export function commandRunner(
  dispatch: Dispatch<PaneAction>,
  stateRef: { readonly current: PaneState },
  controller: MutableRefObject<AbortController | null>,
  checkOptions: () => GridCheckOptions,
): CommandRunner {
  const tabNow = () => stateRef.current.tab;
  const fail = (error: unknown, context: FailureContext = {}) =>
    dispatch({ type: "failed", failure: { text: (l) => failureText(error, l, context), tab: tabNow() } });
  const say = (intent: Notice["intent"], text: Notice["text"]) => dispatch({ type: "notice", notice: { intent, text, tab: tabNow() } });

  async function work<T>(task: (progress: Progress) => Promise<T>, context: FailureContext, cancelled: (s: Strings) => string) {
    const abort = new AbortController();
    controller.current = abort;
    dispatch({ type: "work-started" });
    const progress: Progress = {
      signal: abort.signal,
      step: async (step, index, of, options) => {
        if (abort.signal.aborted) throw new Cancelled();
        dispatch({ type: "step", busy: { step, index, of, cancellable: options?.cancellable ?? true } });
        await nextPaint();
        if (abort.signal.aborted) throw new Cancelled();
      },
      retrying: (attempt) => dispatch({ type: "retrying", attempt }),
    };
    try {
      return await task(progress);
    } catch (error) {
      if (isCancelled(error)) say("info", cancelled);
      else fail(error, context);
      return undefined;
    } finally {
      controller.current = null;
      dispatch({ type: "work-ended" });
    }
  }

  return {
    dispatch,
    state: () => stateRef.current,
    checked: () => {
      const s = stateRef.current.session;
      return s.phase === "checked" ? s : null;
    },
    checkOptions,
    tabNow,
    work,
    fail,
    say,
    failSettings: (error) =>
      dispatch({ type: "failed", failure: { text: (l) => strings(l).failSettings(failureText(error, l)), tab: tabNow() } }),
  };
}
