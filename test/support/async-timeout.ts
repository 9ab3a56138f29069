/**
 * Testing Library's waitFor/findBy give up after 1 s by default: on a busy CI machine a pane that imports a directory
 * or reads a workbook takes longer. Waiting on real work gets 5 minutes project-wide (a test passes as soon as it holds).
 */
if (typeof document !== "undefined") {
  const { configure } = require("@testing-library/react") as typeof import("@testing-library/react");
  configure({ asyncUtilTimeout: 300_000 });
}
