/** What to check: the current sheet, the selection, or an Excel table picked from the workbook's list. */
import { useEffect, useState } from "react";
import { Field, makeStyles, Select } from "@fluentui/react-components";
import type { Lang } from "../core/issues/catalogue";
import { usePaneCommandsContext } from "./pane-commands";
import type { Scope } from "./session";
import { strings } from "./strings";
import { tablesInExcel } from "./workbook-actions";
import type { TableChoice } from "./workbook-actions";

const useStyles = makeStyles({
  grow: { flexGrow: 1, minWidth: "8rem" },
  table: { flexBasis: "100%" },
});

export function ScopePicker({ lang, scope, disabled }: { lang: Lang; scope: Scope; disabled: boolean }) {
  const s = strings(lang);
  const styles = useStyles();
  const { setScope } = usePaneCommandsContext();
  const [tables, setTables] = useState<TableChoice[] | null>(null);
  const [tablesFailed, setTablesFailed] = useState(false);
  const wantsTables = scope.kind === "table";

  useEffect(() => {
    if (!wantsTables) return;
    let live = true;
    setTables(null);
    setTablesFailed(false);
    tablesInExcel()
      .then((found) => {
        if (!live) return;
        setTables(found);
        // Pick the first table when none is picked yet, so Check is one click away.
        if (found.length > 0) setScope({ kind: "table", name: found[0].name });
      })
      .catch(() => {
        if (live) {
          setTables([]);
          setTablesFailed(true);
        }
      });
    return () => {
      live = false;
    };
  }, [wantsTables, setScope]);

  return (
    <>
      <Select
        className={styles.grow}
        data-testid="scope-select"
        aria-label={s.scopeLabel}
        value={scope.kind}
        disabled={disabled}
        onChange={(_, data) =>
          setScope(data.value === "table" ? { kind: "table", name: "" } : { kind: data.value as "sheet" | "selection" })
        }
      >
        <option value="sheet">{s.scopeSheet}</option>
        <option value="selection">{s.scopeSelection}</option>
        <option value="table">{s.scopeTable}</option>
      </Select>
      {scope.kind === "table" && (
        <Field
          label={s.tablePick}
          className={styles.table}
          validationState={tables !== null && tables.length === 0 ? "warning" : "none"}
          validationMessage={
            tables === null
              ? s.tablesLoading
              : tables.length === 0
                ? tablesFailed
                  ? s.failNotFound(s.failNotFoundThing)
                  : s.tablesNone
                : undefined
          }
        >
          <Select
            data-testid="table-select"
            value={scope.name}
            disabled={disabled || !tables || tables.length === 0}
            onChange={(_, data) => setScope({ kind: "table", name: data.value })}
          >
            {(tables ?? []).map((t) => (
              <option key={t.name} value={t.name}>
                {`${t.name} (${t.sheet}!${t.address})`}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </>
  );
}
