import { nativeDecodeUtf8 } from "../../src/xlsx/native-text";

const reference = new TextDecoder("utf-8");
const bytesOf = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "utf8")] : p)));

// The native decoder must read every part exactly as TextDecoder does, or the command line and the pane would see
// different tables in the same file.
describe("nativeDecodeUtf8", () => {
  const cases: [string, Uint8Array][] = [
    ["empty", new Uint8Array(0)],
    ["ASCII XML", bytesOf('<sst count="2"><si><t>UBND</t></si></sst>')],
    ["Vietnamese", bytesOf("<t>Sở Kế hoạch và Đầu tư chủ trì; Quý IV/2022, thường xuyên</t>")],
    ["combining marks", bytesOf("Sở Tài nguyên và Môi trường".normalize("NFD"))],
    ["astral and emoji", bytesOf("𠀀 chữ Nôm 𡨸 and 📅 deadline")],
    ["byte order mark then Vietnamese", bytesOf([0xef, 0xbb, 0xbf], "Ủy ban nhân dân tỉnh")],
    ["byte order mark then ASCII", bytesOf([0xef, 0xbb, 0xbf], "<x/>")],
    ["byte order mark only", bytesOf([0xef, 0xbb, 0xbf])],
    ["truncated sequence", bytesOf("Đoàn ra", [0xe1, 0xbb])],
    ["invalid lead byte", bytesOf("Bộ ", [0xff], " Ngoại giao")],
    ["overlong encoding", bytesOf("a", [0xc0, 0xaf], "b")],
    ["lone surrogate encoded", bytesOf("x", [0xed, 0xa0, 0x80], "y")],
    ["a second byte order mark kept", bytesOf([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], "Sở")],
  ];

  it.each(cases)("reads %s as TextDecoder does", (_name, bytes) => {
    expect(nativeDecodeUtf8(bytes)).toBe(reference.decode(bytes));
  });

  it("reads a view into a larger buffer without the bytes around it", () => {
    const whole = bytesOf("xxxx", "Phối hợp: Công an tỉnh", "yyyy");
    const view = whole.subarray(4, whole.length - 4);
    expect(nativeDecodeUtf8(view)).toBe("Phối hợp: Công an tỉnh");
  });

  it("reads a large mixed text identically", () => {
    const row = "<si><t>Triển khai kế hoạch số 12/KH-UBND; Sở Ngoại vụ, Công an tỉnh; Quý II/2026</t></si>";
    const bytes = bytesOf(row.repeat(20_000));
    const text = nativeDecodeUtf8(bytes);
    expect(text.length).toBe(row.length * 20_000);
    expect(text).toBe(reference.decode(bytes));
  });
});
