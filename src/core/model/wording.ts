/**
 * data/wording.yml: the fixed wording answers are built around (headings, the bot's own sentences,
 * and sentences about the sources), by composer. A `{name}` placeholder is filled in from the data
 * when the answer is composed; each text lists the placeholders it may use, and any other is an error.
 */
import { z } from "zod";

/** A text that may use these placeholders, and no other. */
function template(...names: string[]) {
  return z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(400)
    .superRefine((text, ctx) => {
      for (const [, name] of text.matchAll(/\{([^}]*)\}/g)) {
        if (!names.includes(name!))
          ctx.addIssue({
            code: "custom",
            message: `unknown placeholder {${name}} (${names.length ? `known: ${names.map((n) => `{${n}}`).join(", ")}` : "this text takes none"})`,
          });
      }
    });
}

const MetaWordingSchema = z
  .object({
    greetingTitle: template(),
    /** What the bot covers, in a sentence (greeting and help). */
    about: template(),
    greeting: template("about"),
    thanks: template(),
    helpTitle: template(),
    helpTips: z.array(template()).min(1),
    topicsTitle: template(),
    topicsLead: template("summary"),
    assessTitle: template(),
    assess: template("questions"),
    sourcesLead: template("count", "names"),
    sourcesTitle: template(),
    sourcesPage: template("count"),
  })
  .strict();

const SalaryWordingSchema = z
  .object({
    hourlyTitle: template(),
    payTitle: template(),
    byLevelTitle: template(),
    levelTitle: template("level"),
    allLevelsTitle: template(),
    salaryTitle: template("where"),
    usTitle: template(),
    otherCountriesTitle: template(),
    hourlyOnly: template("source", "figure", "rounded"),
    noHourly: template("countries"),
    noPeriod: template("period", "aside"),
    hourlyAside: template("source"),
    onlyByLevel: template("source"),
    levelOnly: template("who", "source", "amount"),
    levelOnlyElsewhere: template("source", "countries"),
    spread: template("low", "high"),
    sideBySide: template("count"),
    noCountry: template("countries"),
    /** The short answers (salary-lead.ts). */
    countryLead: template("where", "figures"),
    countrySpread: template("where", "low", "high"),
    countrySpreadTable: template("where", "low", "high"),
    /** The asker's own amount against one source's range ("is within … range of £45,000 to £100,000"). */
    amountWithin: template("range", "source"),
    amountAtTop: template("range", "source"),
    amountAtBottom: template("range", "source"),
    amountAbove: template("range", "source"),
    amountBelow: template("range", "source"),
    countriesSideBySide: template(),
    elsewhere: template("figures"),
    rangeLead: template("where", "ranges"),
    noRange: template("where"),
    onlyLevelSource: template("source"),
    hourlyLead: template("figure", "rounded", "where", "source", "yearly"),
    hourlyYearly: template("amount"),
    hourlyRange: template("min", "max"),
    noFigure: template("what", "countries", "hourly", "level"),
    noFigureHourly: template("source", "where", "figure"),
    monthlyLead: template("where", "figures"),
    countriesLead: template("countries"),
    noFigureLevel: template("source", "where"),
    factorsTitle: template(),
    extrasTitle: template(),
  })
  .strict();

export const WordingSchema = z
  .object({
    meta: MetaWordingSchema,
    salary: SalaryWordingSchema,
    /** Page headings of the other answers, by composer. */
    titles: z
      .object({
        education: template(),
        mastersDisagree: template(),
        certifications: template(),
        degreesHeld: template(),
        degreeShares: template(),
        masters: template(),
        experience: template(),
        priorRoles: template(),
        experienceIncludes: template(),
        training: template(),
        outlook: template(),
        outlookExpect: template(),
        worthIt: template(),
        worthItFigures: template(),
        ratings: template(),
        ratingsAspect: template("aspect"),
        demographics: template(),
        gender: template(),
        race: template(),
        role: template(),
        skills: template(),
      })
      .strict(),
    /** Sentences that say what the sources hold as a whole. */
    sources: z
      .object({
        /** A country no source covers. */
        noCountry: template("what", "missing", "have"),
        countryCaveat: template("missing"),
        educationFields: template(),
        mastersDisagree: template(),
        mastersViews: template(),
        worthItWhy: template(),
        worthItYes: template("why"),
        strongPath: template(),
        growthLead: template(),
        growthPage: template(),
        experienceLead: template(),
        experiencePage: template(),
        priorRolesLead: template("roles"),
        trainingLead: template("min", "max", "source"),
        trainingPage: template("min", "max", "source"),
        trainingNote: template("min", "max", "source"),
        sharesLead: template("shares", "source"),
        sharesPage: template("source"),
        mastersHeldLead: template("percent", "source"),
        mastersHeldPage: template("percent", "source"),
        resumeShares: template("source"),
        /** The ratings and the workforce figures (people.ts). */
        scores: template("source", "scores"),
        scoresTable: template("source", "scale"),
        workforceLead: template("source", "age", "men", "women", "largest", "largestShare"),
        workforcePage: template("source", "age", "usAge"),
        workforceAge: template("source", "age", "usAge"),
        workforceShares: template("source", "aspect", "shares"),
        usAverageAge: template("age"),
        sameAsUsAge: template("age"),
      })
      .strict(),
  })
  .strict();
export type Wording = z.infer<typeof WordingSchema>;
