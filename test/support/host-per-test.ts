/**
 * An in-memory Excel host installed as Office's globals for one test, and taken away after it: the setup every
 * test of src/excel repeats.
 */
import { createHost, ExcelHost, HostOptions, installOfficeGlobals } from "../excel-host";

/** Call at the top of a test file; the function it returns makes the test's host. */
export function hostPerTest(): (options?: HostOptions) => ExcelHost {
  let uninstall: (() => void) | null = null;
  afterEach(() => {
    uninstall?.();
    uninstall = null;
  });
  // A second host in the same test replaces the first.
  return (options) => {
    uninstall?.();
    const host = createHost(options);
    uninstall = installOfficeGlobals(host);
    return host;
  };
}
