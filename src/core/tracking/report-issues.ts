/**
 * The issues of progress reports and of the tracking cycle: the "report-…" codes of the engine's catalogue
 * (issues/catalogue.ts, texts in issues/vi.ts and issues/en.ts).
 */
import { Issue, IssueCode, makeIssue } from "../issues/catalogue";
import { issueText } from "../issues/text";

export type TrackingIssueCode = Extract<IssueCode, `report-${string}`>;

export type TrackingIssue = Extract<Issue, { code: TrackingIssueCode }>;

export const makeTrackingIssue = makeIssue;
export const trackingIssueText = issueText;
