/** @jest-environment jsdom */
/**
 * The pane's typing help (issue 16) in jsdom: the agency picker on its own (search with and without diacritics,
 * several names, groups, the keyboard), then in the pane on the seed appendix — the picker writing D7,
 * "Chuẩn hóa tên cơ quan" with its preview and undo, and the timeframe fixes of an unreadable timeframe.
 */
import "./jsdom-globals";
import "@testing-library/jest-dom";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { defaultDirectory } from "../../src/core/agencies/default-directory";
import { planNormalisation } from "../../src/core/agencies/normalise";
import { cellAddress } from "../../src/core/sheet/grid";
import { AgencyPicker } from "../../src/taskpane/agency-picker";
import type { AgencyJoin } from "../../src/core/agencies/agency-joining";
import type { ExcelHost } from "../excel-host";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";
import { actionable, checkNow, hostFromXlsx, panePerTest, switchLanguage } from "./pane-harness";

const SEED = "Phụ lục";

describe("the agency picker", () => {
  function renderPicker(join?: AgencyJoin) {
    const onWrite = jest.fn();
    const view = render(
      <FluentProvider theme={webLightTheme}>
        <AgencyPicker lang="vi" directory={defaultDirectory()} join={join} busy={false} onWrite={onWrite} />
      </FluentProvider>,
    );
    return { onWrite, view };
  }
  const search = (text: string) => fireEvent.change(screen.getByTestId("picker-search"), { target: { value: text } });
  const option = (name: string) => screen.getAllByTestId("picker-option").find((el) => el.dataset.name === name)!;
  const optionNames = (group: string) =>
    within(screen.getByTestId(group))
      .getAllByTestId("picker-option")
      .map((el) => el.dataset.name);

  it("finds agencies typed with or without diacritics, and writes several in the order ticked", () => {
    const { onWrite } = renderPicker();
    search("ke hoach");
    expect(optionNames("picker-agencies")[0]).toBe("Sở Kế hoạch và Đầu tư");
    search("Kế Hoạch");
    expect(optionNames("picker-agencies")[0]).toBe("Sở Kế hoạch và Đầu tư");
    fireEvent.click(option("Sở Kế hoạch và Đầu tư"));
    search("cong thuong");
    expect(optionNames("picker-agencies")).toEqual(expect.arrayContaining(["Sở Công Thương", "Bộ Công Thương"]));
    fireEvent.click(option("Sở Công Thương"));
    expect(screen.getAllByTestId("picker-chosen").map((b) => b.textContent)).toEqual(["Sở Kế hoạch và Đầu tư ✕", "Sở Công Thương ✕"]);
    expect(screen.getByTestId("picker-preview")).toHaveTextContent("Sở Kế hoạch và Đầu tư; Sở Công Thương");
    fireEvent.click(screen.getByTestId("picker-write"));
    expect(onWrite).toHaveBeenCalledWith("Sở Kế hoạch và Đầu tư; Sở Công Thương");
  });

  it("offers the directory's groups as groups, apart from agencies", () => {
    renderPicker();
    search("so ban nganh");
    const groups = within(screen.getByTestId("picker-groups")).getAllByTestId("picker-option");
    expect(groups.map((g) => g.dataset.kind)).toEqual(groups.map(() => "group"));
    expect(groups.map((g) => g.dataset.name)).toEqual(expect.arrayContaining(["Các sở, ban, ngành", "Các sở, ban, ngành liên quan"]));
    expect(screen.queryByTestId("picker-agencies")).toBeNull();
    fireEvent.click(option("Các sở, ban, ngành liên quan"));
    search("");
    // A blank search lists the groups first, then the agencies.
    expect(optionNames("picker-groups").length).toBeGreaterThan(3);
    expect(option("Các sở, ban, ngành liên quan")).toBeChecked();
    expect(screen.getByTestId("picker-preview")).toHaveTextContent("Các sở, ban, ngành liên quan");
  });

  it("takes the first match on Enter, unticks from the chosen list, and joins one per line where the table does", () => {
    const { onWrite } = renderPicker({ separator: "\n", bullet: "- " });
    const box = screen.getByTestId("picker-search");
    search("so y te");
    fireEvent.keyDown(box, { key: "Enter" });
    search("GD&ĐT");
    fireEvent.keyDown(box, { key: "Enter" });
    search("tu phap");
    fireEvent.keyDown(box, { key: "Enter" });
    expect((box as HTMLInputElement).value).toBe("");
    fireEvent.click(screen.getByRole("button", { name: "Bỏ chọn Sở Giáo dục và Đào tạo" }));
    fireEvent.click(screen.getByTestId("picker-write"));
    expect(onWrite).toHaveBeenCalledWith("- Sở Y tế\n- Sở Tư pháp");
  });

  it("says when nothing matches, and cannot write an empty choice", () => {
    const { onWrite } = renderPicker();
    search("zzqx");
    expect(screen.getByTestId("picker-none")).toBeInTheDocument();
    fireEvent.click(screen.getByTestId("picker-write"));
    expect(onWrite).not.toHaveBeenCalled();
  });
});

const panes = panePerTest();

async function seedPane(edit?: (host: ExcelHost) => void): Promise<ExcelHost> {
  const host = await hostFromXlsx(SEED_APPENDIX_XLSX);
  edit?.(host);
  await panes.mount(host);
  return host;
}

const values = (host: ExcelHost) => host.sheet(SEED).values();

describe("the picker in the pane", () => {
  it("writes “Sở Kế hoạch và Đầu tư; Sở Công Thương” into D7 of the seed appendix, and undoes it", async () => {
    const host = await seedPane();
    await checkNow();
    const before = values(host);
    host.selection = `'${SEED}'!D7`;
    fireEvent.click(screen.getByTestId("picker-open"));
    for (const [query, name] of [
      ["ke hoach dau tu", "Sở Kế hoạch và Đầu tư"],
      ["Công Thương", "Sở Công Thương"],
    ]) {
      fireEvent.change(screen.getByTestId("picker-search"), { target: { value: query } });
      fireEvent.click(screen.getAllByTestId("picker-option").find((el) => el.dataset.name === name)!);
    }
    fireEvent.click(screen.getByTestId("picker-write"));
    await waitFor(() => expect(host.sheet(SEED).cell("D7").value).toBe("Sở Kế hoạch và Đầu tư; Sở Công Thương"));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("Đã ghi vào ô D7"));
    const after = values(host);
    after.forEach((row, r) => row.forEach((v, c) => (r === 6 && c === 3 ? undefined : expect(v).toBe(before[r][c]))));
    // The pane wrote it: the result is current, not out of date.
    expect(screen.queryByTestId("stale")).toBeNull();
    fireEvent.click(screen.getByTestId("notice-undo"));
    await waitFor(() => expect(host.sheet(SEED).cell("D7").value).toBe(before[6][3]));
  });

  it("writes into the selected cell before any check, with an undo", async () => {
    const host = await seedPane();
    host.selection = `'${SEED}'!D9`;
    fireEvent.click(screen.getByTestId("picker-open"));
    fireEvent.change(screen.getByTestId("picker-search"), { target: { value: "so ngoai vu" } });
    fireEvent.keyDown(screen.getByTestId("picker-search"), { key: "Enter" });
    fireEvent.click(screen.getByTestId("picker-write"));
    await waitFor(() => expect(host.sheet(SEED).cell("D9").value).toBe("Sở Ngoại vụ"));
    fireEvent.click(await screen.findByTestId("notice-undo", {}));
    await waitFor(() => expect(host.sheet(SEED).cell("D9").value).toBe("Các sở, ban, ngành và địa phương liên quan"));
    switchLanguage("en");
    // Back on the Check tab the card starts closed again, in English.
    expect(screen.getByRole("heading", { name: "Help while typing" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Pick coordinating agencies…" }));
    expect(screen.getByRole("button", { name: "Write into the selected cell" })).toBeInTheDocument();
    expect(screen.getByText("Search agencies (diacritics optional)")).toBeInTheDocument();
  });
});

describe("“Chuẩn hóa tên cơ quan”", () => {
  async function normalise(host: ExcelHost) {
    await checkNow();
    fireEvent.click(screen.getByTestId("normalise-button"));
    const count = await screen.findByTestId("normalise-count", {});
    const aliases = screen.getAllByTestId("normalise-alias").map((el) => [el.dataset.from, el.dataset.to, Number(el.dataset.count)]);
    host.resetSyncCount();
    fireEvent.click(screen.getByTestId("normalise-confirm"));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("Đã chuẩn hóa tên cơ quan"));
    return { cells: Number(count.dataset.cells), aliases };
  }

  /** The lead and coordinating cells of the seed's task rows, as the host holds them. */
  const agencyCells = (host: ExcelHost) =>
    values(host).flatMap((row, r) =>
      r < 5 || typeof row[0] !== "number" ? [] : [2, 3].map((c) => ({ address: cellAddress(r + 1, c + 1), text: String(row[c]) })),
    );

  it("previews the counts, turns every alias into its canonical name in one batch, and undo restores every cell", async () => {
    const host = await seedPane();
    const before = values(host);
    const planned = planNormalisation(agencyCells(host), defaultDirectory());
    const { cells, aliases } = await normalise(host);
    expect(cells).toBe(planned.rewrites.length);
    expect(cells).toBeGreaterThan(3);
    expect(aliases).toContainEqual(["Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", 1]);
    expect(aliases).toContainEqual(["Học Viện Ngoại giao", "Học viện Ngoại giao", 2]);
    // One read, one write.
    expect(host.syncCount).toBeLessThanOrEqual(3);
    expect(host.sheet(SEED).cell("C36").value).toBe("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, UBND các huyện, thị xã, thành phố");
    expect(planNormalisation(agencyCells(host), defaultDirectory()).rewrites).toEqual([]);
    const rewritten = new Set(planned.rewrites.map((p) => p.address));
    values(host).forEach((row, r) =>
      row.forEach((v, c) => {
        const address = cellAddress(r + 1, c + 1);
        if (rewritten.has(address)) expect(v).toBe(planned.rewrites.find((p) => p.address === address)!.after);
        else expect(v).toBe(before[r][c]);
      }),
    );
    expect(screen.getByTestId("normalise-nothing")).toBeInTheDocument();
    // The pane's own batch is not taken for someone's edit: the result stays current, and so does the undo.
    expect(screen.queryByTestId("stale")).toBeNull();
    fireEvent.click(screen.getByTestId("notice-undo"));
    await waitFor(() => expect(host.sheet(SEED).cell("C36").value).toBe(before[35][2]));
    values(host).forEach((row, r) => row.forEach((v, c) => expect(v).toBe(before[r][c])));

    await waitFor(() => expect(actionable(screen.getByTestId("normalise-button"))).toBe(true));
    expect(screen.queryByTestId("stale")).toBeNull();
  });

  it("restores cells with line breaks exactly, and never touches unknown names", async () => {
    const lines = "- Sở KH&ĐT\n- Sở TT&TT\n- Hội Doanh nhân Ba Lan";
    const host = await seedPane((h) => h.sheet(SEED).setCell("D12", lines).setCell("C24", "Sở Ngoại vụ\nSở Tư Pháp"));
    const before = values(host);
    await normalise(host);
    expect(host.sheet(SEED).cell("D12").value).toBe("- Sở Kế hoạch và Đầu tư\n- Sở Thông tin và Truyền thông\n- Hội Doanh nhân Ba Lan");
    expect(host.sheet(SEED).cell("C24").value).toBe("Sở Ngoại vụ\nSở Tư pháp");
    fireEvent.click(screen.getByTestId("notice-undo"));
    await waitFor(() => expect(host.sheet(SEED).cell("D12").value).toBe(lines));
    values(host).forEach((row, r) => row.forEach((v, c) => expect(v).toBe(before[r][c])));
  });
});

describe("an unreadable timeframe", () => {
  it("offers the nearest readable forms, with the year of the rows around, as one-click fixes", async () => {
    const host = await seedPane((h) => h.sheet(SEED).setCell("E24", "Quý IV/2O22"));
    await checkNow();
    const card = screen
      .getAllByTestId("issue-item")
      .find((el) => el.dataset.code === "unparsed-timeframe" && el.dataset.cell === "E24")!.parentElement!;
    const fixes = within(card)
      .getAllByTestId("issue-fix")
      .filter((b) => b.dataset.fix === "timeframe");
    expect(fixes.map((b) => b.textContent)).toEqual(["Ghi “Quý IV/2022”", "Ghi “Năm 2022”", "Ghi “Năm 2022 - 2023”", "Ghi “Thường xuyên”"]);
    fireEvent.click(fixes[0]);
    await waitFor(() => expect(host.sheet(SEED).cell("E24").value).toBe("Quý IV/2022"));
    await waitFor(() => expect(screen.getAllByTestId("issue-item").some((el) => el.dataset.cell === "E24")).toBe(false));
    fireEvent.click(screen.getByTestId("notice-undo"));
    await waitFor(() => expect(host.sheet(SEED).cell("E24").value).toBe("Quý IV/2O22"));
  });
});
