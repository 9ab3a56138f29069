/**
 * The proxy machinery of Office.js: a request context with a queue of actions, proxies that
 * resolve to workbook entities only when a `sync()` runs, `load()` and the PropertyNotLoaded rule,
 * null objects, ClientResult. Excel-specific classes live in excel-api.ts.
 *
 * The rules modelled here are Office.js's: reading a property that was neither loaded-and-synced nor
 * set locally throws PropertyNotLoaded; a sync with nothing queued is not a round trip; actions run in
 * order and stop at the first failure (earlier writes stay applied, loads of the failed batch are not
 * delivered); the request is refused whole when Excel is in cell-edit mode or, on the web, when its
 * payload exceeds the limit. A request carries the object paths its actions work on (e.g. the address given
 * to getRanges), each once, as Office.js sends them; they count towards the payload like the actions.
 * Payloads are counted as Excel counts them: bytes of UTF-8 JSON, so Vietnamese text (two or three bytes a
 * letter) costs what it costs on the wire, not its length in characters.
 */

import { OfficeError, OfficeErrorCode, apiNotFound, officeError, propertyNotLoaded } from "./office-errors";
import { ModelError, WorkbookModel } from "./workbook-model";

/** What the request context needs from the host it talks to (implemented by ExcelHost). */
export interface HostRuntime {
  readonly workbook: WorkbookModel;
  readonly platform: string;
  readonly editing: boolean;
  readonly payloadLimitBytes: number;
  readonly latencyMs: number;
  readonly currentYear: number;
  isApiSupported(apiSet: string, version: string): boolean;
  /** Called once per round trip, before it is processed. */
  recordRoundTrip(requestBytes: number): void;
  /** Called with the size of each answer the web measured (refused ones too). */
  recordResponse(responseBytes: number): void;
  takeInjectedFailure(): OfficeError | null;
  /** Called after a round trip changed the selection or the active sheet. */
  selectionChanged(): void;
  /** Called after every round trip (failed ones too: their earlier writes stay applied), for onChanged. */
  roundTripDone(): void;
}

/** One sync's worth of execution state. */
export class Exec {
  readonly deliveries: Array<() => void> = [];
  responseBytes = 0;
  constructor(readonly host: HostRuntime) {}
  get workbook(): WorkbookModel {
    return this.host.workbook;
  }
  /** Counts the size of a loaded value towards the response payload (only needed on the web). */
  measure(value: unknown): void {
    if (this.host.platform === "web") this.responseBytes += jsonSize(value);
  }
}

/** Bytes of `text` in UTF-8 (a surrogate pair is one 4-byte character). */
export function utf8Bytes(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff)
      i++; // two UTF-16 units, four bytes
    else n += 2;
  }
  return n;
}

/** Bytes of `value` as UTF-8 JSON, the way a request or an answer travels. */
export function jsonSize(value: unknown): number {
  if (value === undefined) return 0;
  try {
    const text = JSON.stringify(value);
    return text === undefined ? 0 : utf8Bytes(text);
  } catch {
    return 0;
  }
}

interface Action {
  location: string;
  bytes: number;
  run(x: Exec): void;
}

const ROUND_TRIP_OVERHEAD = 200;
const LOAD_ACTION_BYTES = 60;
/** An object path without its arguments: the method or property name and the ids that link it to its parent. */
const PATH_BYTES = 40;

function toOfficeError(error: unknown, location: string): OfficeError {
  if (error instanceof OfficeError) return error;
  if (error instanceof ModelError) return officeError(error.code, location, undefined);
  const message = error instanceof Error ? error.message : String(error);
  return new OfficeError("GeneralException", message, location);
}

function later(ms: number): Promise<void> {
  if (ms > 0) return new Promise((resolve) => setTimeout(resolve, ms));
  return Promise.resolve();
}

export class ClientRequestContext {
  private queue: Action[] = [];
  /** Objects whose path is already part of the request being built. */
  private pathsSent = new Set<ClientObject>();
  /** Set when the Excel.run that created this context has finished. */
  _finished = false;
  readonly trackedObjects = {
    add: (_obj: unknown) => undefined,
    remove: (_obj: unknown) => undefined,
  };
  private traces: string[] = [];

  constructor(readonly _host: HostRuntime) {}

  /** Queues a load on `object` (same as `object.load(...)`). */
  load<T extends ClientObject>(object: T, spec?: LoadSpec): T {
    object.load(spec);
    return object;
  }

  trace(message: string): void {
    this.traces.push(message);
  }

  /** Queues an action; `on` is the object it works on, whose path (and its parents') joins the request once. */
  _enqueue(location: string, bytes: number, run: (x: Exec) => void, on?: ClientObject): void {
    let pathBytes = 0;
    for (let o: ClientObject | null = on ?? null; o && !this.pathsSent.has(o); o = o._parent) {
      this.pathsSent.add(o);
      pathBytes += o._ownPathBytes;
    }
    this.queue.push({ location, bytes: bytes + pathBytes, run });
  }

  /** Throws ApiNotFound (synchronously, as Office.js does) when the host lacks the requirement set. */
  _requireApi(member: string, version: string, apiSet = "ExcelApi"): void {
    if (!this._host.isApiSupported(apiSet, version)) throw apiNotFound(member, apiSet, version);
  }

  get _pendingActions(): number {
    return this.queue.length;
  }

  sync<T = void>(passThroughValue?: T): Promise<T> {
    const actions = this.queue;
    this.queue = [];
    this.pathsSent = new Set();
    const traces = this.traces;
    this.traces = [];
    if (actions.length === 0) return later(0).then(() => passThroughValue as T);
    return later(this._host.latencyMs).then(() => {
      try {
        this.execute(actions);
      } catch (e) {
        if (e instanceof OfficeError) e.traceMessages = traces;
        throw e;
      }
      return passThroughValue as T;
    });
  }

  private execute(actions: Action[]): void {
    const host = this._host;
    const requestBytes = actions.reduce((s, a) => s + a.bytes, ROUND_TRIP_OVERHEAD);
    host.recordRoundTrip(requestBytes);
    if (this._finished) throw officeError("InvalidObjectPath", actions[0].location);
    const injected = host.takeInjectedFailure();
    if (injected) throw injected;
    if (host.editing) throw officeError("InvalidOperationInCellEditMode", actions[0].location);
    if (host.platform === "web" && requestBytes > host.payloadLimitBytes) {
      throw officeError("RequestPayloadSizeLimitExceeded", actions[0].location);
    }
    const x = new Exec(host);
    const wb = host.workbook;
    const before = `${wb.activeSheetId}|${JSON.stringify(wb.selection)}`;
    try {
      for (const action of actions) {
        try {
          action.run(x);
        } catch (e) {
          throw toOfficeError(e, action.location);
        }
      }
    } finally {
      if (`${wb.activeSheetId}|${JSON.stringify(wb.selection)}` !== before) host.selectionChanged();
      host.roundTripDone();
    }
    if (host.platform === "web") host.recordResponse(x.responseBytes);
    if (host.platform === "web" && x.responseBytes > host.payloadLimitBytes) {
      throw officeError("ResponsePayloadSizeLimitExceeded", actions[actions.length - 1].location);
    }
    for (const deliver of x.deliveries) deliver();
  }
}

export type LoadSpec = string | string[] | { select?: string | string[]; expand?: string | string[] } | undefined | null;

function loadPaths(spec: LoadSpec): string[] {
  if (spec === undefined || spec === null) return [];
  if (typeof spec === "string")
    return spec
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s));
  return [...loadPaths(spec.select ?? []), ...loadPaths(spec.expand ?? [])];
}

/** Raised while resolving a proxy whose entity is gone or was never there. */
export function missing(code: OfficeErrorCode = "ItemNotFound", detail?: string): ModelError {
  return new ModelError(code, detail);
}

/**
 * A proxy. `resolver` finds its entity at sync time (null for a null object); once found, the
 * entity is kept, as Excel keeps a reference to the object for the rest of the session.
 */
export abstract class ClientObject {
  /** Loaded (or locally set) property values. */
  _fields: Record<string, unknown> = {};
  _isNull: boolean | undefined;
  /** The object this one was got from, and what its own step of the path adds to a request (see _child). */
  _parent: ClientObject | null = null;
  _ownPathBytes = 0;
  private _boundEntity: unknown;
  private _bound = false;

  constructor(
    readonly context: ClientRequestContext,
    private readonly _resolver: (x: Exec) => unknown,
  ) {}

  abstract get _className(): string;
  /** The scalar properties `load()` without arguments brings back. */
  abstract _scalarNames(): string[];
  /** Computes one scalar property from the entity at sync time. */
  abstract _read(name: string, entity: unknown, x: Exec): unknown;
  /** A navigation property (format, fill, worksheet…) by name, for load paths such as "format/fill/color". */
  _navigation(_name: string): ClientObject | undefined {
    return undefined;
  }
  /** Checked when the entity is reused in a later sync: an entity that disappeared is an error. */
  _stillValid(_entity: unknown, _x: Exec): boolean {
    return true;
  }

  /** Marks `child` as got from this object with `args`, so requests carry its path (arguments included). */
  _child<T extends ClientObject>(child: T, args: unknown[] = []): T {
    child._parent = this;
    child._ownPathBytes = PATH_BYTES + (args.length ? jsonSize(args) : 0);
    return child;
  }

  _bind(entity: unknown): void {
    this._boundEntity = entity;
    this._bound = true;
  }

  _resolve(x: Exec): unknown {
    if (this._bound) {
      if (this._boundEntity !== null && !this._stillValid(this._boundEntity, x))
        throw missing("ItemNotFound", `${this._className} no longer exists`);
      return this._boundEntity;
    }
    const entity = this._resolver(x);
    this._bind(entity);
    return entity;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._className, "isNullObject");
    return this._isNull;
  }

  /** Reads a property the way Office.js does: loaded, or set locally, or PropertyNotLoaded. */
  protected _get<T>(name: string): T {
    if (this._isNull === true) return undefined as T;
    if (Object.prototype.hasOwnProperty.call(this._fields, name)) return this._fields[name] as T;
    throw propertyNotLoaded(this._className, name);
  }

  /** Queues a property write; the value is also kept locally, as Office.js does. */
  protected _setProperty(name: string, value: unknown, apply: (entity: unknown, value: unknown, x: Exec) => void): void {
    this._fields[name] = value;
    const location = `${this._className}.${name}`;
    this.context._enqueue(
      location,
      jsonSize(value) + 40,
      (x) => {
        const entity = this._resolve(x);
        if (entity === null) return;
        // What crosses the wire is JSON: NaN and undefined arrive as null, Dates as strings.
        const wire = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
        apply(entity, wire, x);
      },
      this,
    );
  }

  /** Queues a method call with no result. */
  protected _invoke(method: string, args: unknown[], run: (entity: unknown, x: Exec) => void): void {
    this.context._enqueue(
      `${this._className}.${method}`,
      jsonSize(args) + 40,
      (x) => {
        const entity = this._resolve(x);
        if (entity === null) return;
        run(entity, x);
      },
      this,
    );
  }

  /** Queues a method call whose primitive result arrives in a ClientResult after sync. */
  protected _invokeResult<T>(method: string, args: unknown[], run: (entity: unknown, x: Exec) => T): ClientResult<T> {
    const result = new ClientResult<T>();
    this.context._enqueue(
      `${this._className}.${method}`,
      jsonSize(args) + 40,
      (x) => {
        const entity = this._resolve(x);
        const value = entity === null ? (null as T) : run(entity, x);
        x.measure(value);
        x.deliveries.push(() => result._deliver(value));
      },
      this,
    );
    return result;
  }

  /** Queues the instantiation an *OrNullObject method implies, so isNullObject is known after sync. */
  _instantiate(): this {
    this.context._enqueue(
      `${this._className}._instantiate`,
      LOAD_ACTION_BYTES,
      (x) => {
        const entity = this._resolve(x);
        x.deliveries.push(() => {
          this._isNull = entity === null;
        });
      },
      this,
    );
    return this;
  }

  /** Objects created by a method take the caller's context; mixing contexts is refused. */
  _sameContext(other: ClientObject): void {
    if (other.context !== this.context) throw officeError("InvalidRequestContext", `${this._className}`);
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    const scalars: string[] = [];
    const children = new Map<ClientObject, string[]>();
    for (const path of paths) {
      const [head, ...rest] = path.split("/");
      const nav = this._navigation(head);
      if (nav) {
        const list = children.get(nav) ?? [];
        if (rest.length > 0) list.push(rest.join("/"));
        children.set(nav, list);
      } else if (rest.length > 0) {
        scalars.push(path); // an unknown navigation: reported at sync
      } else scalars.push(head);
    }
    if (paths.length === 0 || scalars.length > 0) this._queueLoad(paths.length === 0 ? null : scalars);
    for (const [child, childPaths] of children) child.load(childPaths.length ? childPaths : undefined);
    return this;
  }

  /** Queues the loading of `names` (null: every scalar property). */
  _queueLoad(names: string[] | null): void {
    this.context._enqueue(
      `${this._className}.load`,
      LOAD_ACTION_BYTES,
      (x) => {
        const entity = this._resolve(x);
        const wanted = names ?? this._scalarNames();
        const values: Record<string, unknown> = {};
        if (entity !== null) {
          for (const name of wanted) {
            if (!this._scalarNames().includes(name)) {
              throw officeError("InvalidArgument", `${this._className}.load`, `Property '${name}' does not exist on the object.`);
            }
            values[name] = this._read(name, entity, x);
            x.measure(values[name]);
          }
        }
        x.deliveries.push(() => {
          this._isNull = entity === null;
          if (entity !== null) Object.assign(this._fields, values);
        });
      },
      this,
    );
  }

  /** `object.set({...})`: assigns properties, recursing into navigation properties. */
  set(properties: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(properties)) {
      const nav = this._navigation(key);
      if (nav && value !== null && typeof value === "object" && !Array.isArray(value)) {
        nav.set(value as Record<string, unknown>);
      } else {
        (this as unknown as Record<string, unknown>)[key] = value;
      }
    }
  }

  toJSON(): Record<string, unknown> {
    return { ...this._fields };
  }
}

/**
 * A collection proxy: `items` after `load("items/…")` (or `load("name")`, which Office.js reads as
 * item properties too).
 */
export abstract class ClientCollection<TItem extends ClientObject> extends ClientObject {
  /** The item entities at sync time. */
  abstract _itemEntities(entity: unknown, x: Exec): unknown[];
  /** A proxy bound to one item entity. */
  abstract _itemProxy(itemEntity: unknown): TItem;

  _scalarNames(): string[] {
    return [];
  }

  _read(name: string): unknown {
    throw officeError("InvalidArgument", `${this._className}.load`, `Property '${name}' does not exist on the object.`);
  }

  /** The collection's own scalar properties (TableRowCollection.count…), as opposed to its items'. */
  _ownScalars(): string[] {
    return [];
  }

  _readOwn(_name: string, _entity: unknown, _x: Exec): unknown {
    return undefined;
  }

  get items(): TItem[] {
    return this._get<TItem[]>("items");
  }

  override load(spec?: LoadSpec): this {
    const all = loadPaths(spec);
    const own = all.filter((p) => this._ownScalars().includes(p));
    const paths = all
      .filter((p) => !this._ownScalars().includes(p))
      .map((p) => (p === "items" ? "" : p.startsWith("items/") ? p.slice(6) : p));
    const itemPaths = paths.filter(Boolean);
    const loadsAll = all.length === 0 || paths.some((p) => p === "");
    const loadsItems = all.length === 0 || paths.length > 0;
    this.context._enqueue(
      `${this._className}.load`,
      LOAD_ACTION_BYTES,
      (x) => {
        const entity = this._resolve(x);
        const ownValues: Record<string, unknown> = {};
        if (entity !== null) for (const name of own) ownValues[name] = this._readOwn(name, entity, x);
        const itemEntities = entity === null || !loadsItems ? [] : this._itemEntities(entity, x);
        const proxies = itemEntities.map((e) => {
          const p = this._itemProxy(e);
          p._bind(e);
          p._isNull = false;
          return p;
        });
        const perItem: Array<Record<string, unknown>> = [];
        for (const p of proxies) {
          const names = new Set<string>(loadsAll ? p._scalarNames() : []);
          const nested: string[] = [];
          for (const path of itemPaths) {
            const [head, ...rest] = path.split("/");
            if (rest.length === 0 && p._scalarNames().includes(head)) names.add(head);
            else if (p._navigation(head)) nested.push(path);
            else {
              throw officeError("InvalidArgument", `${this._className}.load`, `Property '${path}' does not exist on the object.`);
            }
          }
          const values: Record<string, unknown> = {};
          for (const name of names) {
            values[name] = p._read(name, p._resolve(x), x);
            x.measure(values[name]);
          }
          perItem.push(values);
          for (const path of nested) loadNestedNow(p, path, x);
        }
        x.deliveries.push(() => {
          this._isNull = entity === null;
          Object.assign(this._fields, ownValues);
          if (!loadsItems) return;
          proxies.forEach((p, i) => Object.assign(p._fields, perItem[i]));
          this._fields.items = proxies;
        });
      },
      this,
    );
    return this;
  }
}

/** Loads "format/fill/color"-style paths of a freshly made item proxy inside the running sync. */
function loadNestedNow(object: ClientObject, path: string, x: Exec): void {
  const [head, ...rest] = path.split("/");
  const nav = object._navigation(head);
  if (!nav) {
    const entity = object._resolve(x);
    const value = object._read(head, entity, x);
    x.measure(value);
    x.deliveries.push(() => {
      object._fields[head] = value;
      object._isNull = false;
    });
    return;
  }
  if (nav instanceof ClientCollection) {
    // Collections inside items are rare in this surface; load them fully in the same sync.
    const entity = nav._resolve(x);
    const items = nav._itemEntities(entity, x).map((e) => {
      const p = nav._itemProxy(e);
      p._bind(e);
      p._isNull = false;
      return p;
    });
    const rem = rest.join("/").replace(/^items\/?/, "");
    for (const p of items) {
      if (rem) loadNestedNow(p, rem, x);
      else for (const n of p._scalarNames()) loadNestedNow(p, n, x);
    }
    x.deliveries.push(() => {
      nav._fields.items = items;
      nav._isNull = false;
    });
    return;
  }
  if (rest.length === 0) for (const n of nav._scalarNames()) loadNestedNow(nav, n, x);
  else loadNestedNow(nav, rest.join("/"), x);
}

export class ClientResult<T> {
  private loaded = false;
  private result: T | undefined;

  get value(): T {
    if (!this.loaded) throw officeError("ValueNotLoaded", "ClientResult.value");
    return this.result as T;
  }

  _deliver(value: T): void {
    this.result = value;
    this.loaded = true;
  }
}
