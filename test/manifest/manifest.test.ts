/*
 * Offline checks of manifest.xml (release/manifest-check.ts holds the checker, shared with `npm run package`): the
 * manifest passes, each rule can fail on a deliberately broken copy, and the production rewrite still passes.
 */
import * as fs from "fs";
import * as path from "path";
import { checkManifest, child, childrenNamed, parseManifest, pngSize, xsiType } from "../../release/manifest-check";
import type { Problem, Rule } from "../../release/manifest-check";

const ROOT = path.join(__dirname, "..", "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const ASSETS_DIR = path.join(ROOT, "assets");
const MANIFEST = fs.readFileSync(MANIFEST_PATH, "utf8");

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

  it("is a Workbook task pane with read/write access, requiring ExcelApi 1.1 and no more", () => {
    expect(childrenNamed(child(root, "Hosts"), "Host").map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(child(root, "Permissions")?.text).toBe("ReadWriteDocument");
    const sets = childrenNamed(child(child(root, "Requirements"), "Sets"), "Set");
    expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([["ExcelApi", "1.1"]]);
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

  it("moves every URL under a base with a path, the AppDomain to its origin, and passes every check for that base", () => {
    const base = "https://so.example.gov.vn/phuluc";
    const production = withOrigin(MANIFEST, `${base}/`);
    expect(production).not.toContain("localhost:3000");
    expect(checkManifest(production, ASSETS_DIR, { base })).toEqual([]);
    const root = parseManifest(production);
    expect(childrenNamed(child(root, "AppDomains"), "AppDomain").map((d) => d.text)).toEqual(["https://so.example.gov.vn"]);
    expect(child(child(root, "DefaultSettings"), "SourceLocation")?.attrs.DefaultValue).toBe(`${base}/taskpane.html`);
  });

  it("reports a URL outside the release's base", () => {
    const production = withOrigin(MANIFEST, "https://so.example.gov.vn/phuluc");
    const stray = mutate(production, "phuluc/assets/icon-80.png", "other/assets/icon-80.png");
    const problems = checkManifest(stray, ASSETS_DIR, { base: "https://so.example.gov.vn/phuluc" });
    expect(problems.map((p) => [p.rule, p.where])).toEqual([["outside-base", "OfficeApp/VersionOverrides/Resources/Images/Image"]]);
    // Without a base, the same manifest only has to stay on one origin.
    expect(checkManifest(stray, ASSETS_DIR)).toEqual([]);
  });

  it.each([
    "http://phuluc.example.gov.vn",
    "https://phuluc.example.gov.vn/addin?x=1",
    "https://phuluc.example.gov.vn/#a",
    "phuluc.example.gov.vn",
    "",
  ])("refuses %p as an address", (origin) => {
    expect(() => withOrigin(MANIFEST, origin)).toThrow(/ADDIN_ORIGIN must be an https address/);
  });
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
