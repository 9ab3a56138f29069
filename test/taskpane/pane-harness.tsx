/**
 * Runs the real task pane (startPane, as taskpane.html does) against the in-memory Excel host in jsdom.
 */
import "./jsdom-globals";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import type { Root } from "react-dom/client";
import { startPane } from "../../src/taskpane/start";
import { installOfficeGlobals } from "../excel-host";
import type { ExcelHost } from "../excel-host";

import { hostFromXlsx } from "./host-workbooks";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";

export { hostFromXlsx };

export interface MountedPane {
  host: ExcelHost;
  container: HTMLElement;
  unmount(): void;
}

/** Installs `host` as Office/Excel and starts the pane; resolves once the pane is ready to check. */
export async function mountPane(host: ExcelHost): Promise<MountedPane> {
  const restore = installOfficeGlobals(host);
  const container = document.createElement("div");
  document.body.appendChild(container);
  let root: Root | undefined;
  await act(async () => {
    root = await startPane(container);
  });
  await waitFor(() => expect(actionable(screen.getByTestId("check-button"))).toBe(true));
  return {
    host,
    container,
    unmount: () => {
      act(() => root?.unmount());
      container.remove();
      restore();
    },
  };
}

/**
 * The panes a test file mounts, each unmounted after its test: call once at the top of the file. `seed` mounts the
 * seed appendix (in a host made with those options).
 */
export function panePerTest(): {
  mount(host: ExcelHost): Promise<MountedPane>;
  seed(options?: Parameters<typeof hostFromXlsx>[1]): Promise<MountedPane>;
} {
  let current: MountedPane | undefined;
  afterEach(() => {
    current?.unmount();
    current = undefined;
  });
  const mount = async (host: ExcelHost) => (current = await mountPane(host));
  return { mount, seed: async (options = {}) => mount(await hostFromXlsx(SEED_APPENDIX_XLSX, options)) };
}

/** Presses "Kiểm tra" and waits until the result is shown and the work has ended. */
export async function checkNow(): Promise<void> {
  fireEvent.click(screen.getByTestId("check-button"));
  await screen.findByTestId("result");
  await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull());
}

/** Starts the pane with whatever Office global is installed (or none); for the outside-Office states. */
export async function mountBare(): Promise<{ container: HTMLElement; unmount(): void }> {
  const container = document.createElement("div");
  document.body.appendChild(container);
  let root: Root | undefined;
  await act(async () => {
    root = await startPane(container, { readyTimeoutMs: 200 });
  });
  return {
    container,
    unmount: () => {
      act(() => root?.unmount());
      container.remove();
    },
  };
}

/**
 * A button that can be pressed: neither disabled nor aria-disabled (the pane keeps busy buttons focusable, so Enter
 * on them does not drop the focus to the page).
 */
export function actionable(button: HTMLElement): boolean {
  return !(button as HTMLButtonElement).disabled && button.getAttribute("aria-disabled") !== "true";
}

/** Picks the pane's language in Settings (its one language choice), then goes back to the tab that was open. */
export function switchLanguage(lang: "vi" | "en" | "office"): void {
  const back = document.querySelector('[role="tab"][aria-selected="true"]') as HTMLElement | null;
  fireEvent.click(screen.getByTestId("tab-settings"));
  const radio = screen.getByTestId("language-setting").querySelector(`input[value="${lang}"]`) as HTMLInputElement;
  fireEvent.click(radio);
  if (back && back.dataset.testid !== "tab-settings") fireEvent.click(screen.getByTestId(back.dataset.testid!));
}

/** Issues of one kind in the list: cards shown, plus those folded into a group line ("133 ô: …"). */
export function issuesOfKind(code: string): number {
  const cards = screen
    .queryAllByTestId("issue-item")
    .filter((el) => el.dataset.code === code && !el.closest('[data-testid="issue-group"]'));
  const groups = screen.queryAllByTestId("issue-group").filter((el) => el.dataset.code === code);
  return cards.length + groups.reduce((n, g) => n + Number(g.dataset.count), 0);
}
