/**
 * The Settings tab: language, the plan period, the checks (on/off and severity per code) and the agency
 * directory. Every change is handed up at once and saved with the workbook.
 */
import { useEffect, useRef, useState } from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Switch,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { DirectoryData } from "../core/agencies/directory";
import { DEFAULT_SEVERITY, ISSUE_CODES } from "../core/issues/catalogue";
import type { IssueCode, Lang, Severity } from "../core/issues/catalogue";
import { label } from "../core/output/labels";
import { parseRulesFile, rulesToJson } from "../core/settings/rules-file";
import type { Settings } from "../core/settings/settings";
import { cardStyle } from "./card-style";
import { DirectoryEditor } from "./directory-editor";
import { fileRefusalText } from "../core/settings/file-problems";
import { downloadJson, readText } from "./json-files";
import { usePaneCommandsContext } from "./pane-commands";
import { RULE_NAMES, strings } from "./strings";
import { HiddenFileInput } from "./hidden-file-input";

export interface SettingsViewProps {
  lang: Lang;
  displayLanguage: string;
  settings: Settings;
  /** The workbook's own directory, or null for the default one. */
  directory: DirectoryData | null;
}

const useStyles = makeStyles({
  card: cardStyle,
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  year: { width: "7rem" },
  rules: { width: "100%", borderCollapse: "collapse" },
  ruleCell: { padding: "2px 4px", borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: "middle" },
  ruleName: { fontSize: tokens.fontSizeBase200 },
  severity: { width: "6.5rem" },
  note: { display: "block", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase100 },
  muted: { color: tokens.colorNeutralForeground2 },
  heading: { margin: 0 },
});

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export function SettingsView(p: SettingsViewProps) {
  const { lang, settings } = p;
  const s = strings(lang);
  const styles = useStyles();
  const commands = usePaneCommandsContext();
  const props = { ...p, onLang: commands.setLang, onChange: commands.saveSettings };
  const rulesInput = useRef<HTMLInputElement>(null);
  const [rulesMessage, setRulesMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const importRules = async (file: File) => {
    let text: string;
    try {
      text = await readText(file);
    } catch {
      setRulesMessage({ ok: false, text: s.rulesImportFailed(fileRefusalText({ kind: "not-json" }, lang)) });
      return;
    }
    const read = parseRulesFile(text);
    if (!read.ok) {
      setRulesMessage({ ok: false, text: s.rulesImportFailed(fileRefusalText(read.refusal, lang)) });
      return;
    }
    props.onChange({ ...settings, rules: read.rules }, props.directory);
    setRulesMessage({ ok: true, text: s.rulesImported(Object.keys(read.rules).length) });
  };

  const setRule = (code: IssueCode, change: { enabled?: boolean; severity?: Severity }) => {
    const current = settings.rules[code] ?? {};
    const next = { ...current, ...change };
    // Keep only what differs from the catalogue, so the stored settings stay small and readable.
    if (next.enabled !== false) delete next.enabled;
    if (next.severity === DEFAULT_SEVERITY[code]) delete next.severity;
    const rules = { ...settings.rules };
    if (next.enabled === undefined && next.severity === undefined) delete rules[code];
    else rules[code] = next;
    props.onChange({ ...settings, rules }, props.directory);
  };

  return (
    <>
      <section className={styles.card}>
        <Subtitle2 as="h2" className={styles.heading}>
          {s.settingsLanguage}
        </Subtitle2>
        <RadioGroup
          data-testid="language-setting"
          aria-label={s.settingsLanguage}
          value={settings.lang ?? "office"}
          onChange={(_, data) => props.onLang(data.value === "office" ? undefined : (data.value as Lang))}
        >
          <Radio value="office" label={s.langFollowOffice(props.displayLanguage || "vi")} />
          <Radio value="vi" label={s.langVi} />
          <Radio value="en" label={s.langEn} />
        </RadioGroup>
      </section>

      <section className={styles.card}>
        <Subtitle2 as="h2" className={styles.heading}>
          {s.settingsPlan}
        </Subtitle2>
        <Caption1 className={styles.muted}>{s.settingsPlanHint}</Caption1>
        <PlanPeriod settings={settings} lang={lang} onChange={(next) => props.onChange(next, props.directory)} />
      </section>

      <section className={styles.card} data-testid="rules">
        <Subtitle2 as="h2" className={styles.heading}>
          {s.rulesHeading}
        </Subtitle2>
        <Caption1 className={styles.muted}>{s.rulesHint}</Caption1>
        <table className={styles.rules} role="presentation">
          <tbody>
            {ISSUE_CODES.map((code) => {
              const rule = settings.rules[code];
              const enabled = rule?.enabled !== false;
              const severity = rule?.severity ?? DEFAULT_SEVERITY[code];
              return (
                <tr key={code} data-testid={`rule-${code}`}>
                  <td className={styles.ruleCell}>
                    <Switch
                      checked={enabled}
                      aria-label={`${s.ruleOn}: ${RULE_NAMES[lang][code]}`}
                      onChange={(_, data) => setRule(code, { enabled: data.checked })}
                    />
                  </td>
                  <td className={styles.ruleCell}>
                    <Text className={styles.ruleName}>{RULE_NAMES[lang][code]}</Text>
                    {severity !== DEFAULT_SEVERITY[code] && (
                      <span className={styles.note}>{s.defaultIs(label(DEFAULT_SEVERITY[code], lang))}</span>
                    )}
                  </td>
                  <td className={styles.ruleCell}>
                    <Select
                      size="small"
                      className={styles.severity}
                      aria-label={`${s.ruleSeverity}: ${RULE_NAMES[lang][code]}`}
                      value={severity}
                      disabled={!enabled}
                      onChange={(_, data) => setRule(code, { severity: data.value as Severity })}
                    >
                      {SEVERITIES.map((sev) => (
                        <option key={sev} value={sev}>
                          {label(sev, lang)}
                        </option>
                      ))}
                    </Select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className={styles.row}>
          <Button
            size="small"
            disabled={Object.keys(settings.rules).length === 0}
            onClick={() => props.onChange({ ...settings, rules: {} }, props.directory)}
          >
            {s.rulesReset}
          </Button>
          <Button
            size="small"
            data-testid="rules-export"
            onClick={() => downloadJson(rulesToJson(settings.rules), lang === "vi" ? "quy-tac-kiem-tra.json" : "checks.json")}
          >
            {s.rulesExport}
          </Button>
          <Button size="small" data-testid="rules-import" onClick={() => rulesInput.current?.click()}>
            {s.rulesImport}
          </Button>
          <HiddenFileInput
            inputRef={rulesInput}
            accept=".json,application/json"
            testId="rules-file"
            label={s.rulesImport}
            onFile={(file) => void importRules(file)}
          />
        </div>
        {rulesMessage && (
          <MessageBar intent={rulesMessage.ok ? "success" : "error"} data-testid="rules-message">
            <MessageBarBody>{rulesMessage.text}</MessageBarBody>
          </MessageBar>
        )}
      </section>

      <section className={styles.card} data-testid="directory">
        <DirectoryEditor lang={lang} directory={props.directory} onChange={(next) => props.onChange(settings, next)} />
      </section>
    </>
  );
}

function PlanPeriod({ settings, lang, onChange }: { settings: Settings; lang: Lang; onChange(settings: Settings): void }) {
  const s = strings(lang);
  const styles = useStyles();
  const [from, setFrom] = useState(settings.planStartYear?.toString() ?? "");
  const [to, setTo] = useState(settings.planEndYear?.toString() ?? "");
  useEffect(() => {
    setFrom(settings.planStartYear?.toString() ?? "");
    setTo(settings.planEndYear?.toString() ?? "");
  }, [settings.planStartYear, settings.planEndYear]);

  const year = (text: string): number | undefined | null => {
    if (text.trim() === "") return undefined;
    const n = Number(text);
    return Number.isInteger(n) && n >= 1900 && n <= 2100 ? n : null;
  };
  const fromYear = year(from);
  const toYear = year(to);
  const order = fromYear && toYear && toYear < fromYear;
  const commit = () => {
    if (fromYear === null || toYear === null || order) return;
    if (fromYear === settings.planStartYear && toYear === settings.planEndYear) return;
    const next: Settings = { ...settings };
    delete next.planStartYear;
    delete next.planEndYear;
    if (fromYear !== undefined) next.planStartYear = fromYear;
    if (fromYear !== undefined && toYear !== undefined) next.planEndYear = toYear;
    onChange(next);
  };
  return (
    <div className={styles.row}>
      <Field label={s.planFrom} validationMessage={fromYear === null ? s.yearInvalid : undefined}>
        <Input className={styles.year} inputMode="numeric" value={from} onChange={(_, d) => setFrom(d.value)} onBlur={commit} />
      </Field>
      <Field label={s.planTo} validationMessage={toYear === null ? s.yearInvalid : order ? s.yearOrder : undefined}>
        <Input className={styles.year} inputMode="numeric" value={to} onChange={(_, d) => setTo(d.value)} onBlur={commit} />
      </Field>
    </div>
  );
}
