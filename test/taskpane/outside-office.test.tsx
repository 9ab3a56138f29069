/** @jest-environment jsdom */
/**
 * Opened outside Office — a plain browser where office.js reports no host, or where office.js never loaded — the
 * pane says plainly, in both languages, that it needs Excel and how to sideload it, instead of a blank page.
 */
import "./jsdom-globals";
import "@testing-library/jest-dom";
import { screen } from "@testing-library/react";
import { mountBare } from "./pane-harness";

const g = globalThis as { Office?: unknown };
let pane: { unmount(): void } | undefined;

afterEach(() => {
  pane?.unmount();
  pane = undefined;
  delete g.Office;
  jest.restoreAllMocks();
});

const noHost = () => ({ onReady: () => Promise.resolve({ host: null, platform: null }), context: {} });

it("explains how to sideload, in Vietnamese and English, when Office.onReady reports no host", async () => {
  g.Office = noHost();
  pane = await mountBare();
  expect(screen.getByTestId("outside-office-vi")).toHaveTextContent("Trang này cần chạy bên trong Excel");
  expect(screen.getByTestId("outside-office-vi")).toHaveTextContent("Tải lên phần bổ trợ của tôi, chọn tệp manifest.xml");
  expect(screen.getByTestId("outside-office-en")).toHaveTextContent("This page runs inside Excel");
  expect(screen.getByTestId("outside-office-en")).toHaveTextContent("Upload My Add-in");
  expect(screen.queryByTestId("check-button")).toBeNull();
});

it("puts the browser's language first", async () => {
  jest.spyOn(window.navigator, "language", "get").mockReturnValue("vi-VN");
  g.Office = noHost();
  pane = await mountBare();
  const [first] = screen.getByTestId("outside-office").querySelectorAll("section");
  expect(first.getAttribute("lang")).toBe("vi");
});

it("says in Vietnamese that the Office library could not load, and what to check, when office.js is not on the page", async () => {
  delete g.Office;
  pane = await mountBare();
  const vi = screen.getByTestId("office-missing-vi");
  expect(vi).toHaveTextContent("Không tải được thư viện Office");
  expect(vi).toHaveTextContent("appsforoffice.microsoft.com");
  expect(vi).not.toHaveTextContent("npm");
  expect(screen.getByTestId("office-missing-en")).toHaveTextContent("The Office library could not load");
  // Vietnamese first, whatever the browser's language.
  expect(screen.getByTestId("office-missing").querySelector("section")?.getAttribute("lang")).toBe("vi");
  expect(screen.queryByTestId("outside-office")).toBeNull();
});

it("does not wait forever for an Office.onReady that never settles", async () => {
  g.Office = { onReady: () => new Promise(() => undefined), context: {} };
  pane = await mountBare();
  expect(screen.getByTestId("outside-office")).toBeInTheDocument();
});

it("says it needs Excel when opened in another Office application", async () => {
  g.Office = { onReady: () => Promise.resolve({ host: "Word", platform: "PC" }), context: { displayLanguage: "vi-VN" } };
  pane = await mountBare();
  expect(screen.getByTestId("outside-office-vi")).toHaveTextContent("Trang này cần chạy bên trong Excel");
});
