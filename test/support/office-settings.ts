/**
 * A workbook with document settings stored the way Excel stores an add-in's settings: a web extension part
 * (xl/webextensions/webextension1.xml, [MS-OWEXML] 2.2.3) whose we:properties hold one we:property per setting,
 * its value the setting serialised as JSON; a task pane part (taskpanes.xml) pointing at it, reached from the
 * package's root relationships; both declared in [Content_Types].xml.
 */
import zlib from "zlib";
import { openZip, writeZip } from "../../src/xlsx/zip";

const MANIFEST_ID = "a84f2fa2-e3d1-41af-a297-774a716e3227";

const xmlAttr = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function withDocumentSettings(xlsx: Uint8Array, settings: Record<string, unknown>): Uint8Array {
  const opened = openZip(xlsx, (b) => zlib.inflateRawSync(b));
  if (!opened.ok) throw new Error("not a zip");
  const zip = opened.zip;
  const files = new Map<string, Uint8Array>();
  for (const name of zip.entries.keys()) files.set(name, zip.read(name)!);
  const text = (name: string) => new TextDecoder().decode(files.get(name)!);
  const put = (name: string, body: string) => files.set(name, new TextEncoder().encode(body));

  const properties = Object.entries(settings)
    .map(([name, value]) => `<we:property name="${xmlAttr(name)}" value="${xmlAttr(JSON.stringify(value))}"/>`)
    .join("");
  put(
    "xl/webextensions/webextension1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
      `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{8C1B6E02-5A0C-4F4B-9F0E-6B1B3F1C2D11}">` +
      `<we:reference id="${MANIFEST_ID}" version="0.1.0.0" store="developer" storeType="Registry"/><we:alternateReferences/>` +
      `<we:properties>${properties}</we:properties><we:bindings/>` +
      `<we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`,
  );
  put(
    "xl/webextensions/taskpanes.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
      `<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">` +
      `<wetp:taskpane dockstate="right" visibility="0" width="350" row="0">` +
      `<wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>` +
      `</wetp:taskpane></wetp:taskpanes>`,
  );
  put(
    "xl/webextensions/_rels/taskpanes.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/>` +
      `</Relationships>`,
  );
  put(
    "_rels/.rels",
    text("_rels/.rels").replace(
      "</Relationships>",
      `<Relationship Id="rIdWe1" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/></Relationships>`,
    ),
  );
  put(
    "[Content_Types].xml",
    text("[Content_Types].xml").replace(
      "</Types>",
      `<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>` +
        `<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/></Types>`,
    ),
  );
  return writeZip(
    [...files].map(([name, data]) => ({ name, data })),
    { deflateRaw: (b) => zlib.deflateRawSync(b) },
  );
}
