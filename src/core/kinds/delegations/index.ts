/**
 * Delegation tables (đoàn ra / đoàn vào, SPEC 2.2) as a kind. The plan states its totals once for the whole
 * workbook, so the kind reconciles all its checks of a workbook against them.
 */
import { tableReport } from "../../output/report-parts";
import { DEFAULT_SETTINGS } from "../../settings/settings";
import type { TableKind } from "../kind";
import { checkDelegationTable, DelegationCheck, reconcileDelegations } from "./check";
import { DELEGATION_FIELDS } from "./fields";
import { DelegationHeader, delegationHeaderAt } from "./header";
import { delegationsSheet } from "./sheet";
import { mergeStated, statedTotalsFromText } from "./stated-totals";
import { DelegationTable, readDelegationTable } from "./table";

export const delegationsKind: TableKind<DelegationCheck, DelegationHeader, DelegationTable> = {
  name: "delegations",
  headerAt: delegationHeaderAt,
  read: readDelegationTable,
  check: checkDelegationTable,
  reconcile: (checks, workbook) => {
    const stated = mergeStated(statedTotalsFromText(workbook.planText()), workbook.options.stated ?? null);
    return reconcileDelegations(checks, stated, workbook.options.settings ?? DEFAULT_SETTINGS);
  },
  sheets: (checks, lang) => [delegationsSheet(checks, lang)],
  /**
   * `periods` counts the sheet's delegations by start, and `delegations` holds the counted totals of the whole
   * workbook (the same on each of its delegation sheets).
   */
  report: (check) => {
    const periods = new Map<string, number>();
    for (const dir of ["outbound", "inbound"] as const)
      for (const p of check.tallies[dir].periods) periods.set(p.bucket, (periods.get(p.bucket) ?? 0) + p.delegations);
    return {
      table: tableReport(check.table, DELEGATION_FIELDS),
      counts: check.counts,
      agencies: [],
      periods: [...periods].map(([bucket, tasks]) => ({ bucket, tasks })),
      delegations: { outbound: { ...check.workbook.counted.outbound }, inbound: { ...check.workbook.counted.inbound } },
    };
  },
};
