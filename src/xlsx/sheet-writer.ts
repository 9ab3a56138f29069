/**
 * Writing sheet models straight to SpreadsheetML, for outputs too large for ExcelJS's object model (a consolidation
 * of two hundred replies is tens of thousands of rows; ExcelJS spends seconds on them). It renders what the ExcelJS
 * writer renders — styles, frozen header, column widths, filter, links — and marks the file as the product's own.
 * Every string is written as a shared string, so text from a source never becomes a formula.
 */
import { CellLink, CellStyle, ListValidation, ModelCell, SheetModel, StreamedSheetModel, validationList } from "../core/output/sheet-model";
import { cellLook, fileUri, linkLocation, PRODUCT_MARK, SHEET_STYLES } from "../core/output/sheet-style";
import { columnLetter } from "../core/sheet/grid";
import { stylesXml } from "./styles-xml";
import { XmlBytes } from "./xml-bytes";
import { escapeXml, MAX_CELL_TEXT, PRESERVE } from "./xml-text";

export { escapeXml } from "./xml-text";
import { ZipCodec, ZipWriter } from "./zip";
import { concat } from "./zip-writer";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const HYPERLINK_TYPE = `${REL_NS}/hyperlink`;

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

function sheetRef(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
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

/** The frame of a sheet: everything but its rows. */
export interface SheetFrame {
  name: string;
  columnWidths: number[];
  headerRow: number;
  autoFilter: boolean;
  /** Drop-down lists to offer in a column (1-based rows and column). */
  validations?: ListValidation[];
}

/**
 * A sheet made while it is written (core's StreamedSheetModel, whose kind the writer has no use for). Its texts are
 * written inline (inlineStr), so they are not kept for a shared-string table either.
 */
export type StreamedSheet = SheetFrame & Pick<StreamedSheetModel, "rows">;

/** XML is handed on in pieces of about this size. */
const PIECE = 1 << 18;

/**
 * Bytes set aside while a sheet is written and handed back in order at its end: a sheet's links follow its cells
 * in the XML, and a consolidated sheet of a million rows has a million of them. The command line keeps them in a
 * temporary file; the default keeps them in memory.
 */
export interface ByteSpill {
  write(bytes: Uint8Array): void;
  /** Every byte written, in order, to `sink`; the spill is empty afterwards. */
  drain(sink: (bytes: Uint8Array) => void): void;
}

function memorySpill(): ByteSpill {
  let parts: Uint8Array[] = [];
  return {
    write: (b) => parts.push(b),
    drain(sink) {
      for (const p of parts) sink(p);
      parts = [];
    },
  };
}

/**
 * A worksheet's XML written row by row to `out` in pieces. Texts go to the shared strings when given, else inline.
 * Hyperlinks are gathered as XML (they follow the cells) with one relationship per linked file.
 */
class SheetXmlWriter {
  private readonly out = new XmlBytes();
  private readonly links = new XmlBytes();
  private linksSpilled = false;
  private readonly targets = new Map<string, number>();
  private readonly linkParts = linkParts();
  private readonly cellOpen: string[] = [];
  private readonly tailOf = new Map<string, { text: string; number: string; empty: string }>();
  private readonly plain: { text: string; number: string; empty: string };
  private linkCount = 0;
  rowCount = 0;
  width: number;

  constructor(
    private readonly frame: SheetFrame,
    private readonly strings: SharedStrings | null,
    private readonly sink: (bytes: Uint8Array) => void,
    private readonly spill: ByteSpill,
  ) {
    this.width = frame.columnWidths.length;
    // What follows a cell's reference, by style: text (shared or inline), number, or an empty styled cell.
    const tails = (st: number) => {
      const attr = st ? ` s="${st}"` : "";
      return {
        text: strings ? `"${attr} t="s"><v>` : `"${attr} t="inlineStr"><is><t`,
        number: `"${attr}><v>`,
        empty: st ? `"${attr}/>` : "",
      };
    };
    LOOKS.forEach((l, i) => this.tailOf.set(lookKey(l.style, l.linked), tails(STYLES.xfOf[i])));
    this.plain = tails(0);
    const out = this.out;
    out.ascii(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
    const top = frame.headerRow + 1;
    out.ascii(
      frame.headerRow > 0
        ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${frame.headerRow}" topLeftCell="A${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${top}" sqref="A${top}"/></sheetView></sheetViews>`
        : `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`,
    );
    out.ascii(`<sheetFormatPr defaultRowHeight="15"/>`);
    if (frame.columnWidths.length) {
      out.ascii("<cols>");
      frame.columnWidths.forEach((w, i) => out.ascii(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`));
      out.ascii("</cols>");
    }
    out.ascii("<sheetData>");
  }

  private opening(ci: number): string {
    while (this.cellOpen.length <= ci) this.cellOpen.push(`<c r="${columnLetter(this.cellOpen.length + 1)}`);
    return this.cellOpen[ci];
  }

  row(row: readonly (ModelCell | undefined)[]): void {
    const out = this.out;
    const rowNumber = ++this.rowCount;
    if (row.length > this.width) this.width = row.length;
    const r = String(rowNumber);
    out.ascii('<row r="').ascii(r).ascii('">');
    for (let ci = 0; ci < row.length; ci++) {
      const cell = row[ci];
      if (!cell) continue;
      const v = cell.value;
      const linked = cell.link !== undefined && typeof v === "string";
      const tail = cell.style || linked ? this.tailOf.get(lookKey(cell.style, linked))! : this.plain;
      if (linked) this.link(ci, rowNumber, cell.link!, v as string);
      if (typeof v === "string") {
        // An empty text is an empty cell to every reader; leaving it out keeps large sheets small.
        if (v === "" && tail === this.plain) continue;
        out.ascii(this.opening(ci)).ascii(r).ascii(tail.text);
        if (this.strings) out.digits(this.strings.add(v)).ascii("</v></c>");
        else {
          const text = escapeXml(v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT) : v);
          out
            .ascii(PRESERVE.test(text) ? ' xml:space="preserve">' : ">")
            .text(text)
            .ascii("</t></is></c>");
        }
      } else if (typeof v === "number" && Number.isFinite(v)) {
        out.ascii(this.opening(ci)).ascii(r).ascii(tail.number).ascii(String(v)).ascii("</v></c>");
      } else if (tail.empty !== "") {
        out.ascii(this.opening(ci)).ascii(r).ascii(tail.empty);
      }
    }
    out.ascii("</row>");
    if (out.size >= PIECE) out.handTo(this.sink);
  }

  private link(col: number, row: number, link: CellLink, display: string): void {
    const l = this.links;
    l.ascii('<hyperlink ref="').ascii(this.opening(col).slice(6)).digits(row).ascii('"');
    if (link.file) {
      // One relationship per file linked to: a consolidation links every row to one of a few hundred replies.
      let id = this.targets.get(link.file);
      if (id === undefined) {
        id = this.targets.size + 1;
        this.targets.set(link.file, id);
      }
      l.ascii(' r:id="rId').digits(id).ascii('"');
    }
    l.ascii(' location="').text(this.linkParts.location(link)).ascii('" display="').text(escapeXml(display)).ascii('"/>');
    this.linkCount++;
    if (l.size >= PIECE) {
      this.spill.write(l.take());
      this.linksSpilled = true;
    }
  }

  /** The rest of the sheet; the relationships of its links, when any points to a file. */
  end(): string | null {
    const out = this.out;
    const frame = this.frame;
    out.ascii("</sheetData>");
    if (hasFilter(frame, this.rowCount))
      out.ascii(`<autoFilter ref="A${frame.headerRow}:${columnLetter(Math.max(this.width, 1))}${this.rowCount}"/>`);
    const validations = (frame.validations ?? []).map(validationXml).filter((x) => x !== "");
    if (validations.length) out.text(`<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`);
    if (this.linkCount > 0) {
      out.ascii("<hyperlinks>");
      out.handTo(this.sink);
      if (this.linksSpilled) this.spill.drain(this.sink);
      this.sink(this.links.take());
      out.ascii("</hyperlinks>");
    }
    out.ascii(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
    out.ascii("</worksheet>");
    out.handTo(this.sink);
    if (this.targets.size === 0) return null;
    const rels: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">`];
    for (const [file, id] of this.targets)
      rels.push(`<Relationship Id="rId${id}" Type="${HYPERLINK_TYPE}" Target="${this.linkParts.target(file)}" TargetMode="External"/>`);
    rels.push("</Relationships>");
    return rels.join("");
  }
}

function hasFilter(frame: SheetFrame, rows: number): boolean {
  return frame.autoFilter && rows > frame.headerRow && frame.headerRow > 0;
}

function isStreamed(sheet: SheetModel | StreamedSheet): sheet is StreamedSheet {
  return typeof (sheet as StreamedSheet).rows === "function";
}

/** An .xlsx holding the given sheets in order, marked as written by the product. */
export function xlsxOfModels(models: readonly SheetModel[], codec: ZipCodec, date = new Date()): Uint8Array {
  const parts: Uint8Array[] = [];
  writeXlsx(models, new ZipWriter((b) => parts.push(b), codec, date), date);
  return concat(parts);
}

/**
 * The workbook of the given sheets written into `zip` and finished: sheet models (texts as shared strings) and
 * streamed sheets (rows made as they are written, texts inline), each sheet's XML handed on in pieces.
 */
export function writeXlsx(
  sheets: ReadonlyArray<SheetModel | StreamedSheet>,
  zip: ZipWriter,
  date = new Date(),
  spill: ByteSpill = memorySpill(),
): void {
  const strings = new SharedStrings();
  const put = (name: string, xml: string) => zip.add(name, encoder.encode(xml));

  const n = sheets.length;
  put(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
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

  // The sheets first: a sheet's filter range (a defined name of the workbook part) is known once its rows are written.
  const sheetEntries: string[] = [];
  const definedNames: string[] = [];
  sheets.forEach((sheet, i) => {
    const part = zip.stream(`xl/worksheets/sheet${i + 1}.xml`);
    const writer = new SheetXmlWriter(sheet, isStreamed(sheet) ? null : strings, (b) => part.write(b), spill);
    if (isStreamed(sheet)) sheet.rows((cells) => writer.row(cells));
    else for (const r of sheet.rows) writer.row(r);
    const rels = writer.end();
    part.close();
    if (rels) put(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, rels);
    sheetEntries.push(`<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
    if (hasFilter(sheet, writer.rowCount)) {
      definedNames.push(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(sheetRef(sheet.name))}!$A$${sheet.headerRow}:$${columnLetter(Math.max(writer.width, 1))}$${writer.rowCount}</definedName>`,
      );
    }
  });
  put(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr defaultThemeVersion="164011"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets>${sheetEntries.join("")}</sheets>${
      definedNames.length ? `<definedNames>${definedNames.join("")}</definedNames>` : ""
    }<calcPr calcId="171027"/></workbook>`,
  );
  put(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join(
        "",
      )}<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  put("xl/styles.xml", STYLES.xml);
  zip.add("xl/sharedStrings.xml", strings.xml());
  zip.finish();
}
