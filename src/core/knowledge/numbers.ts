/**
 * Figures written in a text: "$125,654", "125k", "2%", "0.3%", "8.0". A figure the question quotes
 * is strong evidence for the fact that gives it ("where does the 121k come from?", "what does the
 * 2% apply to?"). Amounts are matched to the thousand, so "125k" finds $125,654.
 */

export interface Figure {
  /**
   * The index term: "#125k" for amounts, "#2%" for percentages, "#8.7" for other numbers. An amount in
   * Canadian dollars or pounds says so ("#c130k", "#£70k"): "C$130k" is no quote of Cityjobs' $130,000.
   */
  term: string;
  /** The term whatever the currency: a fact is found by either ("#130k" finds C$130,000 too). */
  plain: string;
  value: number;
  /** Written as a figure (%, currency, "k", decimals, thousands), not a bare count like "5 years". */
  figure: boolean;
  /** The asker's own amount ("making 100k", "more than 100k", "an offer of 95k"), not one quoted from a source. */
  own: boolean;
}

/** Words before an amount that make it the asker's: their pay, an offer, a threshold. */
const OWN_BEFORE =
  /\b(making|make|makes|earning|earn|earns|on|paid|paying|get|getting|got|offer(?:ed)?(?: of)?|offering|budget(?:ed)?(?: of)?|than|over|under|above|below|at|around|about|for)\s*(?:c|ca|cad|us|usd)?\s*$/i;

/** "our budget for a US director is $95k", "we pay our director 120k": the asker's amount, stated. */
const OWN_STATED =
  /\b(our|my) (budget|offer|package|base|salary|pay|comp|compensation)\b[^.?!]{0,60}\b(is|was|of|at|=)\s*(?:c|ca|cad|us|usd)?\s*$|\b(we|i) (pay|paid|are paying|offer|offered|are offering|plan to pay|plan to offer)\b[^.?!]{0,40}$/i;

const NUMBER =
  /([$£€]|c\$)?\s?(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w.]*[a-jl-z])(\s?k\b|\s?%|\s?percent\b)?/gi;

/** Currencies other than the dollar, as an amount's term marks them. */
const CURRENCY_MARK: Readonly<Record<string, string>> = { c$: "c", "£": "£" };

/** A digit: every figure has one, and most questions none. */
const DIGIT = /\d/;

export function figuresIn(text: string): Figure[] {
  const out: Figure[] = [];
  if (!DIGIT.test(text)) return out;
  for (const m of text.slice(0, 2000).matchAll(NUMBER)) {
    const digits = m[2]!;
    const suffix = (m[3] ?? "").trim().toLowerCase();
    const value = Number(digits.replace(/,/g, "")) * (suffix === "k" ? 1000 : 1);
    if (!Number.isFinite(value)) continue;
    const year = value >= 1900 && value <= 2100 && !m[1] && !suffix && !digits.includes(",");
    if (year) continue;
    const percent = suffix === "%" || suffix === "percent";
    const plain = percent ? `#${value}%` : value >= 1000 ? `#${Math.floor(value / 1000)}k` : `#${value}`;
    const currency = !percent && value >= 1000 ? (CURRENCY_MARK[(m[1] ?? "").toLowerCase()] ?? "") : "";
    const term = currency ? `#${currency}${plain.slice(1)}` : plain;
    const figure = Boolean(m[1] || suffix || digits.includes(".") || value >= 1000);
    const own =
      OWN_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index)) ||
      OWN_STATED.test(text.slice(Math.max(0, m.index - 90), m.index));
    if (!out.some((f) => f.term === term)) out.push({ term, plain, value, figure, own });
  }
  return out;
}
