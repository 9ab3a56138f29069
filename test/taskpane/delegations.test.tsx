/** @jest-environment jsdom */
/**
 * Delegation tables in the pane (seed 002): tallies per direction beside the stated-totals form; the totals typed in
 * are compared at once (the engine's delegation-total-mismatch, worded by issueText), saved with the workbook and
 * offered again on the next check; what the plan's own text states fills the form in.
 */
import "./jsdom-globals";
import "@testing-library/jest-dom";
import * as fs from "fs";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { mismatchIssue } from "../../src/core/kinds/delegations/check";
import type { DelegationCheck } from "../../src/core/kinds/delegations/check";
import { issueText } from "../../src/core/issues/text";
import { checkWorkbook } from "../../src/core/workbook";
import { readWorkbook } from "../../src/xlsx/read";
import { loadStoredCheckInputs } from "../../src/excel/stored-settings";
import type { ExcelHost } from "../excel-host";
import { SEED_DELEGATIONS_XLSX } from "../support/fixtures";
import { checkNow, hostFromXlsx, panePerTest, switchLanguage } from "./pane-harness";
import type { MountedPane } from "./pane-harness";

const OUTBOUND = "Phụ lục I - Đoàn ra";
const INBOUND = "Phụ lục II - Đoàn vào";
const fieldsOf = (d: string) => ["total", "planned", "supplementary"].map((f) => `stated-${d}-${f}`);

const panes = panePerTest();

async function delegationPane(sheet: string, prepare?: (host: ExcelHost) => void): Promise<MountedPane> {
  const host = await hostFromXlsx(SEED_DELEGATIONS_XLSX);
  host.activeSheet = sheet;
  prepare?.(host);
  return panes.mount(host);
}

/** The engine's own check of one sheet of the fixture, without anything stated by the user. */
async function engineCheck(sheet: string): Promise<DelegationCheck> {
  const wb = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_DELEGATIONS_XLSX)));
  if (!wb.ok) throw new Error(wb.message);
  const result = checkWorkbook(wb.sheets.filter((g) => g.sheetName === sheet));
  if (!result.ok || result.checks[0].kind !== "delegations") throw new Error(`${sheet}: no delegation table`);
  return result.checks[0];
}

function type(values: Record<string, string>): void {
  for (const [id, value] of Object.entries(values)) fireEvent.change(screen.getByTestId(id), { target: { value } });
}

it("shows the delegation tallies beside an empty form when the plan states nothing", async () => {
  await delegationPane(OUTBOUND);
  await checkNow();
  const outbound = screen.getByTestId("delegations-outbound");
  const counted = (await engineCheck(OUTBOUND)).workbook.counted.outbound;
  expect(within(outbound).getAllByRole("row")[1]).toHaveTextContent(`Tổng số đoàn${counted.total}`);
  const form = screen.getByTestId("stated-totals-form");
  for (const id of fieldsOf("outbound")) expect(within(form).getByTestId(id)).toHaveValue("");
  // Inbound figures are typed on the inbound sheet, not here.
  for (const id of fieldsOf("inbound")) expect(within(form).queryByTestId(id)).toBeNull();
  expect(screen.queryByTestId("delegation-mismatch")).toBeNull();
  expect(form).toHaveTextContent("Trang này không có bảng đoàn vào");
});

it("compares the totals typed in, shows the difference as the engine words it, and saves them with the workbook", async () => {
  const { host } = await delegationPane(OUTBOUND);
  await checkNow();
  const counted = (await engineCheck(OUTBOUND)).workbook.counted.outbound;
  const stated = { total: counted.total + 1, planned: counted.planned, supplementary: counted.supplementary + 1 };
  type({
    "stated-outbound-total": String(stated.total),
    "stated-outbound-planned": String(stated.planned),
    "stated-outbound-supplementary": String(stated.supplementary),
  });
  fireEvent.click(screen.getByTestId("stated-submit"));

  const mismatches = await screen.findAllByTestId("delegation-mismatch");
  expect(mismatches).toHaveLength(1);
  expect(mismatches[0].dataset.direction).toBe("outbound");
  expect(mismatches[0]).toHaveTextContent(issueText(mismatchIssue("outbound", counted, stated)!, "vi"));
  expect(mismatches[0]).toHaveTextContent(`Tổng số đoàn ra: đếm được ${counted.total}, kế hoạch ghi ${stated.total} (chênh 1).`);
  // The same issue is in the list, and the tallies show the stated figures beside the counted ones.
  expect(screen.getAllByTestId("issue-item").filter((el) => el.dataset.code === "delegation-total-mismatch")).toHaveLength(1);
  expect(within(screen.getByTestId("delegations-outbound")).getByText("Kế hoạch ghi")).toBeInTheDocument();

  const saved = await Excel.run((context) => loadStoredCheckInputs(context));
  expect(saved.stated).toEqual({ outbound: stated });
  expect(host.settings.get("appendixChecker.statedTotals")).toEqual({ outbound: stated });

  switchLanguage("en");
  expect(screen.getByTestId("delegation-mismatch")).toHaveTextContent(issueText(mismatchIssue("outbound", counted, stated)!, "en"));

  // Matching figures: the difference goes away.
  type({ "stated-outbound-total": String(counted.total), "stated-outbound-supplementary": String(counted.supplementary) });
  fireEvent.click(screen.getByTestId("stated-submit"));
  await waitFor(() => expect(screen.queryByTestId("delegation-mismatch")).toBeNull());
  expect(screen.getByTestId("delegation-match")).toHaveTextContent("The delegations counted match the totals the plan states.");
});

it("offers the saved totals again on the next check, and compares the inbound ones on the inbound sheet", async () => {
  await delegationPane(INBOUND, (h) =>
    h.setSetting("appendixChecker.statedTotals", { outbound: { total: 99 }, inbound: { total: 11, planned: 9 } }),
  );
  await checkNow();
  // The outbound 99 is kept for the outbound sheet; only this sheet's direction takes figures here.
  expect(screen.queryByTestId("stated-outbound-total")).toBeNull();
  expect(screen.getByTestId("stated-inbound-total")).toHaveValue("11");
  expect(screen.getByTestId("stated-inbound-planned")).toHaveValue("9");
  expect(screen.getByTestId("stated-inbound-supplementary")).toHaveValue("");
  const counted = (await engineCheck(INBOUND)).workbook.counted.inbound;
  const mismatches = screen.getAllByTestId("delegation-mismatch");
  // Only the inbound figures are compared here; the outbound 99 waits for the outbound sheet.
  expect(mismatches.map((el) => el.dataset.direction)).toEqual(["inbound"]);
  expect(mismatches[0]).toHaveTextContent(issueText(mismatchIssue("inbound", counted, { total: 11, planned: 9 })!, "vi"));
});

it("fills the form in from what the plan's text states, and refuses what is not a whole number", async () => {
  await delegationPane(OUTBOUND, (host) =>
    host.sheet(OUTBOUND).setCell("A21", "Ghi chú: Đoàn ra: 15 đoàn = 10 trong Kế hoạch + 05 đề nghị bổ sung"),
  );
  await checkNow();
  expect(screen.getByTestId("stated-outbound-total")).toHaveValue("15");
  expect(screen.getByTestId("stated-outbound-planned")).toHaveValue("10");
  expect(screen.getByTestId("stated-outbound-supplementary")).toHaveValue("5");
  expect(screen.getByTestId("stated-totals-form")).toHaveTextContent("Đã điền sẵn theo lời văn của kế hoạch");
  // The plan's own figures are compared without anything typed in.
  expect(screen.getByTestId("delegation-mismatch")).toHaveTextContent("kế hoạch ghi 15");

  type({ "stated-outbound-total": "mười ba" });
  expect(screen.getByTestId("stated-submit")).toBeDisabled();
  expect(screen.getByTestId("stated-totals-form")).toHaveTextContent("Số nguyên từ 0 trở lên");
  const counted = (await engineCheck(OUTBOUND)).workbook.counted.outbound;
  type({
    "stated-outbound-total": String(counted.total),
    "stated-outbound-planned": String(counted.planned),
    "stated-outbound-supplementary": String(counted.supplementary),
  });
  fireEvent.click(screen.getByTestId("stated-submit"));
  await waitFor(() => expect(screen.queryByTestId("delegation-mismatch")).toBeNull());
  expect(screen.getByTestId("delegation-match")).toBeInTheDocument();
});
