/**
 * The agency directory (SPEC 3.2) as the pane edits it: search, add, edit and remove entries and their aliases,
 * import a shared JSON file (validated, with the reason shown when it cannot be used) and export one as a download.
 * The workbook keeps its own copy once anything is changed; "use the default" goes back to the shipped one.
 */
import { useMemo, useRef, useState } from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { directoryToJson } from "../core/agencies/directory";
import { defaultDirectory } from "../core/agencies/default-directory";
import type { AgencyEntry, DirectoryData } from "../core/agencies/directory";
import type { Lang } from "../core/issues/catalogue";
import { foldKey } from "../core/sheet/text";
import { ConfirmDialog } from "./confirm-dialog";
import { readDirectoryFile } from "./import-problems";
import { fileRefusalText } from "../core/settings/file-problems";
import { downloadJson, readText } from "./json-files";
import { strings } from "./strings";
import { HiddenFileInput } from "./hidden-file-input";

/** Entries listed at first and added by each "Hiện thêm": every entry stays reachable. */
const PAGE = 60;

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  muted: { color: tokens.colorNeutralForeground2 },
  heading: { margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  entry: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  entryText: { display: "flex", flexDirection: "column", minWidth: 0 },
  aliases: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalXXS },
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

interface Draft {
  /** Index of the entry being edited, or -1 for a new one. */
  index: number;
  name: string;
  aliases: string;
  kind: "agency" | "group";
  note: string;
}

export interface DirectoryEditorProps {
  lang: Lang;
  /** The workbook's own directory, or null while it uses the default one. */
  directory: DirectoryData | null;
  onChange(directory: DirectoryData | null): void;
}

export function DirectoryEditor({ lang, directory, onChange }: DirectoryEditorProps) {
  const s = strings(lang);
  const styles = useStyles();
  const data = directory ?? defaultDirectory().data;
  const [search, setSearch] = useState("");
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  /** The entry asked to be deleted (confirmation open), and the last one deleted (its undo). */
  const [removing, setRemoving] = useState<number | null>(null);
  const [removed, setRemoved] = useState<{ entry: AgencyEntry; index: number; before: DirectoryData | null } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const matches = useMemo(() => {
    const key = foldKey(search.trim());
    return data.agencies
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => key === "" || [entry.name, ...entry.aliases].some((n) => foldKey(n).includes(key)));
  }, [data, search]);

  /** Saves a changed directory when it still validates (no empty names, no name shared by two entries). */
  const commit = (agencies: AgencyEntry[]): boolean => {
    const next: DirectoryData = { ...data, version: 1, agencies };
    const checked = readDirectoryFile(directoryToJson(next), lang);
    if (!checked.ok) {
      setProblem(s.directoryInvalid(checked.error));
      return false;
    }
    setProblem(null);
    onChange(checked.data);
    return true;
  };

  const saveDraft = () => {
    if (!draft) return;
    const entry: AgencyEntry = {
      name: draft.name.trim(),
      aliases: draft.aliases
        .split("\n")
        .map((a) => a.trim())
        .filter((a) => a !== ""),
      kind: draft.kind,
    };
    if (draft.note.trim() !== "") entry.note = draft.note.trim();
    const agencies = [...data.agencies];
    if (draft.index < 0) agencies.unshift(entry);
    else agencies[draft.index] = entry;
    if (commit(agencies)) setDraft(null);
  };

  const remove = (index: number) => {
    setDraft(null);
    setRemoving(null);
    const entry = data.agencies[index];
    if (commit(data.agencies.filter((_, i) => i !== index))) {
      setMessage(null);
      setRemoved({ entry, index, before: directory });
    }
  };

  const undoRemove = () => {
    if (!removed) return;
    setRemoved(null);
    onChange(removed.before);
  };

  const importFile = async (file: File) => {
    setMessage(null);
    let text: string;
    try {
      text = await readText(file);
    } catch {
      setProblem(s.directoryImportFailed(fileRefusalText({ kind: "not-json" }, lang)));
      return;
    }
    const parsed = readDirectoryFile(text, lang);
    if (!parsed.ok) {
      setProblem(s.directoryImportFailed(parsed.error));
      return;
    }
    setProblem(null);
    setDraft(null);
    onChange(parsed.data);
    setMessage(s.directoryImported(parsed.data.agencies.length));
  };

  const exportFile = () => downloadJson(directoryToJson(data), lang === "vi" ? "danh-muc-co-quan.json" : "agency-directory.json");

  const edit = (index: number) => {
    const e = data.agencies[index];
    setProblem(null);
    setDraft({ index, name: e.name, aliases: e.aliases.join("\n"), kind: e.kind, note: e.note ?? "" });
  };

  return (
    <>
      <Subtitle2 as="h2" className={styles.heading}>
        {s.directoryHeading}
      </Subtitle2>
      <Caption1 className={styles.muted}>{s.directoryHint}</Caption1>
      <Text data-testid="directory-source">{directory ? s.directoryCustom(directory.agencies.length) : s.directoryDefault}</Text>
      <div className={styles.row}>
        <Button
          size="small"
          data-testid="directory-add"
          onClick={() => {
            setProblem(null);
            // Empty: the search text is often typed without diacritics, which is no official name.
            setDraft({ index: -1, name: "", aliases: "", kind: "agency", note: "" });
          }}
        >
          {s.directoryAdd}
        </Button>
        <Button size="small" data-testid="directory-import" onClick={() => fileInput.current?.click()}>
          {s.directoryImport}
        </Button>
        <Button size="small" data-testid="directory-export" onClick={exportFile}>
          {s.directoryExport}
        </Button>
        {directory && (
          <Button
            size="small"
            data-testid="directory-reset"
            onClick={() => {
              setDraft(null);
              setProblem(null);
              onChange(null);
            }}
          >
            {s.directoryReset}
          </Button>
        )}
        <HiddenFileInput
          inputRef={fileInput}
          accept=".json,application/json"
          testId="directory-file"
          onFile={(file) => void importFile(file)}
        />
      </div>
      {problem && (
        <MessageBar intent="error" data-testid="directory-problem">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {message && (
        <MessageBar intent="success" data-testid="directory-message">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      {removed && (
        <MessageBar intent="success" data-testid="directory-removed">
          <MessageBarBody>{s.directoryRemoved(removed.entry.name)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" data-testid="directory-undo" onClick={undoRemove}>
              {s.directoryUndo}
            </Button>
            <Button size="small" appearance="transparent" aria-label={s.dismissNotice} onClick={() => setRemoved(null)}>
              {s.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {draft && (
        <div className={styles.form} data-testid="directory-form">
          <Field label={s.entryName} required>
            <Input value={draft.name} data-testid="entry-name" onChange={(_, d) => setDraft({ ...draft, name: d.value })} />
          </Field>
          <Field label={s.entryAliases}>
            <Textarea
              value={draft.aliases}
              data-testid="entry-aliases"
              resize="vertical"
              onChange={(_, d) => setDraft({ ...draft, aliases: d.value })}
            />
          </Field>
          <Field label={s.entryKind}>
            <Select value={draft.kind} onChange={(_, d) => setDraft({ ...draft, kind: d.value as Draft["kind"] })}>
              <option value="agency">{s.kindAgency}</option>
              <option value="group">{s.kindGroup}</option>
            </Select>
          </Field>
          <Field label={s.entryNote}>
            <Input value={draft.note} onChange={(_, d) => setDraft({ ...draft, note: d.value })} />
          </Field>
          <div className={styles.row}>
            <Button appearance="primary" size="small" data-testid="entry-save" onClick={saveDraft}>
              {s.save}
            </Button>
            <Button size="small" onClick={() => setDraft(null)}>
              {s.cancelEdit}
            </Button>
          </div>
        </div>
      )}
      <Field label={s.directorySearch}>
        <Input
          type="search"
          value={search}
          data-testid="directory-search"
          onChange={(_, d) => {
            setSearch(d.value);
            setLimit(PAGE);
          }}
        />
      </Field>
      <Caption1 data-testid="directory-count">{s.directoryCount(Math.min(limit, matches.length), matches.length)}</Caption1>
      <ul className={styles.list} data-testid="directory-list">
        {matches.slice(0, limit).map(({ entry, index }) => (
          <li key={`${index}-${entry.name}`} className={styles.entry} data-testid="directory-entry">
            <span className={styles.entryText}>
              <Text weight="semibold">{entry.kind === "group" ? `${entry.name} (${s.kindGroup.toLowerCase()})` : entry.name}</Text>
              {entry.aliases.length > 0 && <Caption1 className={styles.aliases}>{entry.aliases.join(" · ")}</Caption1>}
            </span>
            <span className={styles.buttons}>
              <Button size="small" appearance="subtle" onClick={() => edit(index)} aria-label={`${s.directoryEdit}: ${entry.name}`}>
                {s.directoryEdit}
              </Button>
              <Button
                size="small"
                appearance="subtle"
                data-testid="directory-remove"
                onClick={() => setRemoving(index)}
                aria-label={`${s.directoryRemove}: ${entry.name}`}
              >
                {s.directoryRemove}
              </Button>
            </span>
          </li>
        ))}
      </ul>
      {matches.length > limit && (
        <Button size="small" appearance="subtle" data-testid="directory-more" onClick={() => setLimit((l) => l + PAGE)}>
          {s.directoryShowMore}
        </Button>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={removing !== null ? s.directoryRemoveTitle(data.agencies[removing]?.name ?? "") : ""}
        confirm={s.directoryRemove}
        cancel={s.cancelEdit}
        testId="directory-remove"
        onConfirm={() => removing !== null && remove(removing)}
        onCancel={() => setRemoving(null)}
      >
        {s.directoryRemoveBody}
      </ConfirmDialog>
    </>
  );
}
