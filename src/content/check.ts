/**
 * Cross-file checks that no single schema can make: every source id resolves, every intent has an
 * answer and resolvable follow-ups, no example utterance belongs to two intents, synonyms are
 * unambiguous, the topics menu names real intents, and lexicon lists do not contradict each other.
 */
import { adviceProblems } from "../core/assessment/advice.ts";
import type { Catalog } from "../core/catalog.ts";

/** "figures[3].currency" from zod's ["figures", 3, "currency"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(top level)";
}

/** Visits every `source` / `sources` field in a value, with its path. */
function* sourceRefs(value: unknown, path: PropertyKey[] = []): Generator<[string, PropertyKey[]]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* sourceRefs(value[i], [...path, i]);
  } else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (key === "source" && typeof v === "string") yield [v, [...path, key]];
      else if (key === "sources" && Array.isArray(v) && v.every((s) => typeof s === "string")) {
        for (let i = 0; i < v.length; i++) yield [v[i] as string, [...path, key, i]];
      } else yield* sourceRefs(v, [...path, key]);
    }
  }
}

export function normalizeExample(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A topic file named like a composer would be shadowed by it: its intent would never read the file. */
function topicNameProblems(c: Catalog, composers: readonly string[]): string[] {
  return [...c.topics.keys()]
    .filter((id) => composers.includes(id))
    .map((id) => `data/${id}.yml: a topic file cannot share its name with the "${id}" composer`);
}

export function crossCheck(c: Catalog, composers: readonly string[]): string[] {
  const problems: string[] = [];
  const files: [string, unknown][] = [
    ["data/role.yml", c.role],
    ["data/salary.yml", c.salary],
    ["data/outlook.yml", c.outlook],
    ["data/ratings.yml", c.ratings],
    ["data/demographics.yml", c.demographics],
    ["data/education.yml", c.education],
    ["data/experience.yml", c.experience],
    ["data/skills.yml", c.skills],
    ["data/sources.yml", { facts: c.sourceFacts }],
    ["data/assessment.yml", c.assessment],
    ...[...c.topics].map(([id, topic]): [string, unknown] => [`data/${id}.yml`, topic]),
  ];
  for (const [file, value] of files) {
    for (const [id, path] of sourceRefs(value)) {
      if (!c.sources.has(id))
        problems.push(`${file}: ${formatPath(path)}: unknown source "${id}" (not in data/sources.yml)`);
    }
  }

  problems.push(...topicNameProblems(c, composers));
  const answerable = new Set([...composers, ...c.topics.keys()]);
  const exampleOwner = new Map<string, string>();
  const synonymOwner = new Map<string, string>();
  const stop = new Set(c.lexicon.stopWords);
  const lexiconWords = new Set([...c.lexicon.role, ...Object.values(c.lexicon.countries).flatMap((x) => x.words)]);
  for (const intent of c.intents) {
    const file = `intents/${intent.id}.yml`;
    if (!answerable.has(intent.answer))
      problems.push(
        `${file}: answer: no composer "${intent.answer}" and no topic file data/${intent.answer}.yml (known: ${[...answerable].join(", ")})`,
      );
    intent.followUps.forEach((f, i) => {
      if (!c.intentById.has(f)) problems.push(`${file}: followUps[${i}]: unknown intent "${f}"`);
      else if (f === intent.id) problems.push(`${file}: followUps[${i}]: an intent cannot follow itself`);
    });
    intent.examples.forEach((example, i) => {
      const key = normalizeExample(example);
      const owner = exampleOwner.get(key);
      if (owner && owner !== intent.id)
        problems.push(`${file}: examples[${i}]: "${example}" is also an example of ${owner}`);
      else if (owner === intent.id) problems.push(`${file}: examples[${i}]: "${example}" is listed twice`);
      exampleOwner.set(key, intent.id);
    });
    for (const [canonical, variants] of Object.entries(intent.synonyms)) {
      variants.forEach((variant, i) => {
        const where = `${file}: synonyms.${canonical}[${i}]`;
        const owner = synonymOwner.get(variant);
        if (owner && owner !== canonical) problems.push(`${where}: "${variant}" already means "${owner}"`);
        if (stop.has(variant)) problems.push(`${where}: "${variant}" is a stop word`);
        if (lexiconWords.has(variant))
          problems.push(`${where}: "${variant}" is a role title or country word in data/lexicon.yml`);
        synonymOwner.set(variant, canonical);
      });
    }
  }
  for (const [variant, canonical] of synonymOwner) {
    if (synonymOwner.has(canonical) && synonymOwner.get(canonical) !== canonical) {
      problems.push(
        `intents: synonym "${variant}" → "${canonical}", but "${canonical}" is itself a synonym of "${synonymOwner.get(canonical)}"`,
      );
    }
  }

  for (const [i, d] of c.assessment.dimensions.entries()) {
    for (const [j, id] of d.learnMore.entries()) {
      if (!c.intentById.has(id))
        problems.push(`data/assessment.yml: dimensions[${i}].learnMore[${j}]: unknown intent "${id}"`);
    }
  }
  problems.push(...adviceProblems(c.assessment));

  for (const intent of c.intents) {
    if (intent.why && !c.intentById.has(intent.why))
      problems.push(`intents/${intent.id}.yml: why: unknown intent "${intent.why}"`);
  }

  for (const [g, group] of c.menu.groups.entries()) {
    for (const [i, id] of group.intents.entries()) {
      if (!c.intentById.has(id)) problems.push(`data/topics.yml: groups[${g}].intents[${i}]: unknown intent "${id}"`);
    }
  }

  const category = new Map<string, string>();
  const claim = (word: string, what: string) => {
    const prior = category.get(word);
    if (prior && prior !== what) problems.push(`data/lexicon.yml: "${word}" is listed as both ${prior} and ${what}`);
    category.set(word, what);
  };
  for (const w of c.lexicon.role) claim(w, "role");
  for (const w of c.lexicon.relatedRoles) claim(w, "relatedRoles");
  for (const w of c.lexicon.otherRoles) claim(w, "otherRoles");
  for (const [code, country] of Object.entries(c.lexicon.countries))
    for (const w of country.words) claim(w, `countries.${code}`);
  const patterns = [
    ...Object.entries(c.lexicon.frames).map(([name, source]) => [`frames.${name}`, source] as const),
    ...Object.entries(c.lexicon.unansweredForms).map(([name, source]) => [`unansweredForms.${name}`, source] as const),
  ];
  for (const [path, source] of patterns) {
    try {
      new RegExp(source);
    } catch (err) {
      problems.push(`data/lexicon.yml: ${path}: not a valid regular expression (${(err as Error).message})`);
    }
  }
  return problems;
}
