"""
Builds the officer-workbook reconstructions of test/fixtures/real (issue 11) as .xlsx, written by LibreOffice:
the real cell text of the corpus TSVs laid out the way officers keep the workbook — a title and a subtitle merged
across, a blank row, the header (over two rows where the original had two, its cells merged down and its parent
merged across), section rows merged across, line breaks inside cells, numbers as numbers, a day typed as "31/5" as
the date Excel makes of it, one sheet per table. The stored corpora hold text only, so the officers' own binary files
cannot be had; these are reconstructions, said so in truths.json.

Run: python3 bench/workbooks/build-officer-workbooks.py   (needs LibreOffice: soffice --headless)
"""
import os, re, subprocess, sys, tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = os.path.join(HERE, "..", "..", "test", "fixtures", "real")


def rows_of(tsv):
    lines = open(os.path.join(REAL, tsv), encoding="utf8").read().split("\n")
    rows = [l.split("\t") for l in lines[1:] if l.strip() != ""]
    return [[c.replace("\\n", "\n").replace("<br>", "\n") for c in r] for r in rows]


def cell_xml(text, span=(1, 1), style="wrap", date_year=None):
    attrs = f' table:style-name="{style}"'
    if span[1] > 1:
        attrs += f' table:number-columns-spanned="{span[1]}"'
    if span[0] > 1:
        attrs += f' table:number-rows-spanned="{span[0]}"'
    if text == "":
        return f"<table:table-cell{attrs}/>"
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})", text)
    if date_year and m:
        iso = f"{date_year}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
        spans = attrs.replace(' table:style-name="wrap"', "")
        return f'<table:table-cell table:style-name="day" office:value-type="date" office:date-value="{iso}"{spans}><text:p>{escape(text)}</text:p></table:table-cell>'
    if re.fullmatch(r"\d{1,4}", text):
        return f'<table:table-cell{attrs} office:value-type="float" office:value="{int(text)}"><text:p>{text}</text:p></table:table-cell>'
    paras = "".join(f"<text:p>{escape(p)}</text:p>" for p in text.split("\n"))
    return f'<table:table-cell{attrs} office:value-type="string">{paras}</table:table-cell>'


def sheet_xml(name, title, subtitle, rows, header_rows, section_merge=None, date_year=None):
    """rows: the TSV rows from the header on; header_rows: 1 or 2; section_merge(row) -> (first, last) cols to merge."""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    grid = []  # list of (cells) where each cell is (text, rowspan, colspan) or None for covered
    grid.append([(title, 1, width, "title")] + [None] * (width - 1))
    grid.append([(subtitle, 1, width, "subtitle")] + [None] * (width - 1))
    grid.append([("", 1, 1, "wrap")] * width)
    if header_rows == 2:
        top, sub = rows[0], rows[1]
        hrow = [None] * width
        srow = [None] * width
        c = 0
        while c < width:
            end = c + 1
            while top[c] != "" and end < width and top[end] == "" and sub[end] != "":
                end += 1
            if end > c + 1:  # a parent over the sub-columns named in the row below
                hrow[c] = (top[c], 1, end - c, "head")
                for k in range(c, end):
                    srow[k] = (sub[k], 1, 1, "head")
                c = end
                continue
            if top[c] != "" and sub[c] == "":
                hrow[c] = (top[c], 2, 1, "head")
            elif top[c] == "" and sub[c] == "":
                hrow[c] = ("", 2, 1, "head")
            else:
                hrow[c] = (top[c], 1, 1, "head")
                srow[c] = (sub[c], 1, 1, "head")
            c += 1
        grid.append(hrow)
        grid.append(srow)
        body = rows[2:]
    else:
        grid.append([(t, 1, 1, "head") for t in rows[0]])
        body = rows[1:]
    for r in body:
        merge = section_merge(r) if section_merge else None
        out = []
        c = 0
        while c < width:
            if merge and c == merge[0]:
                out.append((r[c], 1, merge[1] - merge[0] + 1, "section"))
                out.extend([None] * (merge[1] - merge[0]))
                c = merge[1] + 1
                continue
            out.append((r[c], 1, 1, "wrap"))
            c += 1
        grid.append(out)
    xml = [f'<table:table table:name="{escape(name)}">', f'<table:table-column table:number-columns-repeated="{width}" table:style-name="col"/>']
    for i, row in enumerate(grid):
        xml.append("<table:table-row>")
        for j, cell in enumerate(row):
            above = i > 0 and any(
                grid[k][j] is not None and grid[k][j][1] > i - k for k in range(max(0, i - 3), i)
            )
            if cell is None or above:
                xml.append("<table:covered-table-cell/>")
                continue
            text, rs, cs, style = cell
            xml.append(cell_xml(text, (rs, cs), style, date_year if style == "wrap" else None))
        xml.append("</table:table-row>")
    xml.append("</table:table>")
    return "\n".join(xml)


STYLES = """<office:automatic-styles>
<number:date-style style:name="ddmm"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/></number:date-style>
<style:style style:name="col" style:family="table-column"><style:table-column-properties style:column-width="4cm"/></style:style>
<style:style style:name="wrap" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="middle"/></style:style>
<style:style style:name="day" style:family="table-cell" style:data-style-name="ddmm"><style:table-cell-properties style:vertical-align="middle"/></style:style>
<style:style style:name="head" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="middle" fo:background-color="#d9e1f2"/><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="section" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" fo:background-color="#f2f2f2"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="title" style:family="table-cell"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold" fo:font-size="14pt"/></style:style>
<style:style style:name="subtitle" style:family="table-cell"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-style="italic"/></style:style>
</office:automatic-styles>"""


def document(sheets):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
        'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2" '
        'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">\n'
        + STYLES
        + "\n<office:body><office:spreadsheet>\n"
        + "\n".join(sheets)
        + "\n</office:spreadsheet></office:body></office:document>\n"
    )


WP = re.compile(r"^WP\d+$")

WORKBOOKS = {
    "angiang_stp-2026_theo-doi-vbqppl.xlsx": [
        ("NQ can xu ly", "angiang_stp-2026_nq-can-xu-ly.tsv", "Nghị quyết HĐND cần xử lý"),
        ("QD UBND can xu ly", "angiang_stp-2026_qd-ubnd-can-xu-ly.tsv", "Quyết định UBND cần xử lý"),
        ("QD UBND da xu ly", "angiang_stp-2026_qd-ubnd-da-xu-ly.tsv", "Quyết định UBND đã xử lý"),
    ],
    "ptsc-quangngai_kh-2026_data-platform.xlsx": [
        ("WBS", "ptsc-quangngai_kh-2026_wbs-data-platform.tsv", "Bảng chi tiết công việc từng work package"),
        ("5 nhiem vu TCT", "ptsc-quangngai_kh-2026_5-nhiem-vu-tct.tsv", "5 nhiệm vụ TCT giao trực tiếp cho các Phòng ban"),
    ],
    "contact-center_kh-2026_giai-doan-ai-agent.xlsx": [
        ("Giai doan", "contact-center_kh-2026_giai-doan-ai-agent.tsv", "Chi tiết các giai đoạn"),
    ],
}
TITLES = {
    "angiang_stp-2026_theo-doi-vbqppl.xlsx": "THEO DÕI TIẾN ĐỘ BAN HÀNH VĂN BẢN QUY PHẠM PHÁP LUẬT NĂM 2026",
    "ptsc-quangngai_kh-2026_data-platform.xlsx": "KẾ HOẠCH HÀNH ĐỘNG TRIỂN KHAI NỀN TẢNG DỮ LIỆU",
    "contact-center_kh-2026_giai-doan-ai-agent.xlsx": "KẾ HOẠCH TRIỂN KHAI AI AGENT CHO CONTACT CENTER",
}


def build(out_dir):
    for book, sheets in WORKBOOKS.items():
        xml = []
        for name, tsv, subtitle in sheets:
            rows = rows_of(tsv)
            two = len(rows) > 1 and rows[1][0] == "" and rows[1][1] == "" and any(rows[1][2:])
            merge = (lambda r: (1, 4) if WP.match(r[0]) else None) if "wbs" in tsv else None
            xml.append(sheet_xml(name, TITLES[book], subtitle, rows, 2 if two else 1, merge, 2026 if "contact" in tsv else None))
        with tempfile.TemporaryDirectory() as tmp:
            fods = os.path.join(tmp, book.replace(".xlsx", ".fods"))
            open(fods, "w", encoding="utf8").write(document(xml))
            subprocess.run(["soffice", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out_dir, fods], check=True, capture_output=True)
        print("wrote", os.path.join(out_dir, book))


if __name__ == "__main__":
    build(sys.argv[1] if len(sys.argv) > 1 else REAL)
