/*
 * Entry of the checker page (checker.html): the pane's views without Excel, for officers on WPS Office or LibreOffice.
 * The service worker is registered first so the page keeps working offline once it has been opened.
 */
import { createRoot } from "react-dom/client";
import { CheckerPage } from "./checker-page";

/** Resolves once a service worker keeps the page for offline use; false where the browser has none (or refuses). */
function keepForOffline(): Promise<boolean> {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return Promise.resolve(false);
  return navigator.serviceWorker
    .register("sw.js")
    .then(() => navigator.serviceWorker.ready)
    .then(() => true)
    .catch(() => false);
}

const container = document.getElementById("container");
if (container) createRoot(container).render(<CheckerPage offline={keepForOffline()} />);
