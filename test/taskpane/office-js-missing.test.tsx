/** @jest-environment jsdom */
/**
 * When office.js itself did not load, the pane says from where the page meant to load it: Microsoft's CDN (the
 * normal build) or the add-in's own server (the build for isolated networks, OFFICE_JS=local) — Vietnamese first.
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
  document.head.innerHTML = "";
});

function pageAsBuilt(source: "cdn" | "local", src: string): void {
  document.head.innerHTML = `<meta name="office-js-source" content="${source}"><script src="${src}"></script>`;
}

it("names Microsoft's CDN when the normal build's office.js did not load", async () => {
  pageAsBuilt("cdn", "https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  pane = await mountBare();
  const vi = screen.getByTestId("office-js-missing-vi");
  expect(vi).toHaveTextContent("Không tải được office.js");
  expect(vi).toHaveTextContent("từ CDN của Microsoft (https://appsforoffice.microsoft.com/lib/1/hosted/office.js)");
  expect(screen.getByTestId("office-js-missing-en")).toHaveTextContent("from Microsoft's CDN");
  expect(screen.getByTestId("office-js-missing").firstElementChild).toBe(vi);
  expect(screen.queryByTestId("outside-office")).toBeNull();
});

it("names the add-in's own server when the isolated build's office.js did not load", async () => {
  pageAsBuilt("local", "office-js/office.js");
  pane = await mountBare();
  expect(screen.getByTestId("office-js-missing")).toHaveAttribute("data-source", "local");
  const vi = screen.getByTestId("office-js-missing-vi");
  expect(vi).toHaveTextContent("từ chính máy chủ của add-in");
  expect(vi).toHaveTextContent(new URL("office-js/office.js", document.baseURI).href);
  expect(screen.getByTestId("office-js-missing-en")).toHaveTextContent("from the add-in's own server");
});

it("keeps the outside-Office page when office.js loaded but there is no Office host", async () => {
  pageAsBuilt("cdn", "https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  g.Office = { onReady: () => Promise.resolve({ host: null, platform: null }), context: {} };
  pane = await mountBare();
  expect(screen.getByTestId("outside-office")).toBeInTheDocument();
  expect(screen.queryByTestId("office-js-missing")).toBeNull();
});
