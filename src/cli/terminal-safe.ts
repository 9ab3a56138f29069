/**
 * Text bound for a terminal with its control characters shown, not obeyed: cell text, sheet and file names come from
 * other people's files, and an ESC sequence in one ("\x1b[2K\x1b[1A") would erase the very line that reports it.
 * Written as \u001b: readable on a terminal, and the same character again inside a JSON string.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The same characters, for a test that allocates nothing: most text has none, and a report is tens of megabytes. */
const ANY_CONTROL = new RegExp(CONTROL.source);

export function terminalSafe(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
