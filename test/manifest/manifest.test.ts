/*
 * Offline checks of manifest.xml: the parts of the Office add-in XSDs that Office enforces at sideload
 * time (element order, required elements, resource references) plus this project's rules (one https
 * origin, icons that exist at the size they claim, Vietnamese default with English overrides).
 * `npm run validate` needs Microsoft's online service; these run anywhere.
 *
 * The checker returns problems instead of asserting, so the same code is run against deliberately
 * broken copies of the manifest to prove that each rule can fail.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ROOT = path.join(__dirname, "..", "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const ASSETS_DIR = path.join(ROOT, "assets");
const MANIFEST = fs.readFileSync(MANIFEST_PATH, "utf8");

const NS_OFFICEAPP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_TASKPANE_OVERRIDES = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";

// ---------------------------------------------------------------------------------------------------------
// A small element tree (fast-xml-parser's preserveOrder output is awkward to walk directly)

interface XmlElement {
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

function parseManifest(xml: string): XmlElement {
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

const child = (element: XmlElement | undefined, name: string): XmlElement | undefined => element?.children.find((c) => c.name === name);
const childrenNamed = (element: XmlElement | undefined, name: string): XmlElement[] =>
  element ? element.children.filter((c) => c.name === name) : [];
const xsiType = (element: XmlElement): string | undefined => element.attrs["xsi:type"];

function* walk(element: XmlElement): Generator<XmlElement> {
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

type Rule =
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
  | "pane-url-mismatch";

interface Problem {
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
function pngSize(file: string): { width: number; height: number } | null {
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

function checkManifest(xml: string, assetsDir: string): Problem[] {
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
  }

  // Icons: the file exists in assets/ and is the size the manifest promises.
  const checkIcon = (where: string, value: string | undefined, expectedSize: number | undefined) => {
    let pathname: string;
    try {
      pathname = new URL(value ?? "").pathname;
    } catch {
      return; // already reported as bad-url
    }
    const match = /^\/assets\/([^/]+)$/.exec(pathname);
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

// ---------------------------------------------------------------------------------------------------------
// Tests

/** Replaces exactly one occurrence, so a mutation test can never pass because its pattern went stale. */
function mutate(xml: string, from: string | RegExp, to: string): string {
  const matches = typeof from === "string" ? xml.split(from).length - 1 : (xml.match(new RegExp(from, "g")) ?? []).length;
  if (matches !== 1) throw new Error(`mutation pattern ${String(from)} matched ${matches} times, expected once`);
  return xml.replace(from, to);
}

const rulesOf = (problems: Problem[]) => [...new Set(problems.map((p) => p.rule))].sort();

describe("manifest.xml", () => {
  const root = parseManifest(MANIFEST);
  const overrides = child(root, "VersionOverrides");

  it("passes every check", () => {
    expect(checkManifest(MANIFEST, ASSETS_DIR)).toEqual([]);
  });

  it("lists the OfficeApp elements in schema order", () => {
    const names = root.children.map((c) => c.name);
    expect(names).toEqual([
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ]);
  });

  it("is a Workbook task pane with read/write access, requiring ExcelApi 1.4 and no more", () => {
    expect(childrenNamed(child(root, "Hosts"), "Host").map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(child(root, "Permissions")?.text).toBe("ReadWriteDocument");
    const sets = childrenNamed(child(child(root, "Requirements"), "Sets"), "Set");
    expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([["ExcelApi", "1.4"]]);
  });

  it("is named in Vietnamese with English overrides", () => {
    const displayName = child(root, "DisplayName");
    expect(child(root, "DefaultLocale")?.text).toBe("vi-VN");
    expect(displayName?.attrs.DefaultValue).toBe("Kiểm tra Phụ lục nhiệm vụ");
    expect(childrenNamed(displayName, "Override").map((o) => [o.attrs.Locale, o.attrs.Value])).toEqual([["en-US", "Appendix Checker"]]);
    expect(childrenNamed(child(root, "Description"), "Override").map((o) => o.attrs.Locale)).toEqual(["en-US"]);
  });

  it("serves everything from the dev server origin", () => {
    expect(child(child(root, "DefaultSettings"), "SourceLocation")?.attrs.DefaultValue).toBe("https://localhost:3000/taskpane.html");
    expect(child(root, "IconUrl")?.attrs.DefaultValue).toBe("https://localhost:3000/assets/icon-32.png");
    expect(child(root, "HighResolutionIconUrl")?.attrs.DefaultValue).toBe("https://localhost:3000/assets/icon-64.png");
  });

  it("puts one button on the Home tab that opens the AppendixCheckerPane task pane", () => {
    const formFactor = child(child(child(overrides, "Hosts"), "Host"), "DesktopFormFactor");
    const tab = child(child(formFactor, "ExtensionPoint"), "OfficeTab");
    expect(tab?.attrs.id).toBe("TabHome");
    const controls = childrenNamed(child(tab, "Group"), "Control");
    expect(controls).toHaveLength(1);
    const action = child(controls[0], "Action");
    expect(action && xsiType(action)).toBe("ShowTaskpane");
    expect(child(action, "TaskpaneId")?.text).toBe("AppendixCheckerPane");
    expect(child(action, "SourceLocation")?.attrs.resid).toBe("Taskpane.Url");
    expect(child(formFactor, "FunctionFile")?.attrs.resid).toBe("Commands.Url");
    const urls = childrenNamed(child(child(overrides, "Resources"), "Urls"), "Url");
    expect(urls.find((u) => u.attrs.id === "Commands.Url")?.attrs.DefaultValue).toBe("https://localhost:3000/commands.html");
  });

  it("declares 16, 32 and 80 px images for the ribbon", () => {
    const images = childrenNamed(child(child(overrides, "Resources"), "Images"), "Image");
    expect(images.map((i) => i.attrs.DefaultValue)).toEqual([
      "https://localhost:3000/assets/icon-16.png",
      "https://localhost:3000/assets/icon-32.png",
      "https://localhost:3000/assets/icon-80.png",
    ]);
  });
});

describe("checkManifest catches a broken manifest", () => {
  const cases: { name: string; broken: () => string; rule: Rule }[] = [
    { name: "malformed XML", broken: () => mutate(MANIFEST, "</Hosts>\n  <Requirements>", "<Requirements>"), rule: "xml-syntax" },
    {
      name: "Permissions before DefaultSettings",
      broken: () => {
        const settings =
          '  <DefaultSettings>\n    <SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>\n  </DefaultSettings>\n';
        const permissions = "  <Permissions>ReadWriteDocument</Permissions>\n";
        return mutate(MANIFEST, settings + permissions, permissions + settings);
      },
      rule: "element-order",
    },
    {
      name: "Requirements before Hosts",
      broken: () =>
        mutate(
          MANIFEST,
          /( {2}<Hosts>\n {4}<Host Name="Workbook"\/>\n {2}<\/Hosts>\n)( {2}<Requirements>[\s\S]*?<\/Requirements>\n)/,
          "$2$1",
        ),
      rule: "element-order",
    },
    { name: "no DisplayName", broken: () => mutate(MANIFEST, /<DisplayName[\s\S]*?<\/DisplayName>/, ""), rule: "missing-element" },
    {
      name: "an element Office does not know",
      broken: () => mutate(MANIFEST, "<Permissions>", "<Colour>blue</Colour>\n  <Permissions>"),
      rule: "unknown-element",
    },
    { name: "an Id that is not a GUID", broken: () => mutate(MANIFEST, "<Id>a84f2fa2-", "<Id>x84f2fa2-"), rule: "id-format" },
    {
      name: "an English default locale",
      broken: () => mutate(MANIFEST, "<DefaultLocale>vi-VN", "<DefaultLocale>en-US"),
      rule: "default-locale",
    },
    {
      name: "no English DisplayName",
      broken: () => mutate(MANIFEST, '    <Override Locale="en-US" Value="Appendix Checker"/>\n', ""),
      rule: "missing-override",
    },
    {
      name: "a ribbon label without English",
      broken: () => mutate(MANIFEST, '          <bt:Override Locale="en-US" Value="Check Appendix"/>\n', ""),
      rule: "missing-override",
    },
    {
      name: "a label over 125 characters",
      broken: () => mutate(MANIFEST, 'Value="Check Appendix"', `Value="${"x".repeat(126)}"`),
      rule: "too-long",
    },
    {
      name: "an http URL",
      broken: () =>
        mutate(MANIFEST, 'DefaultValue="https://localhost:3000/commands.html"', 'DefaultValue="http://localhost:3000/commands.html"'),
      rule: "not-https",
    },
    {
      name: "an icon on another origin",
      broken: () => mutate(MANIFEST, '<IconUrl DefaultValue="https://localhost:3000/', '<IconUrl DefaultValue="https://cdn.example.com/'),
      rule: "foreign-origin",
    },
    {
      name: "an icon file that does not exist",
      broken: () =>
        mutate(
          MANIFEST,
          'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"',
          'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-81.png"',
        ),
      rule: "missing-icon-file",
    },
    {
      name: "a 16 px slot showing the 32 px icon",
      broken: () =>
        mutate(
          MANIFEST,
          'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"',
          'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"',
        ),
      rule: "icon-size-mismatch",
    },
    { name: "a Word host", broken: () => mutate(MANIFEST, '<Host Name="Workbook"/>', '<Host Name="Document"/>'), rule: "host" },
    {
      name: "read-only permission",
      broken: () => mutate(MANIFEST, "<Permissions>ReadWriteDocument", "<Permissions>ReadDocument"),
      rule: "permissions",
    },
    { name: "no ExcelApi set", broken: () => mutate(MANIFEST, 'Name="ExcelApi"', 'Name="WordApi"'), rule: "requirements" },
    {
      name: "a button label that is not a resource",
      broken: () => mutate(MANIFEST, '<Label resid="TaskpaneButton.Label"/>', '<Label resid="TaskpaneButton.Missing"/>'),
      rule: "unknown-resid",
    },
    {
      name: "a tooltip pointing at a short string",
      broken: () => mutate(MANIFEST, '<Description resid="TaskpaneButton.Tooltip"/>', '<Description resid="TaskpaneButton.Label"/>'),
      rule: "resid-kind",
    },
    {
      name: "two images with one id",
      broken: () => mutate(MANIFEST, 'bt:Image id="Icon.32x32"', 'bt:Image id="Icon.16x16"'),
      rule: "duplicate-id",
    },
    {
      name: "two controls with one id",
      broken: () => mutate(MANIFEST, 'Group id="AppendixChecker.Group"', 'Group id="AppendixChecker.OpenPane"'),
      rule: "duplicate-id",
    },
    {
      name: "a button opening another page than the pane",
      broken: () =>
        mutate(
          MANIFEST,
          'id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"',
          'id="Taskpane.Url" DefaultValue="https://localhost:3000/other.html"',
        ),
      rule: "pane-url-mismatch",
    },
  ];

  it.each(cases)("$name → $rule", ({ broken, rule }) => {
    const problems = checkManifest(broken(), ASSETS_DIR);
    expect(rulesOf(problems)).toContain(rule);
    // Each problem names where it is, so a person can find it in the file.
    for (const problem of problems) expect(problem.where.length).toBeGreaterThan(0);
  });

  it("reports an out-of-order element by name", () => {
    const settings =
      '  <DefaultSettings>\n    <SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>\n  </DefaultSettings>\n';
    const permissions = "  <Permissions>ReadWriteDocument</Permissions>\n";
    const problems = checkManifest(mutate(MANIFEST, settings + permissions, permissions + settings), ASSETS_DIR);
    expect(problems).toEqual([
      { rule: "element-order", where: "OfficeApp", message: "<DefaultSettings> must come before <Permissions> in <OfficeApp>" },
    ]);
  });

  it("treats a missing assets folder as missing icons, not as a crash", () => {
    const rules = rulesOf(checkManifest(MANIFEST, path.join(ASSETS_DIR, "does-not-exist")));
    expect(rules).toEqual(["missing-icon-file"]);
  });
});

describe("production manifest (webpack's ADDIN_ORIGIN rewrite)", () => {
  // webpack.config.js is plain CommonJS without type declarations.
  const { withOrigin } = require("../../webpack.config.js") as { withOrigin: (xml: string, origin: string) => string };

  it("moves every URL to the new origin and still passes every check", () => {
    const production = withOrigin(MANIFEST, "https://phuluc.example.gov.vn");
    expect(production).not.toContain("localhost:3000");
    expect(checkManifest(production, ASSETS_DIR)).toEqual([]);
    const root = parseManifest(production);
    expect(child(child(root, "DefaultSettings"), "SourceLocation")?.attrs.DefaultValue).toBe("https://phuluc.example.gov.vn/taskpane.html");
  });

  it.each(["http://phuluc.example.gov.vn", "https://phuluc.example.gov.vn/addin", "phuluc.example.gov.vn", ""])(
    "refuses %p as an origin",
    (origin) => {
      expect(() => withOrigin(MANIFEST, origin)).toThrow(/ADDIN_ORIGIN must be an https origin/);
    },
  );
});

describe("icons in assets/", () => {
  // assets/make-icons.js is plain CommonJS without type declarations.
  const { SIZES, render, encodePng } = require("../../assets/make-icons.js") as {
    SIZES: number[];
    render: (size: number) => Buffer;
    encodePng: (size: number, rgba: Buffer) => Buffer;
  };

  it.each(SIZES)("icon-%i.png is the PNG assets/make-icons.js draws", (size) => {
    const file = path.join(ASSETS_DIR, `icon-${size}.png`);
    expect(pngSize(file)).toEqual({ width: size, height: size });
    expect(fs.readFileSync(file).equals(encodePng(size, render(size)))).toBe(true);
  });

  it("draws a visible glyph: opaque blue and white pixels on a transparent background", () => {
    const rgba = render(32);
    const pixels = Array.from({ length: 32 * 32 }, (_, i) => [...rgba.subarray(i * 4, i * 4 + 4)]);
    expect(pixels.some(([, , , a]) => a === 0)).toBe(true);
    expect(pixels.some(([r, , b, a]) => a === 255 && b > 150 && r < 60)).toBe(true);
    expect(pixels.some(([r, g, b, a]) => a === 255 && r === 255 && g === 255 && b === 255)).toBe(true);
  });
});
