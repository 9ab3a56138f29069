/**
 * `npm run package` without building: its arguments (a clear message for each mistake) and the server configuration
 * it writes for an address with and without a path.
 */
import * as path from "path";
import { XMLValidator } from "fast-xml-parser";
import { parsePackageArgs, ROOT } from "../../release/package";
import { iisWebConfig, nginxSnippet, NO_CACHE } from "../../release/server-config";

describe("npm run package arguments", () => {
  it("takes the address, the office.js source and the output folder", () => {
    const parsed = parsePackageArgs(["--origin", "https://so.example.gov.vn/phuluc/", "--office-js=local", "--out", "x"]);
    expect(parsed).toEqual({
      ok: true,
      options: { base: "https://so.example.gov.vn/phuluc", officeJs: "local", outDir: path.resolve("x") },
    });
  });

  it("defaults to Microsoft's CDN and out/release", () => {
    const parsed = parsePackageArgs(["--origin=https://phuluc.example.gov.vn"]);
    expect(parsed).toEqual({
      ok: true,
      options: { base: "https://phuluc.example.gov.vn", officeJs: "cdn", outDir: path.join(ROOT, "out", "release") },
    });
  });

  it.each([
    [[], /--origin is required/],
    [["--origin", "http://phuluc.example.gov.vn"], /--origin must be an https address/],
    [["--origin", "https://phuluc.example.gov.vn/?a=1"], /--origin must be an https address/],
    [["--origin", "https://phuluc.example.gov.vn", "--office-js", "both"], /--office-js must be cdn or local, got "both"/],
    [["--origin", "https://phuluc.example.gov.vn", "--zip"], /unknown argument "--zip"/],
  ])("refuses %p with a message saying what is wrong", (argv, message) => {
    const parsed = parsePackageArgs(argv as string[]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe("server configuration", () => {
  it("IIS: well-formed, every type the bundle needs, the pages and the manifest never cached", () => {
    const config = iisWebConfig("https://so.example.gov.vn/phuluc");
    expect(XMLValidator.validate(config)).toBe(true);
    for (const ext of [".json", ".webmanifest", ".woff2", ".js", ".png", ".xml"]) {
      expect(config).toContain(`<remove fileExtension="${ext}" />`);
      expect(config).toContain(`<mimeMap fileExtension="${ext}"`);
    }
    for (const file of NO_CACHE) expect(config).toMatch(new RegExp(`<location path="${file.replace(".", "\\.")}">[\\s\\S]*?DisableCache`));
    expect(config).toContain("https://{HTTP_HOST}/{R:1}");
  });

  it("nginx: one location for the base's path, with the files under root + path", () => {
    const withPath = nginxSnippet("https://so.example.gov.vn/phuluc", "/srv/www");
    expect(withPath).toContain("location /phuluc/ {\n    root /srv/www;");
    expect(withPath).toContain("/srv/www/phuluc/");
    expect(withPath).toContain("application/manifest+json webmanifest;");
    const atRoot = nginxSnippet("https://phuluc.example.gov.vn", "/srv/www");
    expect(atRoot).toContain("location / {");
    // Braces balance: the snippet can be included as it is.
    expect((atRoot.match(/{/g) ?? []).length).toBe((atRoot.match(/}/g) ?? []).length);
  });
});
