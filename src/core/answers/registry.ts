/** Every composer by id; an intent's `answer` names one of these or a topic file (checked at load). */
import type { Catalog } from "../catalog.ts";
import type { Composer } from "./compose.ts";
import { degreeShares, education, masters } from "./education.ts";
import { experience, training } from "./experience.ts";
import { assess, greeting, help, sources, thanks, topics } from "./meta.ts";
import { outlook, worthIt } from "./outlook.ts";
import { demographics, ratings } from "./people.ts";
import { roleOverview } from "./role.ts";
import { payFactors, salary } from "./salary.ts";
import { skills } from "./skills.ts";
import { isTopic, topic } from "./topic.ts";

export const COMPOSERS: Readonly<Record<string, Composer>> = {
  greeting,
  thanks,
  help,
  topics,
  assess,
  sources,
  "role-overview": roleOverview,
  salary,
  "pay-factors": payFactors,
  education,
  "degree-shares": degreeShares,
  masters,
  experience,
  training,
  skills,
  outlook,
  "worth-it": worthIt,
  ratings,
  demographics,
};

export const COMPOSER_IDS: readonly string[] = Object.keys(COMPOSERS);

/** The composer an intent's `answer` names: a composer above, else the generic one for a topic file. */
export function composerFor(catalog: Catalog, answerId: string): Composer | undefined {
  return COMPOSERS[answerId] ?? (isTopic(catalog, answerId) ? topic : undefined);
}
