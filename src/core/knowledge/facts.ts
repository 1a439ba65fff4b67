/**
 * Facts, the unit of knowledge: every item and record of the catalog as an addressable fact with
 * the topic (intent) whose question it helps answer, its text in our words, its sources, and the
 * extra words it answers (`keys`). Built once from the frozen catalog; the fact index searches
 * them and composers lead with the ones a question asks for.
 */
import { formatDate, itemText, joinList, money, percent, score, sourceName } from "../answers/format.ts";
import type { Catalog } from "../catalog.ts";
import type { SalaryFigure } from "../model/salary.ts";
import type { Source } from "../model/sources.ts";
import type { Item, Section } from "../model/topics.ts";

export interface KnowledgeFact {
  /** Stable id: "<topic>/<section>/<n>", or the record's own id. */
  id: string;
  /** The intent whose answer it belongs to. */
  topic: string;
  /** The fact as shown, in our words. */
  text: string;
  sources: readonly string[];
  /** Words and phrases it answers beyond its text. */
  keys: readonly string[];
  /** How it answers a yes/no question when it is the fact asked for ("Yes", "Not necessarily"). */
  stance?: string;
  /** What no source puts a number on ("how big bonuses are"): a "how much?" about it is declined. */
  noFigure?: string;
  /** Part of the topic's short general answer. */
  summary?: boolean;
  /** A fact to set beside this one when only facts of its section answer (its section's `beside`). */
  beside?: string;
}

function fromItem(
  catalog: Catalog,
  id: string,
  topic: string,
  item: Item,
  fallback: readonly string[] = [],
  sectionStance?: string,
) {
  return {
    id,
    topic,
    text: itemText(catalog, item),
    sources: item.sources ?? fallback,
    keys: [...(item.keys ?? []), ...(item.label ? [item.label.toLowerCase()] : [])],
    stance: item.stance ?? sectionStance,
    noFigure: item.noFigure,
  } satisfies KnowledgeFact;
}

function fromSections(catalog: Catalog, topic: string, sections: readonly Section[]): KnowledgeFact[] {
  return sections.flatMap((s) =>
    s.items.map((item, i) => ({
      ...fromItem(catalog, `${topic}/${s.id}/${i + 1}`, topic, item, s.sources, s.stance),
      ...(s.beside ? { beside: s.beside } : {}),
    })),
  );
}

function summaryFacts(catalog: Catalog, topic: string, items: readonly Item[]): KnowledgeFact[] {
  return items.map((item, i) => ({ ...fromItem(catalog, `${topic}/summary/${i + 1}`, topic, item), summary: true }));
}

/** Every fact in the catalog. */
export function collectFacts(catalog: Catalog): KnowledgeFact[] {
  const facts: KnowledgeFact[] = [];
  for (const [id, topic] of catalog.topics) {
    facts.push(...summaryFacts(catalog, id, topic.summary));
    // An intro frames the topic ("managers and directors emphasize different things"): never an answer on its own.
    if (topic.intro) facts.push({ ...fromItem(catalog, `${id}/intro`, id, topic.intro), summary: true });
    facts.push(...fromSections(catalog, id, topic.sections));
    if (topic.note) facts.push(fromItem(catalog, `${id}/note`, id, topic.note));
  }
  facts.push(...roleFacts(catalog), ...payFacts(catalog), ...educationFacts(catalog), ...experienceFacts(catalog));
  facts.push(...summaryFacts(catalog, "skills", catalog.skills.summary));
  facts.push(...fromSections(catalog, "skills", catalog.skills.sections));
  facts.push(...outlookFacts(catalog), ...peopleFacts(catalog));
  facts.push(...catalog.sourceFacts.map((item, i) => fromItem(catalog, `sources/${i + 1}`, "sources", item)));
  facts.push(...[...catalog.sources.values()].map((s) => sourceDateFact(s)));
  return facts;
}

function roleFacts(catalog: Catalog): KnowledgeFact[] {
  const { role } = catalog;
  const titled = role.titles.filter((t) => t.sources);
  return [
    ...summaryFacts(catalog, "role-overview", role.summary),
    ...role.definitions.map((d, i) => ({
      id: `role-overview/definition/${i + 1}`,
      topic: "role-overview",
      text: `${sourceName(catalog, d.source)}: ${d.text}`,
      sources: [d.source],
      // A definition that names the role's aim answers "what's its main goal?".
      keys: [
        "definition",
        "what is",
        ...(/\bobjective|\bgoal/.test(d.text) ? ["main goal", "goal", "objective", "purpose", "aim"] : []),
      ],
    })),
    {
      id: "role-overview/titles",
      topic: "role-overview",
      text: `Titles: ${joinList(role.titles.map((t) => t.title))}.`,
      sources: [...new Set(titled.flatMap((t) => t.sources ?? []))],
      keys: [
        "titles",
        "job titles",
        "other names",
        "also called",
        "names",
        "same as",
        "same thing",
        "same role",
        "basically the same",
        "interchangeable",
      ],
      stance: "Yes, the same role under different titles",
    },
    ...fromSections(catalog, "role-overview", [role.scope]),
  ];
}

function payFacts(catalog: Catalog): KnowledgeFact[] {
  const { salary } = catalog;
  return [
    ...summaryFacts(catalog, "pay-factors", salary.factorsSummary),
    ...salary.factors.map((item, i) => fromItem(catalog, `pay-factors/factors/${i + 1}`, "pay-factors", item)),
    ...salary.extras.map((item, i) => fromItem(catalog, `pay-factors/extras/${i + 1}`, "pay-factors", item)),
    ...benchmarkFacts(catalog),
    ...salary.figures.map((f) => ({
      id: `salary/${f.id}`,
      topic: "salary",
      text: `${sourceName(catalog, f.source)}: ${figureWords(f)}${f.level ? ` at ${f.level} level (${f.years} years)` : ""} in ${f.country === "CA" ? "Canada" : `the ${f.country}`}${f.via ? ` (${f.via} data)` : ""}.`,
      sources: [f.source],
      keys: [
        "salary",
        f.country.toLowerCase(),
        ...(f.level ? [f.level] : []),
        ...(f.period === "hour" ? ["hourly"] : []),
        ...(f.kind === "range" ? ["range"] : []),
      ],
    })),
  ];
}

/** Figures for all jobs that a source gives beside the role's pay, as facts ("more than the average worker?"). */
export function benchmarkFacts(catalog: Catalog): KnowledgeFact[] {
  return catalog.salary.benchmarks.map((b) => ({
    id: `salary/${b.id}`,
    topic: "salary",
    text: `For comparison, ${sourceName(catalog, b.source)} gives ${money(b.amount, b.currency)} as ${b.what}.`,
    sources: [b.source],
    keys: [
      "worker",
      "workers",
      "all jobs",
      "other jobs",
      "other occupations",
      "every job",
      "everyone else",
      "national",
    ],
  }));
}

function educationFacts(catalog: Catalog): KnowledgeFact[] {
  const e = catalog.education;
  return [
    ...summaryFacts(catalog, "education", e.summary),
    ...e.degrees.map((d, i) => ({
      id: `education/degree/${i + 1}`,
      topic: "education",
      text: `${sourceName(catalog, d.source)}: a bachelor's${d.level === "bachelor-or-higher" ? " or higher" : ""} in ${joinList(d.fields, "or")} (${d.strength}).`,
      sources: [d.source],
      keys: ["degree", "bachelor", "field", "major", "study", ...d.fields.map((f) => f.toLowerCase())],
    })),
    ...e.alternatives.map((item, i) => fromItem(catalog, `education/alternative/${i + 1}`, "education", item)),
    ...e.masters.map((m, i) => ({
      id: `masters/${i + 1}`,
      topic: "masters",
      text: `${sourceName(catalog, m.source)}: ${m.text}`,
      sources: [m.source],
      keys: ["master", "masters", "mba", "advanced degree", "postgraduate"],
    })),
    {
      id: "degree-shares",
      topic: "degree-shares",
      text: `${sourceName(catalog, e.shares.source)}: ${joinList(e.shares.degrees.map((d) => `${percent(d.percent)} hold a ${d.category.toLowerCase()} degree`))}.`,
      sources: [e.shares.source],
      keys: ["most common degree", "percent", "share", ...e.shares.degrees.map((d) => d.category.toLowerCase())],
    },
  ];
}

function experienceFacts(catalog: Catalog): KnowledgeFact[] {
  const x = catalog.experience;
  return [
    ...x.years.map((y, i) => ({
      id: `experience/years/${i + 1}`,
      topic: "experience",
      text: `${sourceName(catalog, y.source)}: ${y.amount} of ${y.appliesTo}.`,
      sources: [y.source],
      keys: ["years", "how many years", "experience"],
    })),
    ...x.priorRoles.map((p, i) => ({
      id: `experience/prior/${i + 1}`,
      topic: "experience",
      text: `${sourceName(catalog, p.source)}: typical earlier jobs are ${joinList(p.roles)}.`,
      sources: [p.source],
      keys: [
        "previous",
        "before",
        "prior",
        "earlier",
        "background",
        "stepping stone",
        "path into",
        "agent",
        "supervisor",
      ],
    })),
    ...x.other.map((item, i) => fromItem(catalog, `experience/other/${i + 1}`, "experience", item)),
    {
      id: "training",
      topic: "training",
      text: `${sourceName(catalog, x.training.source)}: ${x.training.minMonths}-${x.training.maxMonths} months of on-the-job training after being hired.`,
      sources: [x.training.source],
      keys: ["training", "on the job", "months", "learn the job", "ramp up", "onboarding"],
    },
  ];
}

function outlookFacts(catalog: Catalog): KnowledgeFact[] {
  const o = catalog.outlook;
  return [
    ...summaryFacts(catalog, "outlook", o.summary),
    ...o.growth.map((g) => ({
      id: `outlook/${g.id}`,
      topic: "outlook",
      text: `${sourceName(catalog, g.source)}: ${percent(g.rate)} growth (${g.period}) for ${g.appliesTo}${g.comparison ? `, ${g.comparison}` : ""}${averageBeside(catalog, g)}.`,
      sources: [g.source],
      keys: ["growth", "grow", "demand", "percent", g.period],
    })),
    ...o.statements.map((item, i) => fromItem(catalog, `outlook/statement/${i + 1}`, "outlook", item)),
  ];
}

function peopleFacts(catalog: Catalog): KnowledgeFact[] {
  const d = catalog.demographics;
  const r = catalog.ratings;
  return [
    ...r.ratings.map((x) => ({
      id: `ratings/${x.aspect}`,
      topic: "ratings",
      text: `${sourceName(catalog, x.source)}: ${x.aspect} ${score(x.score)} ${r.scale}${x.label ? ` (${x.label})` : ""}${
        x.usAverage
          ? `, against a US average of ${score(x.usAverage.score)}${x.usAverage.label ? ` (${x.usAverage.label})` : ""}`
          : ""
      }.`,
      sources: [x.source],
      keys: [x.aspect, "rating", "score"],
    })),
    {
      id: "demographics/gender",
      topic: "demographics",
      text: `${sourceName(catalog, d.source)}: ${joinList(d.gender.map((g) => `${percent(g.percent)} ${g.category}`))}.`,
      sources: [d.source],
      keys: ["gender", "women", "men", "female", "male"],
    },
    {
      id: "demographics/age",
      topic: "demographics",
      text: `${sourceName(catalog, d.source)}: the average age is ${d.averageAge}.`,
      sources: [d.source],
      keys: ["age", "old", "average age"],
    },
    {
      id: "demographics/race",
      topic: "demographics",
      text: `${sourceName(catalog, d.source)}: ${joinList(d.race.map((g) => `${percent(g.percent)} ${g.category}`))}.`,
      sources: [d.source],
      keys: ["race", "ethnicity", "diversity", ...d.race.map((g) => g.category.toLowerCase())],
    },
  ];
}

/** "$121,000 a year on average", "$96,000 to $154,000 a year", "up to $158,000", "$60.41 an hour". */
function figureWords(f: SalaryFigure): string {
  const about = f.approx ? "about " : "";
  if (f.period === "hour") return `${about}${money(f.hourly!, f.currency)} an hour on average`;
  if (f.kind === "range") return `${money(f.min!, f.currency)} to ${money(f.max!, f.currency)} a year`;
  if (f.kind === "upper") return `up to ${money(f.amount!, f.currency)} a year`;
  return `${about}${money(f.amount!, f.currency)} a year${f.kind === "average" ? " on average" : ""}`;
}

/** "; its average across US jobs is 0.3%": the same source's figure for all jobs, beside the role's. */
function averageBeside(catalog: Catalog, g: Catalog["outlook"]["growth"][number]): string {
  const average = catalog.outlook.growth.find((x) => x.source === g.source && x.period === "not stated" && x !== g);
  return average && g.period !== "not stated" ? `; its average across US jobs is ${percent(average.rate)}` : "";
}

/**
 * Where each source was published, as a fact shown when a link is asked for ("link to the zippia
 * page?"). Kept out of the index: the address's words would pull other questions about the source.
 */
export function sourceLinkFact(s: Source): KnowledgeFact {
  return {
    id: `sources/${s.id}/link`,
    topic: "sources",
    text: s.url ? `${s.short}: ${s.url}` : `${s.short}: where it was published is not confirmed, so I give no link.`,
    sources: [s.id],
    keys: [],
  };
}

/** When a source dates itself, and who published it: "Zippia (2025): updated 8 January 2025, by Zippia". */
/** The id of the fact that gives a source's date and publisher. */
export function sourceDateFactId(source: string): string {
  return `sources/${source}`;
}

function sourceDateFact(s: Source): KnowledgeFact {
  const date = formatDate(s.date);
  const who = s.publisher ? `published by ${s.publisher}` : "its publisher is not named";
  return {
    id: sourceDateFactId(s.id),
    topic: "sources",
    text: `${s.short}: ${date ? `dated ${date}` : "undated"}; ${who}${s.url ? ` (${new URL(s.url).hostname.replace(/^www\./, "")})` : ""}.`,
    sources: [s.id],
    keys: [
      "date",
      "update",
      "updated",
      "last updated",
      "how old",
      "how recent",
      "how current",
      "when",
      "published",
      "publisher",
      ...s.short
        .toLowerCase()
        .split(/[^a-z0-9.]+/)
        .filter((w) => w.length > 3),
    ],
  };
}
