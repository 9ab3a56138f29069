/**
 * The style specification (core/output/sheet-style) as SpreadsheetML's styles.xml: one cell format (xf) per distinct
 * style, its font, fill, border and number format each listed once. Cell format 0 is the plain cell.
 */
import { BASE_FONT, FontSpec, StyleSpec } from "../core/output/sheet-style";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Number formats Excel knows by id; any other is declared in the file from id 164. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10 };

function attr(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

function fontXml(font: FontSpec): string {
  return `<font>${font.bold ? "<b/>" : ""}${font.italic ? "<i/>" : ""}${font.underline ? "<u/>" : ""}<sz val="${font.size ?? BASE_FONT.size}"/>${
    font.color ? `<color rgb="FF${font.color}"/>` : ""
  }<name val="${BASE_FONT.name}"/><family val="2"/></font>`;
}

function fillXml(color: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="FF${color}"/><bgColor indexed="64"/></patternFill></fill>`;
}

const THIN_BORDER = `<border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border>`;

/** Entries listed once each, by their XML: index 0.. in the order first met. */
class Listed {
  readonly items: string[];
  constructor(first: string[]) {
    this.items = [...first];
  }
  of(xml: string): number {
    const at = this.items.indexOf(xml);
    if (at >= 0) return at;
    this.items.push(xml);
    return this.items.length - 1;
  }
  xml(tag: string): string {
    return `<${tag} count="${this.items.length}">${this.items.join("")}</${tag}>`;
  }
}

export interface StylesXml {
  xml: string;
  /** The cell format (the `s` of a cell) of each spec given, in their order; 0 for a spec that changes nothing. */
  xfOf: number[];
}

export function stylesXml(specs: readonly StyleSpec[]): StylesXml {
  const fonts = new Listed([fontXml({})]);
  const fills = new Listed(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  const borders = new Listed(["<border><left/><right/><top/><bottom/><diagonal/></border>"]);
  const custom: string[] = [];
  const xfs = new Listed(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  const xfOf = specs.map((spec) => {
    const fontId = fonts.of(fontXml(spec.font ?? {}));
    const fillId = spec.fill ? fills.of(fillXml(spec.fill)) : 0;
    const borderId = spec.border ? borders.of(THIN_BORDER) : 0;
    let numFmtId = 0;
    if (spec.numberFormat !== undefined) {
      numFmtId = BUILTIN_FORMATS[spec.numberFormat] ?? -1;
      if (numFmtId < 0) {
        if (!custom.includes(spec.numberFormat)) custom.push(spec.numberFormat);
        numFmtId = 164 + custom.indexOf(spec.numberFormat);
      }
    }
    const a = spec.alignment;
    const alignment = a
      ? `<alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ""}${a.vertical ? ` vertical="${a.vertical}"` : ""}${a.wrap ? ' wrapText="1"' : ""}/>`
      : "";
    const applied = [
      numFmtId ? ' applyNumberFormat="1"' : "",
      fontId ? ' applyFont="1"' : "",
      fillId ? ' applyFill="1"' : "",
      borderId ? ' applyBorder="1"' : "",
      alignment ? ' applyAlignment="1"' : "",
    ].join("");
    if (applied === "") return 0;
    const open = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
    return xfs.of(alignment ? `${open}>${alignment}</xf>` : `${open}/>`);
  });
  const numFmts = custom.length
    ? `<numFmts count="${custom.length}">${custom.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${attr(f)}"/>`).join("")}</numFmts>`
    : "";
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">${numFmts}${fonts.xml("fonts")}${fills.xml("fills")}${borders.xml("borders")}` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>${xfs.xml("cellXfs")}` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  return { xml, xfOf };
}
