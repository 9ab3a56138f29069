/**
 * The command line checks with the settings the pane saved in the workbook (its document settings, in the web
 * extension part), with a shared rules file given by --settings, or with the defaults (--ignore-workbook-settings).
 */
import fs from "fs";
import os from "os";
import path from "path";
import zlib from "zlib";
import { storedSettings } from "../../src/xlsx/stored-settings";
import { runCli } from "../support/cli";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";
import { withDocumentSettings } from "../support/office-settings";


let dir: string;
let saved: string;
const noStt = { version: 1, rules: { "missing-stt": { enabled: false } } };

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ac-settings-"));
  saved = path.join(dir, "phu-luc-da-cai-dat.xlsx");
  fs.writeFileSync(saved, withDocumentSettings(new Uint8Array(fs.readFileSync(SEED_APPENDIX_XLSX)), { "appendixChecker.settings": noStt }));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the settings are read back from the web extension part", () => {
  const s = storedSettings(new Uint8Array(fs.readFileSync(saved)), (b) => zlib.inflateRawSync(b));
  expect(s.settings?.rules).toEqual({ "missing-stt": { enabled: false } });
  expect(s.directory).toBeNull();
});

test("the seed appendix with missing-stt switched off in the pane exits 0; with the defaults it exits 1", async () => {
  const withSaved = await runCli(["check", saved, "--json"]);
  expect(withSaved.code).toBe(0);
  expect(JSON.parse(withSaved.stdout).files[0].issues.map((i: { code: string }) => i.code)).not.toContain("missing-stt");
  const ignored = await runCli(["check", saved, "--json", "--ignore-workbook-settings"]);
  expect(ignored.code).toBe(1);
  expect(JSON.parse(ignored.stdout).files[0].issues.map((i: { code: string }) => i.code)).toContain("missing-stt");
  // The unchanged seed has no saved settings: the defaults, and its missing STT is an error.
  expect((await runCli(["check", SEED_APPENDIX_XLSX, "--json"])).code).toBe(1);
});

test("--settings applies a shared rules file instead of the workbook's", async () => {
  const rules = path.join(dir, "rules.json");
  fs.writeFileSync(rules, JSON.stringify({ version: 1, rules: { "missing-stt": { severity: "warning" } } }));
  const r = await runCli(["check", SEED_APPENDIX_XLSX, "--json", "--settings", rules]);
  expect(r.code).toBe(0);
  const stt = JSON.parse(r.stdout).files[0].issues.find((i: { code: string }) => i.code === "missing-stt");
  expect(stt.severity).toBe("warning");
  fs.writeFileSync(rules, '{"version": 1, "rules": {"missing-stt": {"enabled": "no"}}}');
  const bad = await runCli(["check", SEED_APPENDIX_XLSX, "--settings", rules]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("rules.json");
});
