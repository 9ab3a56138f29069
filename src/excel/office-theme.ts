/**
 * Office's theme (Office.context.officeTheme, where the host reports one): the pane follows a dark Office theme.
 */

/** True when Office shows a dark theme: its body background is dark. False outside Office or when not reported. */
export function officeThemeIsDark(): boolean {
  if (typeof Office === "undefined") return false;
  const theme = (Office.context as { officeTheme?: { bodyBackgroundColor?: string } } | undefined)?.officeTheme;
  const hex = /^#?([0-9a-f]{6})$/i.exec(theme?.bodyBackgroundColor ?? "")?.[1];
  if (!hex) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  // Relative luminance (WCAG): below the midpoint is a dark background.
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) < 0.2;
}
