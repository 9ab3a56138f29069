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
