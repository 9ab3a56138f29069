/**
 * `check --add-pickers OUT.xlsx`: a copy of the workbook with the drop-downs the pane's "Gắn danh sách chọn" writes —
 * the directory's canonical names on a hidden sheet marked as the product's own (a `customPr` named like the add-in's
 * worksheet custom property, owned-sheets.ts), and a list validation on the lead column referring to it
 * (core/agencies/pickers.ts says where). Every other part of the package is copied as it is; the sheet gets its
 * `<dataValidations>` where the schema puts it (after the merged cells and conditional formats, before hyperlinks
 * and page setup). A copy made from an earlier copy rewrites the same list sheet rather than adding another.
 */
import { Lang } from "../core/issues/catalogue";
import {
  AGENCY_LIST_MARK,
  AGENCY_LIST_SHEET,
  listSourceFormula,
  pickerAddresses,
  PickerTarget,
  pickerTexts,
} from "../core/agencies/pickers";
import { uniqueSheetName } from "../core/output/sheet-names";
import { OWNED_SHEET_MARK } from "../core/settings/keys";
import { columnLetter } from "../core/sheet/grid";
import { attributes, CUSTOM_PROPERTY_CONTENT, CUSTOM_PROPERTY_TYPE, isAgencyListPart, partRelationships, relsPathOf } from "./owned-sheets";
import { escapeXml } from "./sheet-writer";
import { decodeXml } from "./xml-scanner";
import { openZip, RawInflate, writeZip, ZipCodec } from "./zip";

/** Why no copy with the lists was made (said by the command line in its user's language). */
export type PickersRefusal =
  | { kind: "no-agencies" }
  | { kind: "cannot-reopen" }
  | { kind: "no-sheet"; sheet: string }
  | { kind: "sheet-list-unreadable" }
  /** An unexpected error's own (English) words. */
  | { kind: "error"; message: string };

export type PickersCopy =
  { ok: true; bytes: Uint8Array; listSheet: string; areas: string[]; updated: boolean } | { ok: false; why: PickersRefusal };

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** Elements that follow <dataValidations> in CT_Worksheet: ours goes before the first of them there is. */
const AFTER_VALIDATIONS = [
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

const utf8 = new TextDecoder();
const encode = (text: string) => new TextEncoder().encode(text);

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRef(ref: string): Rect | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const [l, t] = [col(m[1]), Number(m[2])];
  const [r, b] = m[3] ? [col(m[3]), Number(m[4])] : [l, t];
  return { top: Math.min(t, b), left: Math.min(l, r), bottom: Math.max(t, b), right: Math.max(l, r) };
}

const refOf = (r: Rect) => {
  const a = `${columnLetter(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${columnLetter(r.right)}${r.bottom}`;
};

/** `a` without `b`, in up to four rectangles. */
function subtract(a: Rect, b: Rect): Rect[] {
  if (a.top > b.bottom || b.top > a.bottom || a.left > b.right || b.left > a.right) return [a];
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  const out: Rect[] = [];
  if (a.top < top) out.push({ ...a, bottom: top - 1 });
  if (bottom < a.bottom) out.push({ ...a, top: bottom + 1 });
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (b.right < a.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}

/**
 * The sheet's validations with ours in: an earlier one of ours (its list is the list sheet) dropped, the user's own
 * kept but for the cells ours now covers (Excel refuses a file whose validations overlap).
 */
function withValidation(xml: string, ours: string, areas: Rect[], listSheet: string): string {
  const root = /<(\w+:)?worksheet\b/.exec(xml);
  const p = root?.[1] ?? "";
  const block = new RegExp(`<${p}dataValidations\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}dataValidations>)`).exec(xml);
  const kept: string[] = [];
  if (block?.[1]) {
    const quoted = `'${listSheet.replace(/'/g, "''")}'!`.toLowerCase();
    for (const m of block[1].matchAll(new RegExp(`<${p}dataValidation\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}dataValidation>)`, "g"))) {
      const element = m[0];
      const formula = /<(?:\w+:)?formula1>([\s\S]*?)<\/(?:\w+:)?formula1>/.exec(element)?.[1] ?? "";
      if (decodeXml(formula).toLowerCase().startsWith(quoted)) continue;
      const sqref = /\bsqref="([^"]*)"/.exec(element)?.[1] ?? "";
      const rest = sqref
        .split(/\s+/)
        .map(parseRef)
        .filter((r): r is Rect => r !== null)
        .flatMap((r) => areas.reduce<Rect[]>((left, a) => left.flatMap((x) => subtract(x, a)), [r]));
      if (rest.length) kept.push(element.replace(/\bsqref="[^"]*"/, `sqref="${rest.map(refOf).join(" ")}"`));
    }
  }
  const all = [...kept, ours.replace(/<(\/?)dataValidation\b/g, `<$1${p}dataValidation`).replace(/<(\/?)formula1>/g, `<$1${p}formula1>`)];
  const element = `<${p}dataValidations count="${all.length}">${all.join("")}</${p}dataValidations>`;
  if (block) return xml.slice(0, block.index) + element + xml.slice(block.index + block[0].length);
  const next = new RegExp(`<${p}(?:${AFTER_VALIDATIONS.join("|")})\\b|</${p}worksheet>`).exec(xml);
  if (!next) throw new Error("the sheet's XML has no end");
  return xml.slice(0, next.index) + element + xml.slice(next.index);
}

function listSheetXml(names: readonly string[]): string {
  const rows = names
    .map((n, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(n)}</t></is></c></row>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:A${names.length}"/><cols><col min="1" max="1" width="60" customWidth="1"/></cols><sheetData>${rows}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<customProperties><customPr name="${OWNED_SHEET_MARK}" r:id="rId1"/></customProperties></worksheet>`
  );
}

function freeName(taken: Set<string>, make: (n: number) => string): string {
  for (let n = 1; ; n++) if (!taken.has(make(n).toLowerCase())) return make(n);
}

/** The workbook's bytes with the list sheet and the lead column's validation; the input bytes are not touched. */
export function addPickers(
  bytes: Uint8Array,
  target: PickerTarget,
  names: readonly string[],
  lang: Lang,
  codec: ZipCodec & { inflateRaw: RawInflate },
): PickersCopy {
  if (names.length === 0) return { ok: false, why: { kind: "no-agencies" } };
  const opened = openZip(bytes, codec.inflateRaw);
  if (!opened.ok) return { ok: false, why: { kind: "cannot-reopen" } };
  const zip = opened.zip;
  const files = new Map<string, Uint8Array>();
  for (const name of zip.entries.keys()) files.set(name, zip.read(name) ?? new Uint8Array(0));
  const textOf = (name: string) => utf8.decode(files.get(name) ?? new Uint8Array(0));
  const lower = new Set([...files.keys()].map((n) => n.toLowerCase()));

  const office = [...partRelationships(zip, "").values()].find((r) => r.type.endsWith("/officeDocument"));
  const workbookPath = office?.target ?? "xl/workbook.xml";
  let workbook = textOf(workbookPath);
  const rels = partRelationships(zip, workbookPath);
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)].map((m) => {
    const a = attributes(m[1]);
    const id = [...a.entries()].find(([k]) => k.endsWith(":id"))?.[1] ?? "";
    return { name: a.get("name") ?? "", sheetId: Number(a.get("sheetId") ?? 0), part: rels.get(id)?.target ?? "" };
  });
  const table = sheets.find((s) => s.name === target.sheetName);
  if (!table || !files.has(table.part)) return { ok: false, why: { kind: "no-sheet", sheet: target.sheetName } };
  const earlier = sheets.find((s) => s.part && files.has(s.part) && isAgencyListPart(zip, s.part));

  let listSheet: string;
  let listPart: string;
  if (earlier) {
    listSheet = earlier.name;
    listPart = earlier.part;
    files.set(listPart, encode(listSheetXml(names)));
  } else {
    listSheet = uniqueSheetName(
      AGENCY_LIST_SHEET[lang],
      sheets.map((s) => s.name),
    );
    const folder = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
    listPart = freeName(lower, (n) => `${folder}worksheets/sheet${n}.xml`);
    const propertyPart = freeName(lower, (n) => `${folder}customProperty${n}.bin`);
    const relIds = new Set([...rels.keys()]);
    const relId = freeName(new Set([...relIds].map((r) => r.toLowerCase())), (n) => `rId${n}`);
    const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
    files.set(listPart, encode(listSheetXml(names)));
    const utf16 = new Uint8Array(AGENCY_LIST_MARK.length * 2);
    for (let i = 0; i < AGENCY_LIST_MARK.length; i++) utf16[i * 2] = AGENCY_LIST_MARK.charCodeAt(i);
    files.set(propertyPart, utf16);
    files.set(
      relsPathOf(listPart),
      encode(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${CUSTOM_PROPERTY_TYPE}" Target="../${propertyPart.slice(folder.length)}"/></Relationships>`,
      ),
    );
    const workbookRels = relsPathOf(workbookPath);
    const relTarget = listPart.slice(folder.length);
    files.set(
      workbookRels,
      encode(
        textOf(workbookRels).replace(
          /<\/Relationships>\s*$/,
          `<Relationship Id="${relId}" Type="${WORKSHEET_TYPE}" Target="${relTarget}"/></Relationships>`,
        ),
      ),
    );
    const prefix = /<(\w+:)?sheets\b/.exec(workbook)?.[1] ?? "";
    const relPrefix = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(workbook)?.[1];
    if (!relPrefix) return { ok: false, why: { kind: "sheet-list-unreadable" } };
    workbook = workbook.replace(
      new RegExp(`</${prefix}sheets>`),
      `<${prefix}sheet name="${escapeXml(listSheet)}" sheetId="${sheetId}" state="hidden" ${relPrefix}:id="${relId}"/></${prefix}sheets>`,
    );
    files.set(workbookPath, encode(workbook));
    const types = textOf("[Content_Types].xml").replace(
      /<\/Types>\s*$/,
      `<Override PartName="/${listPart}" ContentType="${WORKSHEET_CONTENT}"/><Override PartName="/${propertyPart}" ContentType="${CUSTOM_PROPERTY_CONTENT}"/></Types>`,
    );
    files.set("[Content_Types].xml", encode(types));
  }

  const texts = pickerTexts(lang);
  const addresses = pickerAddresses(target);
  const areas = target.areas.map((a) => ({ top: a.first, bottom: a.last, left: target.col, right: target.col }));
  const attr = (s: string) => escapeXml(s);
  const ours =
    `<dataValidation type="list" errorStyle="warning" allowBlank="1" showInputMessage="1" showErrorMessage="1"` +
    ` errorTitle="${attr(texts.errorTitle)}" error="${attr(texts.error)}" promptTitle="${attr(texts.promptTitle)}" prompt="${attr(texts.prompt)}"` +
    ` sqref="${addresses.join(" ")}"><formula1>${escapeXml(listSourceFormula(listSheet, names.length).slice(1))}</formula1></dataValidation>`;
  try {
    files.set(table.part, encode(withValidation(textOf(table.part), ours, areas, listSheet)));
  } catch (e) {
    return { ok: false, why: { kind: "error", message: (e as Error).message } };
  }
  const out = writeZip(
    [...files].map(([name, data]) => ({ name, data })),
    codec,
  );
  return { ok: true, bytes: out, listSheet, areas: addresses, updated: earlier !== undefined };
}
