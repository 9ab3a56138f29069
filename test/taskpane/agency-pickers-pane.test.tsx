/** @jest-environment jsdom */
/**
 * "Gắn danh sách chọn" in the pane: offered after a task table is checked, it writes the drop-downs on the lead column
 * from a hidden list sheet and says what it did; a second press updates the same list.
 */
import "./jsdom-globals";
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";
import { hostFromXlsx, panePerTest } from "./pane-harness";

const panes = panePerTest();

async function settled(): Promise<void> {
  await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull());
}

it("is offered once a table is checked, writes the lists and reports them, and updates them when pressed again", async () => {
  const { host } = await panes.mount(await hostFromXlsx(SEED_APPENDIX_XLSX));
  expect(screen.queryByTestId("add-pickers-button")).toBeNull();
  fireEvent.click(screen.getByTestId("check-button"));
  await settled();
  await screen.findByTestId("result");

  const button = screen.getByTestId("add-pickers-button");
  expect(button).toHaveTextContent("Gắn danh sách chọn");
  fireEvent.click(button);
  await settled();
  const notice = await screen.findByTestId("notice");
  expect(notice).toHaveTextContent(/Đã gắn danh sách chọn \d+ tên cơ quan ở cột chủ trì \(C7:C9, C11:C12, C14:C15 …\)/);
  expect(notice).toHaveTextContent("“Danh sách cơ quan”");
  expect(host.sheet("Danh sách cơ quan").visibility).toBe("Hidden");
  expect(host.sheet("Phụ lục").validationAt("C7")?.rule?.list.source).toMatch(/^='Danh sách cơ quan'!\$A\$1:\$A\$\d+$/);
  expect(host.sheet("Phụ lục").validationAt("C7")?.errorAlert.style).toBe("Warning");

  fireEvent.click(screen.getByTestId("add-pickers-button"));
  await settled();
  await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent(/^Đã cập nhật danh sách chọn/));
  expect(host.sheetNames()).toEqual(["Phụ lục", "Danh sách cơ quan"]);
});
