/**
 * Second thoughts on the topic ranking: the intent scores and the fact index agree on most
 * questions, but a few shapes of question say which topic is asked better than the words do. Each
 * rule moves one candidate to the front (with the leader's score) or demotes one; they run in order.
 */
import type { FactHit } from "../knowledge/index.ts";
import type { Figure } from "../knowledge/numbers.ts";
import type { Analysis } from "./analysis.ts";
import type { Candidate } from "./retrieve.ts";

export interface RerankContext {
  analysis: Analysis;
  /** Figures the question writes. */
  quoted: readonly Figure[];
  /** Intents scored on the question's words alone. */
  ranked: readonly Candidate[];
  /** The fact index's best matches. */
  hits: readonly FactHit[];
  /** Whether `term` is one of the words that define `intent` ("skill" for skills). */
  defines: (intent: string, term: string) => boolean;
  /** Whether a source names `place` (San Francisco, the Midwest). */
  namedPlace: (place: string) => boolean;
}

type Rule = (combined: Candidate[], ctx: RerankContext) => void;

/** Words that name a source or a document, not a subject: a topic reached only by them is not what is asked. */
const SOURCE_WORDS = new Set([
  "zippia",
  "cityjobs",
  "jobdescription",
  "playsupplychain",
  "guide",
  "article",
  "page",
  "bls",
  "list",
]);
/** Asks what each source says about something, not about the sources themselves. */
export const PER_SOURCE =
  /\b(disagree|disagrees|differ|differs|different|conflict|conflicting|contradict\w*|vary|varies|both|each|compare|comparing|versus|vs|lowest|highest|widest|narrowest|say|says|give|gives|agree|agrees)\b|\bwhich sources?\b(?! (do|does) you)|\b(more than one|several|multiple|two|other) sources?\b/;
/** "What education do the sources ask for?": the sources as a whole are the lens of a question about something else. */
const SOURCES_AS_LENS =
  /\b(do|does|did|would|will) (the|your|these|those|all|both|my) (sources?|articles?|documents?|docs|guides?) (ask|asks|want|wants|cite|cites|quote|quotes|mention|mentions|list|lists|recommend|recommends|suggest|suggests|expect|expects|require|requires|describe|describes|need|needs|call|calls|name|names|see|sees|think|consider|offer|offers|put|puts)\b|\b(according to|in|from|per) (the|your|these|all) sources\b/;
/** "The cityjobs page: where can a director go next?": a source named before the question is its lens. */
const SOURCE_LABEL = new RegExp(
  `^(?:(?:on|in|per|from|for|according to) )?(?:the )?(?:\\w+ )?(?:${[...SOURCE_WORDS].join("|")})(?: \\w+){0,2}? (?:where|what|whats|how|which|who|when|why|is|are|do|does|can|could)\\b`,
);
const PAY_WORDS = /\b(earn|earns|earning|paid|pay|pays|make|makes|wage|wages|income|money)\b/;

/** Moves the candidate at `index` (or a new one for `intent`) to the front, with the leader's score. */
function promote(combined: Candidate[], index: number, intent?: string): void {
  const promoted = index >= 0 ? combined.splice(index, 1)[0]! : { intent: intent!, score: 0 };
  combined.unshift({ ...promoted, score: combined[0]!.score });
}

const at = (combined: readonly Candidate[], intent: string) => combined.findIndex((c) => c.intent === intent);
/** Whether one of the question's terms defines the intent (read off the set: no copy per call). */
function namesTopic(ctx: RerankContext, intent: string): boolean {
  for (const t of ctx.analysis.terms) if (ctx.defines(intent, t)) return true;
  return false;
}

/** "Can a director earn more than £100k?": the asker's amount against the figures, not what drives pay. */
const ownAmount: Rule = (combined, { quoted }) => {
  if (quoted.some((f) => f.own && f.value >= 20_000) && combined[0]?.intent === "pay-factors")
    promote(combined, at(combined, "salary"), "salary");
};

/**
 * A topic reached only through facts' keys that name a source ("the PlaySupplyChain guide") gives
 * way to one the question names by its defining word ("how many trade-offs does the guide list?").
 */
const sourceNameOnly: Rule = (combined, ctx) => {
  const top = combined[0];
  if (!top) return;
  const own = ctx.ranked.find((c) => c.intent === top.intent)?.score ?? 0;
  const reachedBy = ctx.hits.find((h) => h.fact.topic === top.intent)?.matched ?? [];
  if (own >= 1 || reachedBy.length === 0 || !reachedBy.every((t) => SOURCE_WORDS.has(t))) return;
  const named = combined.findIndex(
    (c) => (ctx.ranked.find((r) => r.intent === c.intent)?.score ?? 0) >= 5 && namesTopic(ctx, c.intent),
  );
  if (named > 0) promote(combined, named);
};

/**
 * "More stressed than a typical US worker?", "older than the average worker?": a comparison of
 * something other than pay goes to the topic that names it.
 */
const notPay: Rule = (combined, ctx) => {
  const a = ctx.analysis;
  if (combined[0]?.intent !== "salary" || a.terms.has("salary") || a.terms.has("_what_make")) return;
  if (a.level !== undefined || PAY_WORDS.test(a.normalized)) return;
  const named = combined.findIndex((c, i) => i > 0 && namesTopic(ctx, c.intent));
  if (named > 0) promote(combined, named);
};

/** "I'm a junior agent, how do I get to director?": a level word describes the asker; the path is asked, not pay. */
const becomeNotPay: Rule = (combined, ctx) => {
  const a = ctx.analysis;
  const top = combined[0]?.intent;
  if (!a.terms.has("_how_become")) return;
  if (top === "salary") {
    if (a.terms.has("salary") || a.terms.has("_what_make") || PAY_WORDS.test(a.normalized)) return;
    promote(combined, at(combined, "steps"), "steps");
  }
  // "I'm a team lead in a call centre, how do I get to director?": where the asker works is context.
  if (top && NOT_THE_PATH.has(top) && !namesTopic(ctx, top)) promote(combined, at(combined, "steps"), "steps");
};
/** "How long till I'm a director if I'm starting as an agent?": the years the path takes, not entry-level pay. */
const howLongNotPay: Rule = (combined, ctx) => {
  const a = ctx.analysis;
  if (combined[0]?.intent !== "salary" || !a.terms.has("_how_long") || !a.terms.has("_role")) return;
  if (a.terms.has("salary") || a.terms.has("_what_make") || PAY_WORDS.test(a.normalized)) return;
  promote(combined, at(combined, "experience"), "experience");
};
/**
 * "Isn't queue management a director-level responsibility?", "are shift operations a director's job?":
 * a duty the manager-vs-director comparison gives to the manager, asked of the director.
 */
const managersDuty: Rule = (combined, ctx) => {
  if (combined[0]?.intent !== "duties" || !YES_NO_START.test(ctx.analysis.normalized)) return;
  const best = ctx.hits.find((h) => h.keyed);
  if (!best?.fact.id.startsWith("manager-vs-director/manager/")) return;
  const duty = ctx.hits.find((h) => h.keyed && h.fact.topic === "duties");
  if (duty && duty.score >= best.score) return;
  promote(combined, at(combined, "manager-vs-director"), "manager-vs-director");
};
/** "senior vs experienced pay gap?": two pay levels named are their figures side by side. */
const twoLevels: Rule = (combined, ctx) => {
  if (combined[0]?.intent !== "pay-factors" || ctx.analysis.levels.length < 2) return;
  promote(combined, at(combined, "salary"), "salary");
};
/** "What kind of environment should a candidate's experience come from?": the experience asked for, and where. */
const experienceFrom: Rule = (combined, ctx) => {
  const top = combined[0]?.intent;
  if ((top !== "work-environment" && top !== "sources") || !ctx.analysis.terms.has("experience")) return;
  if (!EXPERIENCE_FROM.test(ctx.analysis.normalized)) return;
  promote(combined, at(combined, "experience"), "experience");
};
const EXPERIENCE_FROM =
  /\bexperience (should |to |must |has to |needs to )?(come|be|comes) from\b|\bexperience in (a|an|what|which) /;
/** "top pay in the us?", "max salary in the uk": the top of the ranges, not what drives pay up. */
const topOfRange: Rule = (combined, ctx) => {
  const a = ctx.analysis;
  if (combined[0]?.intent !== "pay-factors" || a.countries.length === 0) return;
  if (!TOP_OF_RANGE.test(a.normalized) || /\b(which|what) (industr|compan|sector|kind|type)/.test(a.normalized)) return;
  promote(combined, at(combined, "salary"), "salary");
};
const TOP_OF_RANGE = /\b(top|highest|max|maximum|lowest|minimum|min|bottom)\s+(pay|salary|salaries|wage|wages|end)\b/;
/** "What does Zippia's average work out to per month?": an average per month is pay, not months of training. */
const averagePerMonth: Rule = (combined, ctx) => {
  const a = ctx.analysis;
  // "Roughly how much per month in the US?": an amount a month in a country is pay, not months of training.
  const asksAmount = a.terms.has("average") || (a.terms.has("_how_much") && a.countries.length > 0);
  if (combined[0]?.intent !== "training" || a.period !== "month" || !asksAmount) return;
  promote(combined, at(combined, "salary"), "salary");
};
const YES_NO_START = /^(is|isnt|are|arent|does|doesnt|do|dont)\b/;
/** Topics a how-to-become question lands on only through the asker's own context. */
const NOT_THE_PATH = new Set(["work-environment", "role-overview", "duties"]);

/**
 * "How many years puts you at mid level?", "the top experience tier in Cityjobs' table": a pay level
 * named, whose years the pay table gives; experience answers only how many years the job needs.
 */
const payLevel: Rule = (combined, ctx) => {
  const a = ctx.analysis;
  if (combined[0]?.intent !== "experience") return;
  const named = a.level !== undefined || a.terms.has("level") || LEVEL_NAMED.test(a.normalized);
  if (!named || !["_how_long", "year", "cityjobs", "top"].some((t) => a.terms.has(t))) return;
  // Experience gives way (half its score), so pay answers with a lead of its own, not a tie.
  combined[0] = { intent: "experience", score: combined[0]!.score / 2 };
  combined.sort((x, y) => y.score - x.score);
  if (combined[0]!.intent !== "salary") promote(combined, at(combined, "salary"), "salary");
};

/** "What label does Cityjobs use for 11+ years?": the name of a pay level. */
const LEVEL_NAMED = /\b(label|labels|labelled|labeled|called|tier|tiers|band|bands|bracket|brackets)\b/;

/** "List the salary steps by experience": pay by level, not the steps to the job. */
const payBySteps: Rule = (combined, { analysis: a }) => {
  if (combined[0]?.intent !== "steps" || !a.terms.has("salary") || !a.terms.has("experience")) return;
  promote(combined, at(combined, "salary"), "salary");
};

/** "What changes how much a director earns?": what drives pay, not the figure. */
const whatDrivesPay: Rule = (combined, { analysis }) => {
  if (combined[0]?.intent !== "salary" || !analysis.terms.has("_pay_varies") || !analysis.terms.has("factor")) return;
  const factors = at(combined, "pay-factors");
  if (factors > 0) promote(combined, factors);
};

/** What makes pay move, as a question: "what makes pay go up or down?", "why does it vary?". */
const DRIVES = /\b(what makes|what drives|why|depends?|go up|go down|vary|varies|affects?)\b/;
/** "Highest-paying level in the Cityjobs table?": the pay of a level, not what makes pay vary. */
const levelPay: Rule = (combined, { analysis }) => {
  if (combined[0]?.intent !== "pay-factors" || analysis.terms.has("factor") || DRIVES.test(analysis.normalized)) return;
  if (!analysis.terms.has("level") && analysis.level === undefined && !LEVEL_NAMED.test(analysis.normalized)) return;
  promote(combined, at(combined, "salary"), "salary");
};

/** "SF vs a small Midwest town?": the places the sources name are what makes pay vary, not a figure. */
const namedPlaces: Rule = (combined, { analysis, namedPlace }) => {
  if (combined[0]?.intent === "salary" && analysis.places.filter(namedPlace).length > 1)
    promote(combined, at(combined, "pay-factors"), "pay-factors");
};

/**
 * Pay in two covered countries ("better paid in the US or Canada?") is a salary comparison, also
 * when a source is named for its numbers ("Canada or the UK? numbers from jobdescription.org").
 */
const twoCountries: Rule = (combined, { analysis }) => {
  const covered = analysis.countries.filter((c) => ["US", "UK", "CA"].includes(c));
  if (covered.length < 2 || !combined[0]) return;
  const top = combined[0].intent;
  const asksPay = ["salary", "higher pay", "_pay_varies", "_what_make"].some((t) => analysis.terms.has(t));
  if (top === "pay-factors" || (top === "sources" && asksPay))
    combined.unshift({ intent: "salary", score: combined[0].score });
};

/**
 * "Sources disagree on growth": the subject is growth, seen source by source; with the subject
 * first, the sources topic is how it is seen, not a rival.
 */
const perSource: Rule = (combined, ctx) => {
  const text = ctx.analysis.normalized;
  if (!PER_SOURCE.test(text) && !SOURCES_AS_LENS.test(text) && !SOURCE_LABEL.test(text)) return;
  if (combined[0]?.intent === "sources") {
    const lead = combined[0].score;
    // Two countries named ("UK and Canada side by side, both sources") ask their pay.
    const countries = ctx.analysis.countries.length > 1;
    const subject = combined.findIndex(
      (c) =>
        c.intent !== "sources" &&
        (namesTopic(ctx, c.intent) || c.score >= 0.4 * lead || (countries && c.intent === "salary")),
    );
    if (subject > 0) promote(combined, subject);
  }
  if (combined[0] && combined[0].intent !== "sources") {
    const sources = at(combined, "sources");
    if (sources > 0) combined[sources] = { intent: "sources", score: combined[sources]!.score / 2 };
    combined.sort((x, y) => y.score - x.score);
  }
};

/** Words that ask about the sources themselves: where the facts come from, how old or reliable they are. */
export const ABOUT_SOURCES: ReadonlySet<string> = new Set([
  "source",
  "updated",
  "publisher",
  "reliable",
  "information",
  "data",
  "numbers",
  "per sources",
  "recency",
  "_source_age",
  "_provider_figure",
  "_by_source",
]);
/** Frames that ask for a topic by the question's shape: "what is", "what do they do", "what do they make". */
const ASKS_TOPIC = new Set(["_what_is", "_what_do", "_what_make", "_how_become"]);
const PUBLISHERS = new Set([
  "the job description",
  "customer care director job description",
  "customer service director job description",
  "zippia",
  "cityjobs",
  "jobdescription",
  "playsupplychain",
  "bls",
  "indeed",
  "glassdoor",
  "totaljobs",
  "payscale",
]);

/**
 * "What is a director of customer care according to Zippia?": a source named as the lens of a
 * question about something else; the sources topic is what it says of that subject, not the sources.
 */
const sourceAsLens: Rule = (combined, ctx) => {
  if (combined[0]?.intent !== "sources") return;
  const terms = [...ctx.analysis.terms];
  if (!terms.some((t) => PUBLISHERS.has(t))) return;
  if (terms.some((t) => ABOUT_SOURCES.has(t))) return;
  const subject = ctx.ranked.find(
    (c) => c.intent !== "sources" && (namesTopic(ctx, c.intent) || terms.some((t) => ASKS_TOPIC.has(t))),
  );
  if (!subject || at(combined, subject.intent) < 0) return;
  // The lens gives way: the sources topic keeps half its score, so the subject leads on its own.
  combined[0] = { intent: "sources", score: combined[0]!.score / 2 };
  combined.sort((x, y) => y.score - x.score);
  if (combined[0]!.intent !== subject.intent) promote(combined, at(combined, subject.intent));
};

/** "What degree and how many years of experience?": the education answer gives both. */
const degreeAndExperience: Rule = (combined, { analysis }) => {
  if (combined[0]?.intent !== "experience") return;
  if (!["degree", "education", "bachelor", "major"].some((t) => analysis.terms.has(t))) return;
  const education = at(combined, "education");
  if (education > 0) promote(combined, education);
};

/**
 * "Experience requirement differs by source?": a difference with no other role named is not the
 * manager-vs-director topic; the topic the question names comes first.
 */
const ASKER_BESIDE = /\bbetween\b|\b(me|my|i|im)\b/;
const noOtherRole: Rule = (combined, ctx) => {
  if (combined[0]?.intent !== "manager-vs-director" || ctx.analysis.relatedRoles.length > 0) return;
  if (
    [...ctx.analysis.terms].some(
      (t) => t.startsWith("role ") || (ctx.defines("manager-vs-director", t) && t !== "difference"),
    )
  )
    return;
  // "Does a director run shift operations?": a fact of the topic named by other words keeps it.
  if (ctx.hits.some((h) => h.fact.topic === "manager-vs-director" && h.matched.some((m) => m !== "difference"))) return;
  // "Why do the US averages in the sources differ?": the topic named, or else the runner-up, unless
  // the asker sets themselves beside the role ("the diff between me and a director").
  const found = combined.findIndex((c, i) => i > 0 && namesTopic(ctx, c.intent));
  const runnerUp = (combined[1]?.score ?? 0) > 0 && !ASKER_BESIDE.test(ctx.analysis.normalized) ? 1 : -1;
  const named = found > 0 ? found : runnerUp;
  if (named <= 0) return;
  // Below the topic named, by as much as a sure answer needs: a tie would ask which was meant.
  combined[0] = { intent: combined[0].intent, score: combined[named]!.score / 2 };
  combined.sort((x, y) => y.score - x.score);
};

const RULES: readonly Rule[] = [
  ownAmount,
  sourceNameOnly,
  sourceAsLens,
  notPay,
  becomeNotPay,
  payLevel,
  payBySteps,
  howLongNotPay,
  managersDuty,
  twoLevels,
  experienceFrom,
  topOfRange,
  averagePerMonth,
  whatDrivesPay,
  levelPay,
  namedPlaces,
  twoCountries,
  perSource,
  degreeAndExperience,
  noOtherRole,
];

/** Applies the rules to `combined` (best first), in place. */
export function rerank(combined: Candidate[], ctx: RerankContext): void {
  for (const rule of RULES) rule(combined, ctx);
}
