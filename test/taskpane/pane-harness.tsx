/**
 * Runs the real task pane (startPane, as taskpane.html does) against the in-memory Excel host in jsdom.
 */
import "./jsdom-globals";
import { act, screen, waitFor } from "@testing-library/react";
import type { Root } from "react-dom/client";
import { startPane } from "../../src/taskpane/start";
import { installOfficeGlobals } from "../excel-host";
import type { ExcelHost } from "../excel-host";

export { hostFromXlsx } from "./host-workbooks";

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
  await waitFor(() => expect(screen.getByTestId("check-button")).toBeEnabled());
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
