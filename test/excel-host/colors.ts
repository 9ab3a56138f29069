/**
 * Colours as Excel takes and gives them: "#RRGGBB" or an HTML colour name in, "#RRGGBB" (upper
 * case) out. Only the common HTML names are known to the stand-in.
 */

const NAMED: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  lime: "#00FF00",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  cyan: "#00FFFF",
  aqua: "#00FFFF",
  magenta: "#FF00FF",
  fuchsia: "#FF00FF",
  silver: "#C0C0C0",
  gray: "#808080",
  grey: "#808080",
  maroon: "#800000",
  olive: "#808000",
  purple: "#800080",
  teal: "#008080",
  navy: "#000080",
  orange: "#FFA500",
  pink: "#FFC0CB",
  brown: "#A52A2A",
  gold: "#FFD700",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
  darkgray: "#A9A9A9",
  darkgrey: "#A9A9A9",
  lightblue: "#ADD8E6",
  lightgreen: "#90EE90",
  lightyellow: "#FFFFE0",
  lightpink: "#FFB6C1",
  orangered: "#FF4500",
  darkred: "#8B0000",
  darkgreen: "#006400",
  darkblue: "#00008B",
  salmon: "#FA8072",
  khaki: "#F0E68C",
  coral: "#FF7F50",
  tomato: "#FF6347",
};

/** "#ffc7ce" → "#FFC7CE", "yellow" → "#FFFF00"; null for anything Excel would refuse. */
export function normalizeColor(input: unknown): string | null {
  if (typeof input !== "string") return null;
  const t = input.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(t)) return t.toUpperCase();
  if (/^#[0-9a-fA-F]{3}$/.test(t)) {
    return `#${t[1]}${t[1]}${t[2]}${t[2]}${t[3]}${t[3]}`.toUpperCase();
  }
  return NAMED[t.toLowerCase()] ?? null;
}
