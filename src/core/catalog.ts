/**
 * The validated, frozen content the engine answers from (built by src/content/load.ts).
 */
import type { Assessment } from "./model/assessment.ts";
import type { DemographicsFile, OutlookFile, RatingsFile } from "./model/figures.ts";
import type { Intent, Lexicon } from "./model/intents.ts";
import type { EducationFile, ExperienceFile, SkillsFile } from "./model/qualifications.ts";
import type { SalaryFile } from "./model/salary.ts";
import type { Source } from "./model/sources.ts";
import type { Item, RoleFile, Topic, TopicsMenu } from "./model/topics.ts";
import type { Wording } from "./model/wording.ts";

export interface Catalog {
  readonly sources: ReadonlyMap<string, Source>;
  /** What the sources say about where their own figures come from. */
  readonly sourceFacts: readonly Item[];
  readonly intents: readonly Intent[];
  readonly intentById: ReadonlyMap<string, Intent>;
  readonly lexicon: Lexicon;
  readonly menu: TopicsMenu;
  readonly role: RoleFile;
  readonly salary: SalaryFile;
  readonly outlook: OutlookFile;
  readonly ratings: RatingsFile;
  readonly demographics: DemographicsFile;
  readonly education: EducationFile;
  readonly experience: ExperienceFile;
  readonly skills: SkillsFile;
  /**
   * The generic topic files (duties, KPIs, trade-offs, ...): every data/*.yml without a shape of its
   * own, by file name, in file-name order. An intent whose `answer` names one is answered from it.
   */
  readonly topics: ReadonlyMap<string, Topic>;
  readonly assessment: Assessment;
  /** The fixed wording answers are built around (data/wording.yml). */
  readonly wording: Wording;
  /** Everyday English words: recognised as words, never spelling-corrected. */
  readonly dictionary: ReadonlySet<string>;
}
