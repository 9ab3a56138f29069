/*
 * Offline checks of an add-in manifest: the parts of the Office add-in XSDs that Office enforces at sideload
 * time (element order, required elements, resource references) plus this project's rules (one https
 * origin, icons that exist at the size they claim, Vietnamese default with English overrides) and, for a release
 * bundle, that every URL lies under the address it is deployed to. `npm run validate` needs Microsoft's online
 * service; these run anywhere. Used by test/manifest/ and by `npm run package`, which refuses to write a bundle
 * whose manifest fails them.
 *
 * The checker returns problems instead of asserting, so the same code is run against deliberately
 * broken copies of the manifest to prove that each rule can fail.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const NS_OFFICEAPP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_TASKPANE_OVERRIDES = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";

// ---------------------------------------------------------------------------------------------------------
// A small element tree (fast-xml-parser's preserveOrder output is awkward to walk directly)

export interface XmlElement {
  /** Local name, namespace prefix dropped: `bt:Image` → `Image`. */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  /** Names from the root down, for messages: `OfficeApp/VersionOverrides/Resources`. */
  path: string;
}

type PreservedNode = Record<string, unknown>;

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(":") + 1);

function toElement(node: PreservedNode, parentPath: string): XmlElement | null {
  const key = Object.keys(node).find((k) => k !== ":@");
  if (!key || key === "#text" || key.startsWith("?")) return null;
  const name = localName(key);
  const elementPath = parentPath ? `${parentPath}/${name}` : name;
  const rawChildren = (node[key] as PreservedNode[]) ?? [];
  const children: XmlElement[] = [];
  let text = "";
  for (const child of rawChildren) {
    if ("#text" in child) text += String(child["#text"]);
    else {
      const element = toElement(child, elementPath);
      if (element) children.push(element);
    }
  }
  const attrs: Record<string, string> = {};
  for (const [attr, value] of Object.entries((node[":@"] as Record<string, unknown>) ?? {})) attrs[attr] = String(value);
  return { name, attrs, children, text: text.trim(), path: elementPath };
}

export function parseManifest(xml: string): XmlElement {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const nodes = parser.parse(xml) as PreservedNode[];
  const root = nodes.map((node) => toElement(node, "")).find((element): element is XmlElement => element !== null);
  if (!root) throw new Error("no root element");
  return root;
}

export const child = (element: XmlElement | undefined, name: string): XmlElement | undefined =>
  element?.children.find((c) => c.name === name);
export const childrenNamed = (element: XmlElement | undefined, name: string): XmlElement[] =>
  element ? element.children.filter((c) => c.name === name) : [];
export const xsiType = (element: XmlElement): string | undefined => element.attrs["xsi:type"];

export function* walk(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const c of element.children) yield* walk(c);
}

// ---------------------------------------------------------------------------------------------------------
// Child sequences from OfficeAppManifestV1_1.xsd, TaskPaneAppVersionOverridesV1_0.xsd and
// OfficeAppBasicTypesV1_0.xsd. Office rejects a manifest whose children are out of this order.

interface Slot {
  name: string;
  min: number;
  max: number;
}
const one = (name: string): Slot => ({ name, min: 1, max: 1 });
const optional = (name: string): Slot => ({ name, min: 0, max: 1 });
const many = (name: string, min = 0): Slot => ({ name, min, max: Infinity });
const overridesOnly = [many("Override")];

const OFFICE_APP_SEQUENCE: Slot[] = [
  one("Id"),
  optional("AlternateId"),
  one("Version"),
  one("ProviderName"),
  one("DefaultLocale"),
  one("DisplayName"),
  one("Description"),
  optional("IconUrl"),
  optional("HighResolutionIconUrl"),
  optional("SupportUrl"),
  optional("AppDomains"),
  optional("Hosts"),
  // TaskPaneApp's extension of OfficeApp: these follow the base sequence.
  optional("Requirements"),
  one("DefaultSettings"),
  one("Permissions"),
  optional("Dictionary"),
  optional("VersionOverrides"),
];

/** The sequence an element's children must follow, or undefined for elements this checker does not know. */
function sequenceFor(element: XmlElement, parent: XmlElement | undefined): Slot[] | undefined {
  const type = xsiType(element);
  switch (element.name) {
    case "OfficeApp":
      return OFFICE_APP_SEQUENCE;
    case "DisplayName":
    case "Description":
    case "IconUrl":
    case "HighResolutionIconUrl":
    case "SupportUrl":
    case "SourceLocation":
    case "Url":
    case "String":
      return overridesOnly;
    case "Image":
      return parent?.name === "Icon" ? [] : overridesOnly;
    case "AppDomains":
      return [many("AppDomain", 1)];
    case "Hosts":
      return [many("Host", 1)];
    case "Host":
      return parent?.path.includes("VersionOverrides") ? [optional("DesktopFormFactor")] : [];
    case "Requirements":
      return [optional("Sets"), optional("Methods")];
    case "Sets":
      return [many("Set", 1)];
    case "DefaultSettings":
      return [one("SourceLocation")];
    case "VersionOverrides":
      return [
        optional("Description"),
        optional("Requirements"),
        optional("Hosts"),
        optional("Resources"),
        optional("WebApplicationInfo"),
        optional("EquivalentAddins"),
        optional("VersionOverrides"),
      ];
    case "DesktopFormFactor":
      return [optional("GetStarted"), optional("FunctionFile"), many("ExtensionPoint", 1)];
    case "GetStarted":
      return [one("Title"), one("Description"), one("LearnMoreUrl")];
    case "ExtensionPoint":
      return type === "PrimaryCommandSurface" ? [many("OfficeTab"), many("CustomTab")] : undefined;
    case "OfficeTab":
      return [many("Group", 1)];
    case "CustomTab":
      return [many("Group", 1), one("Label")];
    case "Group":
      return [one("Label"), one("Icon"), many("Control", 1)];
    case "Control":
      return type === "Button" ? [one("Label"), one("Supertip"), one("Icon"), one("Action")] : undefined;
    case "Supertip":
      return [one("Title"), one("Description")];
    case "Icon":
      return [many("Image", 1)];
    case "Action":
      if (type === "ShowTaskpane") return [optional("TaskpaneId"), one("SourceLocation"), optional("Title")];
      return type === "ExecuteFunction" ? [one("FunctionName")] : undefined;
    case "Resources":
      return [optional("Images"), optional("Urls"), optional("ShortStrings"), optional("LongStrings")];
    case "Images":
      return [many("Image")];
    case "Urls":
      return [many("Url")];
    case "ShortStrings":
    case "LongStrings":
      return [many("String")];
    default:
      return element.children.length === 0 ? [] : undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The checker

export type Rule =
  | "xml-syntax"
  | "root"
  | "version-overrides"
  | "unknown-element"
  | "element-order"
  | "missing-element"
  | "element-count"
  | "id-format"
  | "version-format"
  | "default-locale"
  | "missing-override"
  | "too-long"
  | "bad-url"
  | "not-https"
  | "foreign-origin"
  | "missing-icon-file"
  | "icon-size-mismatch"
  | "host"
  | "permissions"
  | "requirements"
  | "unknown-resid"
  | "resid-kind"
  | "duplicate-id"
  | "pane-url-mismatch"
  | "outside-base";

export interface Problem {
  rule: Rule;
  where: string;
  message: string;
}

function checkSequence(element: XmlElement, sequence: Slot[], report: (rule: Rule, message: string) => void): void {
  let cursor = 0;
  const names = sequence.map((slot) => slot.name);
  for (const c of element.children) {
    const ahead = names.indexOf(c.name, cursor);
    if (ahead >= 0) {
      cursor = ahead;
      continue;
    }
    const behind = names.indexOf(c.name);
    if (behind >= 0) {
      report("element-order", `<${c.name}> must come before <${names[cursor]}> in <${element.name}>`);
    } else {
      report("unknown-element", `<${c.name}> is not a valid child of <${element.name}>`);
    }
  }
  for (const slot of sequence) {
    const count = element.children.filter((c) => c.name === slot.name).length;
    if (count < slot.min) report("missing-element", `<${element.name}> needs <${slot.name}>`);
    if (count > slot.max) report("element-count", `<${element.name}> allows at most ${slot.max} <${slot.name}>, found ${count}`);
  }
}

/** Width and height from a PNG's IHDR chunk, or null when the file is not a PNG. */
export function pngSize(file: string): { width: number; height: number } | null {
  const bytes = fs.readFileSync(file);
  const signature = "89504e470d0a1a0a";
  if (bytes.length < 24 || bytes.subarray(0, 8).toString("hex") !== signature || bytes.toString("ascii", 12, 16) !== "IHDR") {
    return null;
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const GUID = /^(urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION = /^[0-9]{1,5}(\.[0-9]{1,5}){0,3}$/;
const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;
const RESOURCE_ID_MAX = 32;
/** Resource collection each kind of reference must point into (by the referencing element's name). */
const RESID_KIND: Record<string, string> = {
  Image: "Images",
  FunctionFile: "Urls",
  SourceLocation: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};
/** Sizes Office documents for the base icons. */
const BASE_ICON_SIZES: Record<string, number> = { IconUrl: 32, HighResolutionIconUrl: 64 };
const URL_SETTINGS = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "Image", "Url"]);

export interface CheckOptions {
  /**
   * The address a release is deployed to (https://host/path): every URL must lie under it and the AppDomain must be
   * its origin. Without it, only "one https origin" is required (the dev manifest).
   */
  base?: string;
}

export function checkManifest(xml: string, assetsDir: string, options: CheckOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const report = (rule: Rule, where: string, message: string) => problems.push({ rule, where, message });

  const syntax = XMLValidator.validate(xml);
  if (syntax !== true) {
    report("xml-syntax", `line ${syntax.err.line}`, syntax.err.msg);
    return problems;
  }
  const root = parseManifest(xml);
  if (root.name !== "OfficeApp" || root.attrs.xmlns !== NS_OFFICEAPP || xsiType(root) !== "TaskPaneApp") {
    report("root", root.path, `the root must be <OfficeApp xmlns="${NS_OFFICEAPP}" xsi:type="TaskPaneApp">`);
    return problems;
  }

  // Structure: every known element's children follow its XSD sequence.
  const visit = (element: XmlElement, parent: XmlElement | undefined) => {
    const sequence = sequenceFor(element, parent);
    if (sequence) checkSequence(element, sequence, (rule, message) => report(rule, element.path, message));
    for (const c of element.children) visit(c, element);
  };
  visit(root, undefined);

  const text = (name: string) => child(root, name)?.text ?? "";
  if (!GUID.test(text("Id"))) report("id-format", "OfficeApp/Id", `"${text("Id")}" is not a GUID`);
  if (!VERSION.test(text("Version"))) report("version-format", "OfficeApp/Version", `"${text("Version")}" is not n.n.n.n`);
  if (text("DefaultLocale") !== "vi-VN")
    report("default-locale", "OfficeApp/DefaultLocale", `expected vi-VN, found "${text("DefaultLocale")}"`);

  // Localised settings: Vietnamese default, English override, within the schema's lengths.
  const checkLocalised = (element: XmlElement, max: number) => {
    const values = [element.attrs.DefaultValue ?? "", ...childrenNamed(element, "Override").map((o) => o.attrs.Value ?? "")];
    for (const value of values) {
      if (value.length === 0 || value.length > max) {
        report("too-long", element.path, `"${value.slice(0, 40)}…" has ${value.length} characters; 1 to ${max} allowed`);
      }
    }
    if (!childrenNamed(element, "Override").some((o) => o.attrs.Locale === "en-US" && o.attrs.Value)) {
      report("missing-override", element.path + (element.attrs.id ? `[${element.attrs.id}]` : ""), "no en-US override");
    }
  };
  for (const [name, max] of [
    ["DisplayName", SHORT_STRING_MAX],
    ["Description", LONG_STRING_MAX],
  ] as const) {
    const element = child(root, name);
    if (element) checkLocalised(element, max);
  }

  // Hosts, permissions, requirement sets.
  if (!childrenNamed(child(root, "Hosts"), "Host").some((h) => h.attrs.Name === "Workbook")) {
    report("host", "OfficeApp/Hosts", 'no <Host Name="Workbook"/>');
  }
  if (text("Permissions") !== "ReadWriteDocument") {
    report("permissions", "OfficeApp/Permissions", `expected ReadWriteDocument, found "${text("Permissions")}"`);
  }
  const sets = childrenNamed(child(child(root, "Requirements"), "Sets"), "Set");
  const excelApi = sets.find((s) => s.attrs.Name === "ExcelApi");
  if (!excelApi || !/^1\.\d+$/.test(excelApi.attrs.MinVersion ?? "")) {
    report("requirements", "OfficeApp/Requirements", 'no <Set Name="ExcelApi" MinVersion="1.x"/>');
  }

  // URLs: all https, all on the origin the pane is served from.
  const paneUrl = child(child(root, "DefaultSettings"), "SourceLocation")?.attrs.DefaultValue ?? "";
  let paneOrigin: string | null = null;
  try {
    paneOrigin = new URL(paneUrl).origin;
  } catch {
    report("bad-url", "OfficeApp/DefaultSettings/SourceLocation", `"${paneUrl}" is not a URL`);
  }
  const urls: { where: string; value: string }[] = [];
  for (const element of walk(root)) {
    if (URL_SETTINGS.has(element.name) && element.attrs.DefaultValue !== undefined) {
      urls.push({ where: element.path, value: element.attrs.DefaultValue });
      for (const o of childrenNamed(element, "Override")) urls.push({ where: `${element.path}/Override`, value: o.attrs.Value ?? "" });
    }
    if (element.name === "AppDomain") urls.push({ where: element.path, value: element.text });
  }
  for (const { where, value } of urls) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      report("bad-url", where, `"${value}" is not a URL`);
      continue;
    }
    if (url.protocol !== "https:") report("not-https", where, `${value} is not https`);
    else if (paneOrigin && url.origin !== paneOrigin) report("foreign-origin", where, `${value} is not on ${paneOrigin}`);
    if (options.base !== undefined && !underBase(where, value, options.base)) {
      report("outside-base", where, `${value} is not under ${options.base}`);
    }
  }

  // Icons: the file exists in assets/ and is the size the manifest promises.
  const checkIcon = (where: string, value: string | undefined, expectedSize: number | undefined) => {
    let pathname: string;
    try {
      pathname = new URL(value ?? "").pathname;
    } catch {
      return; // already reported as bad-url
    }
    const match = /\/assets\/([^/]+)$/.exec(pathname);
    const file = match ? path.join(assetsDir, match[1]) : null;
    if (!file || !fs.existsSync(file)) {
      report("missing-icon-file", where, `${pathname} is not a file in assets/`);
      return;
    }
    const size = pngSize(file);
    if (expectedSize !== undefined && (!size || size.width !== expectedSize || size.height !== expectedSize)) {
      const actual = size ? `${size.width}×${size.height}` : "not a PNG";
      report("icon-size-mismatch", where, `${pathname} should be ${expectedSize}×${expectedSize}, is ${actual}`);
    }
  };
  for (const [name, size] of Object.entries(BASE_ICON_SIZES)) {
    const element = child(root, name);
    if (element) checkIcon(element.path, element.attrs.DefaultValue, size);
  }

  // Resources and the references to them.
  const overrides = child(root, "VersionOverrides");
  if (!overrides) return problems;
  if (overrides.attrs.xmlns !== NS_TASKPANE_OVERRIDES || xsiType(overrides) !== "VersionOverridesV1_0") {
    report("version-overrides", overrides.path, `expected xmlns="${NS_TASKPANE_OVERRIDES}" xsi:type="VersionOverridesV1_0"`);
  }
  if (!childrenNamed(child(overrides, "Hosts"), "Host").some((h) => xsiType(h) === "Workbook")) {
    report("host", `${overrides.path}/Hosts`, 'no <Host xsi:type="Workbook">');
  }
  const resources = child(overrides, "Resources");
  const resourceKind = new Map<string, string>();
  const resourceValue = new Map<string, string>();
  for (const collection of resources?.children ?? []) {
    for (const resource of collection.children) {
      const id = resource.attrs.id ?? "";
      if (resourceKind.has(id)) report("duplicate-id", resource.path, `resource id "${id}" is used twice`);
      if (id.length === 0 || id.length > RESOURCE_ID_MAX)
        report("too-long", resource.path, `resource id "${id}" must be 1 to ${RESOURCE_ID_MAX} characters`);
      resourceKind.set(id, collection.name);
      resourceValue.set(id, resource.attrs.DefaultValue ?? "");
      if (collection.name === "ShortStrings") checkLocalised(resource, SHORT_STRING_MAX);
      if (collection.name === "LongStrings") checkLocalised(resource, LONG_STRING_MAX);
    }
  }
  const controlIds = new Set<string>();
  for (const element of walk(overrides)) {
    if ((element.name === "Group" || element.name === "Control") && element.attrs.id !== undefined) {
      if (controlIds.has(element.attrs.id)) report("duplicate-id", element.path, `id "${element.attrs.id}" is used twice`);
      controlIds.add(element.attrs.id);
    }
    const resid = element.attrs.resid;
    if (resid === undefined) continue;
    const kind = resourceKind.get(resid);
    const expected = RESID_KIND[element.name];
    if (!kind) {
      report("unknown-resid", element.path, `resid "${resid}" is not defined in <Resources>`);
      continue;
    }
    if (expected && kind !== expected)
      report("resid-kind", element.path, `resid "${resid}" is in ${kind}, <${element.name}> needs ${expected}`);
    if (element.name === "Image" && kind === "Images") {
      checkIcon(`${element.path}[size=${element.attrs.size}]`, resourceValue.get(resid), Number(element.attrs.size));
    }
  }
  for (const action of walk(overrides)) {
    if (action.name !== "Action" || xsiType(action) !== "ShowTaskpane") continue;
    const target = resourceValue.get(child(action, "SourceLocation")?.attrs.resid ?? "");
    if (target !== undefined && target !== paneUrl) {
      report("pane-url-mismatch", action.path, `the button opens ${target}, DefaultSettings opens ${paneUrl}`);
    }
  }
  // Images declared in Resources but used by no <Icon> still have to exist.
  for (const image of childrenNamed(child(resources, "Images"), "Image")) {
    checkIcon(image.path, image.attrs.DefaultValue, undefined);
  }
  return problems;
}

/** An AppDomain is the base's origin; every other URL starts with the base followed by "/". */
function underBase(where: string, value: string, base: string): boolean {
  const trimmed = base.replace(/\/+$/, "");
  if (where.endsWith("/AppDomain")) {
    try {
      return value === new URL(trimmed).origin;
    } catch {
      return false;
    }
  }
  return value.startsWith(`${trimmed}/`);
}

/** Problems as lines a person reads: "rule at where: message". */
export function problemLines(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.rule} at ${p.where}: ${p.message}`);
}
