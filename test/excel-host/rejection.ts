/**
 * The OfficeError a promise was rejected with, for tests of what the stand-in refuses; any other rejection (or none)
 * fails the test.
 */
import { OfficeError } from "./office-errors";

export async function rejection(promise: Promise<unknown>): Promise<OfficeError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof OfficeError) return e;
    throw e;
  }
  throw new Error("expected the promise to be rejected");
}
