/**
 * Writing sheet models straight to SpreadsheetML: the command line's writer for every workbook it makes (`check
 * --summary`, `consolidate`, `track`, `deadlines`, `split`, `diff`). A consolidation of two hundred replies is tens of
 * thousands of rows, which ExcelJS's object model spends seconds on. Styles come from core/output/sheet-style as
 * styles.xml; the sheet has its frozen header, column widths, filter, drop-down lists and links, and the file is
 * marked as the product's own. Every string is written as a shared string, so text from a source never becomes a
 * formula.
 */
import { CellLink, CellStyle, ListValidation, ModelCell, SheetModel, validationList } from "../core/output/sheet-model";
import { cellLook, fileUri, linkLocation, PRODUCT_MARK, SHEET_STYLES } from "../core/output/sheet-style";
import { columnLetter } from "../core/sheet/grid";
import { stylesXml } from "./styles-xml";
import { writeZip, ZipCodec } from "./zip";
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const HYPERLINK_TYPE = `${REL_NS}/hyperlink`;

// Characters XML 1.0 cannot carry (Word pastes bring vertical tabs and other control characters along), and
// surrogates without their pair.
const MAYBE_NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

function withoutNonXml(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += text[i] + text[i + 1];
        i++;
      }
      continue;
    }
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0xdc00 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) continue;
    out += text[i];
  }
  return out;
}
const ESCAPES = /[&<>"]/g;
const ESCAPED: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Excel's limit on the characters of a cell. */
const MAX_CELL_TEXT = 32767;

const MAYBE_ESCAPE = /[&<>"]/;

export function escapeXml(text: string): string {
  // Most cells need neither step; testing first spares a replace over every string of a large sheet.
  const clean = MAYBE_NOT_XML.test(text) ? withoutNonXml(text) : text;
  return MAYBE_ESCAPE.test(clean) ? clean.replace(ESCAPES, (c) => ESCAPED[c]) : clean;
}

/** Every summary style, plain and holding a link, and a plain cell holding a link: the cell formats styles.xml lists. */
const LOOKS: Array<{ style: CellStyle | undefined; linked: boolean }> = [
  ...(Object.keys(SHEET_STYLES) as CellStyle[]).flatMap((style) => [
    { style, linked: false },
    { style, linked: true },
  ]),
  { style: undefined, linked: true },
];
const STYLES = stylesXml(LOOKS.map((l) => cellLook(l.style, l.linked)));
const lookKey = (style: CellStyle | undefined, linked: boolean) => `${style ?? ""}|${linked ? "link" : ""}`;

const encoder = new TextEncoder();

/**
 * XML as bytes, written in place: a large sheet is hundreds of thousands of small pieces, and building them as
 * strings first leaves the garbage collector most of the work.
 */
class XmlBytes {
  private buf = new Uint8Array(1 << 16);
  private len = 0;
  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  /** Text known to be ASCII (markup, references, numbers). */
  ascii(text: string): this {
    this.room(text.length);
    const buf = this.buf;
    let len = this.len;
    for (let i = 0; i < text.length; i++) buf[len++] = text.charCodeAt(i);
    this.len = len;
    return this;
  }
  /** A non-negative integer's digits, without making a string of it. */
  digits(n: number): this {
    if (!Number.isSafeInteger(n) || n < 0) return this.ascii(String(n));
    let width = 1;
    for (let p = 10; p <= n; p *= 10) width++;
    this.room(width);
    let at = this.len + width;
    this.len = at;
    do {
      this.buf[--at] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
    return this;
  }
  /** Any text, already escaped, as UTF-8: long texts through TextEncoder, short ones here (a call there costs more). */
  text(text: string): this {
    this.room(text.length * 3);
    if (text.length > 24) {
      this.len += encoder.encodeInto(text, this.buf.subarray(this.len)).written;
      return this;
    }
    const buf = this.buf;
    let len = this.len;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) buf[len++] = c;
      else if (c < 0x800) {
        buf[len++] = 0xc0 | (c >> 6);
        buf[len++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
          const d = text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            i++;
            buf[len++] = 0xf0 | (c >> 18);
            buf[len++] = 0x80 | ((c >> 12) & 0x3f);
            buf[len++] = 0x80 | ((c >> 6) & 0x3f);
            buf[len++] = 0x80 | (c & 0x3f);
            continue;
          }
        }
        buf[len++] = 0xe0 | (c >> 12);
        buf[len++] = 0x80 | ((c >> 6) & 0x3f);
        buf[len++] = 0x80 | (c & 0x3f);
      }
    }
    this.len = len;
    return this;
  }
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}

class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  add(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(text, i);
      this.list.push(text);
    }
    return i;
  }
  xml(): Uint8Array {
    const out = new XmlBytes();
    out.ascii(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="${this.list.length}" uniqueCount="${this.list.length}">`,
    );
    for (const s of this.list) {
      const text = escapeXml(s.length > MAX_CELL_TEXT ? s.slice(0, MAX_CELL_TEXT) : s);
      out.ascii(PRESERVE.test(text) ? '<si><t xml:space="preserve">' : "<si><t>");
      out.text(text).ascii("</t></si>");
    }
    return out.ascii("</sst>").bytes();
  }
}

const PRESERVE = /^\s|\s$|\n/;

function sheetRef(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * A drop-down list on a column. A warning, not a stop, on other text: an officer may still write a status in their
 * own words, which the tracking reads like the listed ones. A list too long for Excel is left out.
 */
function validationXml(v: ListValidation): string {
  const list = validationList(v);
  if (list === null || v.lastRow < v.firstRow) return "";
  const col = columnLetter(v.col);
  const prompt = v.prompt ? ` showInputMessage="1" prompt="${escapeXml(v.prompt.slice(0, 255))}"` : "";
  return `<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1"${prompt} sqref="${col}${v.firstRow}:${col}${v.lastRow}"><formula1>${escapeXml(`"${list}"`)}</formula1></dataValidation>`;
}

/** The file part of a link, and the sheet-and-cell part, escaped once per distinct value: a sheet links every row. */
function linkParts(): { target(file: string): string; location(link: CellLink): string } {
  const targets = new Map<string, string>();
  const sheets = new Map<string, string>();
  return {
    target(file) {
      let t = targets.get(file);
      if (t === undefined) {
        t = escapeXml(fileUri(file));
        targets.set(file, t);
      }
      return t;
    },
    location(link) {
      let s = sheets.get(link.sheet);
      if (s === undefined) {
        s = escapeXml(linkLocation({ sheet: link.sheet, cell: "" }));
        sheets.set(link.sheet, s);
      }
      return s + escapeXml(link.cell);
    },
  };
}

function sheetXml(model: SheetModel, strings: SharedStrings): { xml: Uint8Array; rels: string | null } {
  let width = model.columnWidths.length;
  for (const r of model.rows) if (r.length > width) width = r.length;
  const letters: string[] = [];
  const cellOpen: string[] = [];
  for (let c = 1; c <= Math.max(width, 1); c++) {
    letters.push(columnLetter(c));
    cellOpen.push(`<c r="${columnLetter(c)}`);
  }
  // What follows a cell's reference, by style: text (shared string), number, or an empty styled cell.
  const tails = (s: number) => {
    const attr = s ? ` s="${s}"` : "";
    return { text: `"${attr} t="s"><v>`, number: `"${attr}><v>`, empty: s ? `"${attr}/>` : "" };
  };
  const tailOf = new Map<string, ReturnType<typeof tails>>();
  LOOKS.forEach((l, i) => tailOf.set(lookKey(l.style, l.linked), tails(STYLES.xfOf[i])));
  const plain = tails(0);

  const out = new XmlBytes();
  out.ascii(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
  const top = model.headerRow + 1;
  out.ascii(
    model.headerRow > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${model.headerRow}" topLeftCell="A${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${top}" sqref="A${top}"/></sheetView></sheetViews>`
      : `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`,
  );
  out.ascii(`<sheetFormatPr defaultRowHeight="15"/>`);
  if (model.columnWidths.length) {
    out.ascii("<cols>");
    model.columnWidths.forEach((w, i) => out.ascii(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`));
    out.ascii("</cols>");
  }
  out.ascii("<sheetData>");
  const links: Array<{ col: number; row: number; link: CellLink; display: string }> = [];
  for (let ri = 0; ri < model.rows.length; ri++) {
    const row = model.rows[ri];
    const r = String(ri + 1);
    out.ascii('<row r="').ascii(r).ascii('">');
    for (let ci = 0; ci < row.length; ci++) {
      const cell: ModelCell | undefined = row[ci];
      if (!cell) continue;
      const v = cell.value;
      const linked = cell.link !== undefined && typeof v === "string";
      const tail = cell.style || linked ? tailOf.get(lookKey(cell.style, linked))! : plain;
      if (linked) links.push({ col: ci, row: ri + 1, link: cell.link!, display: v });
      if (typeof v === "string") {
        // An empty text is an empty cell to every reader; leaving it out keeps large sheets small.
        if (v === "" && tail === plain) continue;
        out.ascii(cellOpen[ci]).ascii(r).ascii(tail.text).digits(strings.add(v)).ascii("</v></c>");
      } else if (typeof v === "number" && Number.isFinite(v)) {
        out.ascii(cellOpen[ci]).ascii(r).ascii(tail.number).ascii(String(v)).ascii("</v></c>");
      } else if (tail.empty !== "") {
        out.ascii(cellOpen[ci]).ascii(r).ascii(tail.empty);
      }
    }
    out.ascii("</row>");
  }
  out.ascii("</sheetData>");
  if (model.autoFilter && model.rows.length > model.headerRow && model.headerRow > 0) {
    out.ascii(`<autoFilter ref="A${model.headerRow}:${letters[width - 1]}${model.rows.length}"/>`);
  }
  const validations = (model.validations ?? []).map(validationXml).filter((x) => x !== "");
  if (validations.length) out.text(`<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`);
  let rels: string | null = null;
  if (links.length) {
    const parts = linkParts();
    const relParts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">`];
    out.ascii("<hyperlinks>");
    let id = 0;
    for (const l of links) {
      out.ascii('<hyperlink ref="').ascii(letters[l.col]).digits(l.row).ascii('"');
      if (l.link.file) {
        id++;
        relParts.push(`<Relationship Id="rId${id}" Type="${HYPERLINK_TYPE}" Target="${parts.target(l.link.file)}" TargetMode="External"/>`);
        out.ascii(' r:id="rId').digits(id).ascii('"');
      }
      out.ascii(' location="').text(parts.location(l.link)).ascii('" display="').text(escapeXml(l.display)).ascii('"/>');
    }
    out.ascii("</hyperlinks>");
    relParts.push("</Relationships>");
    if (id > 0) rels = relParts.join("");
  }
  out.ascii(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  out.ascii("</worksheet>");
  return { xml: out.bytes(), rels };
}

/** An .xlsx holding the given sheets in order, marked as written by the product. */
export function xlsxOfModels(models: readonly SheetModel[], codec: ZipCodec, date = new Date()): Uint8Array {
  const strings = new SharedStrings();
  const files: Array<{ name: string; data: Uint8Array }> = [];
  const put = (name: string, xml: string) => files.push({ name, data: encoder.encode(xml) });

  const sheetEntries: string[] = [];
  const definedNames: string[] = [];
  const sheetParts: Array<{ xml: Uint8Array; rels: string | null }> = [];
  models.forEach((m, i) => {
    const part = sheetXml(m, strings);
    sheetParts.push(part);
    sheetEntries.push(`<sheet name="${escapeXml(m.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
    if (m.autoFilter && m.rows.length > m.headerRow && m.headerRow > 0) {
      let width = m.columnWidths.length;
      for (const r of m.rows) if (r.length > width) width = r.length;
      definedNames.push(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(sheetRef(m.name))}!$A$${m.headerRow}:$${columnLetter(width)}$${m.rows.length}</definedName>`,
      );
    }
  });

  const n = models.length;
  put(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${models
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join(
        "",
      )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
  );
  put(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  );
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  put(
    "docProps/core.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${PRODUCT_MARK}</dc:creator><cp:lastModifiedBy>${PRODUCT_MARK}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`,
  );
  put(
    "docProps/app.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company>${PRODUCT_MARK}</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`,
  );
  put(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr defaultThemeVersion="164011"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets>${sheetEntries.join("")}</sheets>${
      definedNames.length ? `<definedNames>${definedNames.join("")}</definedNames>` : ""
    }<calcPr calcId="171027"/></workbook>`,
  );
  put(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">${models
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join(
        "",
      )}<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  sheetParts.forEach((p, i) => {
    files.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: p.xml });
    if (p.rels) put(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, p.rels);
  });
  put("xl/styles.xml", STYLES.xml);
  files.push({ name: "xl/sharedStrings.xml", data: strings.xml() });
  return writeZip(files, codec, date);
}
