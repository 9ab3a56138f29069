/**
 * `npm run web`: the checker page without Excel on http://localhost:3000/checker.html (or PORT), from the production
 * build in dist/ (built first when missing or older than its sources). Files opened in it stay in the browser.
 */
import { build, buildIsFresh, DIST_DIR, serveCommand } from "../test/demo/serve";

serveCommand({
  command: "web",
  dir: DIST_DIR,
  prepare: () => {
    if (buildIsFresh(DIST_DIR)) return;
    console.log("Building the production bundle (webpack --mode production)…");
    build({ demo: false });
  },
  banner: (port) => `Checker page: http://localhost:${port}/checker.html  (works offline once opened — Ctrl+C to stop)`,
});
