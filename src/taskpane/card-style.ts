/** The panel look shared by the pane's views (check, consolidate, settings): one definition, one look. */
import { tokens } from "@fluentui/react-components";

export const cardStyle = {
  display: "flex",
  flexDirection: "column",
  gap: tokens.spacingVerticalS,
  padding: tokens.spacingHorizontalM,
  borderRadius: tokens.borderRadiusMedium,
  backgroundColor: tokens.colorNeutralBackground1,
  boxShadow: tokens.shadow2,
} as const;

/** Read by screen readers, not shown (a heading the layout does not need to show). */
export const visuallyHidden = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
} as const;
