/**
 * Tallies of delegations per direction (SPEC 5): totals, members, by country or organisation and by period of start;
 * added up over the sheets of a workbook or the files of a batch, and the totals compared with those a plan states.
 */
import type { Delegation } from "./delegation";
import { Direction, DIRECTIONS, Figure } from "./fields";
import { foldKey } from "../../sheet/text";
import { periodBucket, startQuarter } from "../../timeframe/timeframe";
import { compareVietnamese } from "../../sheet/vietnamese-order";

export interface CountryTally {
  name: string;
  total: number;
  planned: number;
  supplementary: number;
  members: number;
}

export interface DelegationPeriodTally {
  /** A start year ("2025") or an undated kind ("ongoing", "unparsed", "empty" …), as in the task period tally. */
  bucket: string;
  delegations: number;
  /** By quarter of start (index 0..3), and those whose quarter is not known; for year buckets only. */
  quarters?: [number, number, number, number];
  noQuarter?: number;
}

export interface DirectionTally {
  direction: Direction;
  total: number;
  planned: number;
  supplementary: number;
  /** Members over the delegations whose count could be read. */
  members: number;
  /** Delegations whose member count is blank or unreadable. */
  membersUnknown: number;
  countries: CountryTally[];
  periods: DelegationPeriodTally[];
}

export type DelegationTallies = Record<Direction, DirectionTally>;

/** Totals per direction, every figure present: the `delegations` object of the JSON report. */
export type CountedTotals = Record<Direction, Record<Figure, number>>;

const UNDATED_ORDER = ["ongoing", "annual", "on-demand", "per-document", "undated", "unparsed", "empty"];

/** Countries by number of delegations, then by name; the delegations naming no country last. */
function inTallyOrder(countries: Iterable<CountryTally>): CountryTally[] {
  return [...countries].sort(
    (a, b) => (a.name === "" ? 1 : 0) - (b.name === "" ? 1 : 0) || b.total - a.total || compareVietnamese(a.name, b.name),
  );
}

/** Years in order, then the undated kinds in UNDATED_ORDER. */
function inPeriodOrder(periods: Iterable<DelegationPeriodTally>): DelegationPeriodTally[] {
  const rank = (b: string) => (/^\d{4}$/.test(b) ? Number(b) : 10_000 + Math.max(0, UNDATED_ORDER.indexOf(b)));
  return [...periods].sort((a, b) => rank(a.bucket) - rank(b.bucket) || compareVietnamese(a.bucket, b.bucket));
}

function emptyTally(direction: Direction): DirectionTally {
  return { direction, total: 0, planned: 0, supplementary: 0, members: 0, membersUnknown: 0, countries: [], periods: [] };
}

/** Per direction: totals, members, by country or organisation, by period of start (year and quarter). */
export function tallyDelegations(delegations: readonly Delegation[]): DelegationTallies {
  const out = { outbound: emptyTally("outbound"), inbound: emptyTally("inbound") };
  const countries = { outbound: new Map<string, CountryTally>(), inbound: new Map<string, CountryTally>() };
  const periods = { outbound: new Map<string, DelegationPeriodTally>(), inbound: new Map<string, DelegationPeriodTally>() };
  for (const d of delegations) {
    const t = out[d.direction];
    t.total++;
    t[d.status]++;
    if (d.members.value !== null) t.members += d.members.value;
    else t.membersUnknown++;
    const names = d.countries.length ? d.countries : [""];
    const seen = new Set<string>();
    for (const name of names) {
      const key = foldKey(name);
      if (seen.has(key)) continue;
      seen.add(key);
      let c = countries[d.direction].get(key);
      if (!c) {
        c = { name, total: 0, planned: 0, supplementary: 0, members: 0 };
        countries[d.direction].set(key, c);
      }
      c.total++;
      c[d.status]++;
      c.members += d.members.value ?? 0;
    }
    const bucket = periodBucket(d.timeframe);
    let p = periods[d.direction].get(bucket);
    if (!p) {
      p = /^\d{4}$/.test(bucket) ? { bucket, delegations: 0, quarters: [0, 0, 0, 0], noQuarter: 0 } : { bucket, delegations: 0 };
      periods[d.direction].set(bucket, p);
    }
    p.delegations++;
    if (p.quarters) {
      const q = startQuarter(d.timeframe);
      if (q === null) p.noQuarter!++;
      else p.quarters[q - 1]++;
    }
  }
  for (const dir of DIRECTIONS) {
    out[dir].countries = inTallyOrder(countries[dir].values());
    out[dir].periods = inPeriodOrder(periods[dir].values());
  }
  return out;
}

/** Adds tallies of several tables (the sheets of a workbook, the files of a batch) direction by direction. */
export function mergeTallies(list: readonly DelegationTallies[]): DelegationTallies {
  const out = { outbound: emptyTally("outbound"), inbound: emptyTally("inbound") };
  for (const dir of DIRECTIONS) {
    const countries = new Map<string, CountryTally>();
    const periods = new Map<string, DelegationPeriodTally>();
    for (const t of list) {
      const s = t[dir];
      const o = out[dir];
      o.total += s.total;
      o.planned += s.planned;
      o.supplementary += s.supplementary;
      o.members += s.members;
      o.membersUnknown += s.membersUnknown;
      for (const c of s.countries) {
        const key = foldKey(c.name);
        const e = countries.get(key);
        if (!e) countries.set(key, { ...c });
        else {
          e.total += c.total;
          e.planned += c.planned;
          e.supplementary += c.supplementary;
          e.members += c.members;
        }
      }
      for (const p of s.periods) {
        const e = periods.get(p.bucket);
        if (!e) periods.set(p.bucket, { ...p, quarters: p.quarters ? [...p.quarters] : undefined });
        else {
          e.delegations += p.delegations;
          if (e.quarters && p.quarters) for (let q = 0; q < 4; q++) e.quarters[q] += p.quarters[q];
          if (e.noQuarter !== undefined) e.noQuarter += p.noQuarter ?? 0;
        }
      }
    }
    out[dir].countries = inTallyOrder(countries.values());
    out[dir].periods = inPeriodOrder(periods.values());
  }
  return out;
}

export function countedTotals(tallies: DelegationTallies): CountedTotals {
  const pick = (t: DirectionTally) => ({ total: t.total, planned: t.planned, supplementary: t.supplementary });
  return { outbound: pick(tallies.outbound), inbound: pick(tallies.inbound) };
}
