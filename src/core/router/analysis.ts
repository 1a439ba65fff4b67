/** What the router knows about one message (see analyze.ts). */
import type { Level, RatingAspect } from "../model/common.ts";

export interface Analysis {
  normalized: string;
  /** Canonical terms present, frames (_what_do) and _role included. */
  terms: Set<string>;
  roleMentioned: boolean;
  otherRoles: string[];
  relatedRoles: string[];
  /** Country codes in the order mentioned (a place counts for its country). */
  countries: string[];
  /** How many of `countries` only the asker's context named, when the question stands without it. */
  contextCountries: number;
  /** Cities, states and regions mentioned ("texas", "london"). */
  places: string[];
  /** The places of `places` named only in what the asker says of themselves ("(we're in Houston)"). */
  askersPlaces: string[];
  /** Question forms no source answers ("how to calculate a metric"), by what is missing. */
  unanswered: string[];
  /** The words that matched each unanswered form, as normalised ("interview questions"). */
  unansweredPhrases: Record<string, string[]>;
  /** Every word of `normalized`, as written (tokens are the first MAX_TOKENS, expanded and corrected). */
  words: string[];
  /** The tokens after shorthand expansion and spelling correction. */
  tokens: string[];
  /** Positions in `tokens` of content words the vocabulary does not know (not corrected either). */
  unknownAt: number[];
  offTopic: string[];
  /** How many tokens open the message as what the asker says of themselves (context or a moved aside). */
  askersWords: number;
  /** How many of them the asker wrote after the question (see contextFirst): nothing there is asked about. */
  asideWords: number;
  /** The token index where each of `offTopic` begins. */
  offTopicAt: number[];
  injection: boolean;
  level?: Level;
  /** Every experience level named, in order ("entry vs veteran"). */
  levels: Level[];
  period?: "hour" | "month" | "week" | "year";
  aspects: RatingAspect[];
  /** A number of years the message mentions ("5 years", "five yrs"). */
  years?: number;
  /** Content words (not stop words) and how many of them the vocabulary recognised. */
  content: number;
  known: number;
  corrected: number;
  unknownWords: string[];
}
