/**
 * The pure helpers of src/excel: cells as rectangles and address lists, literals that keep text as text, date
 * serials, and which sheet names are the add-in's.
 */
import fc from "fast-check";
import { addressLists, areasOfCells, cellCount, cellsOf, parseAddressList } from "../../src/excel/cell-areas";
import { literal } from "../../src/excel/literals";
import { isDateFormat, serialDateText } from "../../src/core/sheet/cell-meaning";
import { ownedNames, summaryKindOf } from "../../src/excel/sheet-ownership";
import { utf8Length } from "../../src/excel/payload";
import { interpretEntry } from "../excel-host";

describe("areasOfCells", () => {
  test("a column of cells is one area; a block is one area; scattered cells stay apart", () => {
    expect(
      areasOfCells([
        [3, 2],
        [4, 2],
        [5, 2],
      ]),
    ).toEqual([{ top: 3, left: 2, bottom: 5, right: 2 }]);
    expect(
      areasOfCells([
        [1, 1],
        [1, 2],
        [2, 1],
        [2, 2],
      ]),
    ).toEqual([{ top: 1, left: 1, bottom: 2, right: 2 }]);
    expect(
      addressLists(
        areasOfCells([
          [7, 1],
          [9, 3],
          [9, 4],
        ]),
      ),
    ).toEqual(["A7,C9:D9"]);
  });

  test("the areas cover exactly the cells, without overlap, and their address lists read back the same", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 8 })), { maxLength: 300 }), (cells) => {
        const wanted = new Set(cells.map(([r, c]) => `${r}:${c}`));
        const areas = areasOfCells(cells);
        const covered = [...cellsOf(areas)].map(([r, c]) => `${r}:${c}`);
        expect(new Set(covered)).toEqual(wanted);
        expect(covered).toHaveLength(wanted.size);
        expect(cellCount(areas)).toBe(wanted.size);
        const lists = addressLists(areas, 40);
        for (const l of lists) expect(l.length).toBeLessThanOrEqual(40);
        expect(lists.flatMap((l) => parseAddressList(l) ?? [])).toEqual(areas);
      }),
    );
  });

  test("an address list that is not ours reads as null", () => {
    expect(parseAddressList("A1,Sheet1!B2")).toBeNull();
    expect(parseAddressList("B3:A1")).toBeNull();
  });
});

describe("literal", () => {
  test("every string written this way is stored as that very text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const entry = interpretEntry(literal(text), "General");
        expect(entry.formula).toBeUndefined();
        expect(entry.value).toBe(text === "" ? null : text);
      }),
    );
    for (const text of ["=1+1", "-Sở Nội vụ", "+84", "@x", "01", "TRUE", "#N/A", "12/2022", "'a"]) {
      expect(interpretEntry(literal(text), "General")).toMatchObject({ value: text });
    }
  });

  test("numbers and booleans stay numbers and booleans; null empties", () => {
    expect([literal(12.5), literal(false), literal(null), literal(Number.NaN)]).toEqual([12.5, false, "", "'NaN"]);
  });
});

describe("dates", () => {
  test("date and time formats are told from number formats", () => {
    for (const f of ["d/m/yyyy", "dd/mm/yyyy", "mmm-yy", "[$-vi-VN]d mmmm yyyy", "h:mm", "[h]:mm:ss", "YYYY"])
      expect([f, isDateFormat(f)]).toEqual([f, true]);
    for (const f of [undefined, "General", "0.0%", "#,##0", '0 "ngày"', "@", "0.00E+00", "#,##0\\ \\d"])
      expect([f, isDateFormat(f)]).toEqual([f, false]);
  });

  test("serials read as the d/m/yyyy text the xlsx reader gives", () => {
    expect(serialDateText(44927)).toBe("1/1/2023");
    expect(serialDateText(44926.999)).toBe("31/12/2022");
    expect(serialDateText(45000.75)).toBe("15/3/2023");
  });
});

describe("the add-in's sheet names", () => {
  test("are recognised in both languages, with or without a number suffix", () => {
    expect(["Danh sách lỗi (2)", "issues", "Tổng hợp cơ quan", "Timeframes (12)", "Ghi chú", "Issues 2"].map(summaryKindOf)).toEqual([
      "issues",
      "issues",
      "agencies",
      "periods",
      null,
      null,
    ]);
    expect([ownedNames(["a", "b"]), ownedNames("a"), ownedNames([1, "b"]), ownedNames(undefined)]).toEqual([["a", "b"], [], [], []]);
  });
});

test("payload sizes count Vietnamese text in UTF-8 bytes", () => {
  expect([utf8Length("abc"), utf8Length("Sở"), utf8Length("ệ"), utf8Length("😀")]).toEqual([3, 4, 3, 4]);
});
