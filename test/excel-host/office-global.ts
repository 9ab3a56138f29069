/**
 * The globals an add-in finds in Excel: `Office` (onReady, context.requirements, displayLanguage,
 * document.settings), `Excel` (run, RequestContext, enums) and `OfficeExtension` (Error), all bound
 * to one ExcelHost. `installOfficeGlobals(host)` puts them on globalThis for jest and the demo page.
 */

import * as Enums from "./excel-enums";
import { RequestContext, runBatch } from "./excel-api";
import { ExcelHost } from "./host";
import { OfficeError } from "./office-errors";
import { ClientResult } from "./request-context";

export const HostType = {
  Excel: "Excel",
  Word: "Word",
  PowerPoint: "PowerPoint",
  Outlook: "Outlook",
  OneNote: "OneNote",
  Project: "Project",
  Access: "Access",
} as const;

export const PlatformType = {
  PC: "PC",
  OfficeOnline: "OfficeOnline",
  Mac: "Mac",
  iOS: "iOS",
  Android: "Android",
  Universal: "Universal",
} as const;

export function officePlatform(host: ExcelHost): string {
  return host.platform === "web" ? PlatformType.OfficeOnline : host.platform === "mac" ? PlatformType.Mac : PlatformType.PC;
}

interface AsyncResult<T> {
  status: "succeeded" | "failed";
  value: T;
  error?: { code: number; name: string; message: string };
  asyncContext?: unknown;
}

type AsyncCallback<T> = (result: AsyncResult<T>) => void;

/** Office.context.document.settings: a local copy, written to the workbook by saveAsync. */
class DocumentSettings {
  private local: Map<string, string>;

  constructor(private readonly host: ExcelHost) {
    this.local = new Map(host.workbook.settings);
  }

  get(name: string): unknown {
    const text = this.local.get(name);
    return text === undefined ? null : JSON.parse(text);
  }

  set(name: string, value: unknown): void {
    this.local.set(name, JSON.stringify(value));
  }

  remove(name: string): void {
    this.local.delete(name);
  }

  saveAsync(optionsOrCallback?: unknown, callback?: AsyncCallback<void>): void {
    const cb = typeof optionsOrCallback === "function" ? (optionsOrCallback as AsyncCallback<void>) : callback;
    const settings = this.host.workbook.settings;
    settings.clear();
    for (const [k, v] of this.local) settings.set(k, v);
    if (cb) setTimeout(() => cb({ status: "succeeded", value: undefined }), 0);
  }

  refreshAsync(callback?: AsyncCallback<DocumentSettings>): void {
    this.local = new Map(this.host.workbook.settings);
    if (callback) setTimeout(() => callback({ status: "succeeded", value: this }), 0);
  }
}

function supports(host: ExcelHost, name: string, minVersion?: string | number): boolean {
  if (minVersion === undefined || minVersion === null || minVersion === "") {
    return Object.keys(host.requirementSets).some((k) => k.toLowerCase() === name.toLowerCase());
  }
  const v = typeof minVersion === "number" ? minVersion.toFixed(1) : String(minVersion);
  return host.isApiSupported(name, v);
}

export function createOfficeNamespace(host: ExcelHost) {
  const documentSettings = new DocumentSettings(host);
  const context = {
    get host() {
      return HostType.Excel;
    },
    get platform() {
      return officePlatform(host);
    },
    get displayLanguage() {
      return host.displayLanguage;
    },
    get contentLanguage() {
      return host.displayLanguage;
    },
    diagnostics: {
      get host() {
        return HostType.Excel;
      },
      get platform() {
        return officePlatform(host);
      },
      version: "16.0.0.0",
    },
    requirements: {
      isSetSupported: (name: string, minVersion?: string | number) => supports(host, name, minVersion),
    },
    document: {
      settings: documentSettings,
      url: host.workbook.name,
    },
  };
  const office = {
    HostType,
    PlatformType,
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context,
    initialize: undefined as undefined | ((reason: string) => void),
    onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> {
      const info = { host: HostType.Excel as string, platform: officePlatform(host) };
      return Promise.resolve().then(() => {
        if (callback) callback(info);
        return info;
      });
    },
  };
  return office;
}

export function createExcelNamespace(host: ExcelHost) {
  class BoundRequestContext extends RequestContext {
    constructor() {
      super(host);
    }
  }
  /** Excel.run(batch), Excel.run(object, batch) or Excel.run(options, batch). */
  function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1];
    if (typeof batch !== "function") return Promise.reject(new OfficeError("InvalidArgument", "Excel.run needs a batch function"));
    // Excel.run(object, batch) runs on the object's request context again (e.g. to remove an event handler).
    const first = args.length > 1 ? args[0] : undefined;
    const existing =
      first instanceof RequestContext
        ? first
        : (first as { context?: unknown })?.context instanceof RequestContext
          ? (first as { context: RequestContext }).context
          : undefined;
    return runBatch(host, batch as (context: RequestContext) => Promise<T>, existing);
  }
  return {
    ...Enums,
    run,
    RequestContext: BoundRequestContext,
  };
}

export function createOfficeExtensionNamespace() {
  return {
    Error: OfficeError,
    ClientResult,
    ErrorCodes: {
      accessDenied: "AccessDenied",
      generalException: "GeneralException",
      activityLimitReached: "ActivityLimitReached",
      invalidObjectPath: "InvalidObjectPath",
      propertyNotLoaded: "PropertyNotLoaded",
      valueNotLoaded: "ValueNotLoaded",
      invalidRequestContext: "InvalidRequestContext",
      invalidArgument: "InvalidArgument",
      runMustReturnPromise: "RunMustReturnPromise",
      cannotRegisterEvent: "CannotRegisterEvent",
      apiNotFound: "ApiNotFound",
      connectionFailure: "ConnectionFailure",
    },
    config: { extendedErrorLogging: false },
  };
}

/**
 * Puts Office, Excel and OfficeExtension on `target` (globalThis by default), bound to `host`.
 * Returns a function that puts back what was there before.
 */
export function installOfficeGlobals(host: ExcelHost, target: object = globalThis): () => void {
  const t = target as Record<string, unknown>;
  const previous = { Office: t.Office, Excel: t.Excel, OfficeExtension: t.OfficeExtension };
  t.Office = createOfficeNamespace(host);
  t.Excel = createExcelNamespace(host);
  t.OfficeExtension = createOfficeExtensionNamespace();
  return () => {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete t[k];
      else t[k] = v;
    }
  };
}
