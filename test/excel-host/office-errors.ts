/**
 * Errors shaped like OfficeExtension.Error: an Error with `code`, `debugInfo` and `traceMessages`.
 * The messages are the en-US texts Excel returns, so code that shows `error.message` to a person
 * sees what it would see in Excel.
 */

export type OfficeErrorCode =
  | "AccessDenied"
  | "ApiNotFound"
  | "CannotRegisterEvent"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidObjectPath"
  | "InvalidOperation"
  | "InvalidOperationInCellEditMode"
  | "InvalidReference"
  | "InvalidRequestContext"
  | "InvalidSelection"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "PropertyNotLoaded"
  | "RangeExceedsLimit"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "RunMustReturnPromise"
  | "ValueNotLoaded"
  | "FormulaLengthExceedsLimit";

export interface DebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

const PAYLOAD_DOC = '"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins"';

export const OFFICE_MESSAGES: Record<OfficeErrorCode, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound: "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  CannotRegisterEvent: "The current event handler could not be registered.",
  GeneralException: "An internal error has occurred.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidObjectPath:
    'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  InvalidOperation: "The operation is invalid for the object.",
  InvalidOperationInCellEditMode:
    "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  InvalidReference: "This reference isn't valid for the current operation.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  InvalidSelection: "The current selection is invalid for this operation.",
  ItemAlreadyExists: "A resource with the same name or identifier already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  PropertyNotLoaded:
    'The property is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
  RequestPayloadSizeLimitExceeded: `The request payload size has exceeded the limit. Please refer to the documentation: ${PAYLOAD_DOC}.`,
  ResponsePayloadSizeLimitExceeded: `The response payload size has exceeded the limit. Please refer to the documentation: ${PAYLOAD_DOC}.`,
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  FormulaLengthExceedsLimit: "The bytecode of the applied formula exceeds the maximum length limit.",
};

/** What OfficeExtension.Error looks like to a caller; `instanceof OfficeError` also works. */
export class OfficeError extends Error {
  readonly code: string;
  readonly debugInfo: DebugInfo;
  traceMessages: string[] = [];
  innerError: OfficeError | null = null;

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    // Office.js names its errors "RichApi.Error"; String(error) then reads "RichApi.Error: <message>".
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export function officeError(code: OfficeErrorCode, errorLocation?: string, detail?: string): OfficeError {
  return new OfficeError(code, detail ?? OFFICE_MESSAGES[code], errorLocation);
}

export function propertyNotLoaded(className: string, property: string): OfficeError {
  return new OfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${className}.${property}`,
  );
}

export function apiNotFound(member: string, apiSet: string, version: string): OfficeError {
  return new OfficeError(
    "ApiNotFound",
    `The method or property ${member} is part of the ${apiSet} ${version} requirement set, which is not available in your version of Excel.`,
    member,
  );
}

export function isOfficeError(error: unknown): error is OfficeError {
  return error instanceof OfficeError;
}
