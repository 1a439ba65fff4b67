/**
 * The shape of a question, read from its words: yes/no, a comparison, "why", "which source".
 * Composers use it to answer in the same shape ("Not necessarily: …", figures side by side).
 */

export interface QuestionForm {
  /** Asks for yes or no: "do I need an MBA?", "is it stressful?". */
  yesNo: boolean;
  /** Puts things side by side: "vs", "compared with", "difference between", "more than". */
  comparison: boolean;
  /** Asks for a reason: "why", "how come". */
  why: boolean;
  /** Asks for an amount: "how much", "what percentage", "how big". */
  quantity: boolean;
}

export const PLAIN_FORM: QuestionForm = Object.freeze({ yesNo: false, comparison: false, why: false, quantity: false });

/** Words that open a yes/no question. */
const AUXILIARIES = new Set([
  "do",
  "does",
  "did",
  "is",
  "are",
  "was",
  "were",
  "can",
  "could",
  "should",
  "will",
  "would",
  "must",
  "need",
  "needs",
  "has",
  "have",
  "am",
  "isnt",
  "arent",
  "dont",
  "doesnt",
  "shall",
]);
/** Openers skipped before the first real word ("hey, do I need…", "quick q: is it…"). */
const OPENERS = new Set([
  "hey",
  "hi",
  "hello",
  "ok",
  "okay",
  "so",
  "and",
  "but",
  "quick",
  "q",
  "question",
  "also",
  "um",
  "hmm",
  "well",
  "oh",
  "yo",
]);
/** How a sentence that asks something begins ("what…", "does…"); a sentence that does not is a statement. */
/** "Is the 2% for the industry or for representatives?", "is that US or Canada?": a choice, not a yes/no question. */
const EITHER_OR =
  /\bor (for|in|at|from|by|with|about|on)\b|\b(fast|slow|good|bad|high|low|us|uk|canada|yearly|monthly|directors?|managers?|reps?) or (fast|slow|good|bad|high|low|us|uk|canada|yearly|monthly|per month|per year|directors?|managers?|reps?)$/;
export const QUESTION_START =
  /^\W*(how|what|wat|wht|whats|what's|which|where|when|why|who|can|could|should|would|will|do|does|did|is|are|am)\b/i;
/** An auxiliary and its subject later in a message: "… do they work together", "… is that part of it". */
const LATER_YES_NO =
  /\b(do|does|did|is|are|can|could|should|would|will|was|were) (they|it|i|you|we|he|she|that|this|these|those|a|an|the|directors?|ccds?|csds?|managers?)\b|\bpart of (the |a |their |the director s )?(\w+ )?(scope|role|job|remit|responsibilities|duties)$/;
const WH = new Set([
  "what",
  "which",
  "who",
  "whom",
  "where",
  "when",
  "why",
  "how",
  "whats",
  "hows",
  "wat",
  "wht",
  "wut",
]);
const QUANTITY =
  /\b(how much|how many|average|typical|median|how big|how large|what size|what percentage|what percent|percent|percentage|what amount|amount of|target|benchmark|aim for|good (\w+ )?(score|rate|number|level)|(actual|exact|precise) (number|figure|amount|salary|pay))\b/;
const COMPARE =
  /\b(vs|versus|compared?|comparison|comparing|difference|differences|differ|differs|against|relative to|more than|less than|higher than|lower than|better than|worse than|bigger than|above|below)\b/;

/** "escalation effectiveness - a KPI or not?": yes or no, whatever its opening. */
const OR_NOT = /\bor not$/;
/** "…scores higher stress than the average job, true?", "…y/n": a statement put to the bot to confirm. */
const TAG_QUESTION =
  /\b(true|right|correct|accurate|possible|yes|yeah|yea|ya|yep|y n|is that (so|right|true|correct|accurate)|on (the|their|its|that|this) (\w+ )?list|listed|included|part of (the|their|his|her) (job|role|remit))$/;
/** An auxiliary opening the clause after a label or what the asker says: "WFM lead: is…", "I'm a team lead - does…". */
const AUXILIARY_AFTER_BREAK =
  /(?:[:;,.!?]|\s[-\u2013\u2014])\s+(?:is|are|do|does|did|can|could|should|would|will|was|were|has|have)\s+(?!you\b|u\b)/i;

/**
 * @param words the words of `normalized` when the caller has them (the analysis does): no second split
 * @param raw the message as written, whose punctuation shows a question after a label or a statement
 */
export function questionForm(
  normalized: string,
  words: readonly string[] = normalized.split(" ").filter(Boolean),
  raw?: string,
): QuestionForm {
  let i = 0;
  while (i < words.length - 1 && OPENERS.has(words[i]!)) i++;
  const first = words[i] ?? "";
  // "I'm a team lead. Do I need a degree?", "sales team - do they work together?": a yes/no question
  // after what the asker says, when no word asks what, which or how.
  const yesNo =
    ((AUXILIARIES.has(first) && !words.slice(i + 1, i + 3).some((t) => WH.has(t))) ||
      (!words.some((t) => WH.has(t)) &&
        (LATER_YES_NO.test(normalized) ||
          OR_NOT.test(normalized) ||
          TAG_QUESTION.test(normalized) ||
          (raw !== undefined && AUXILIARY_AFTER_BREAK.test(raw))))) &&
    !EITHER_OR.test(normalized);
  const why = first === "why" || /\bhow come\b|\bwhy\b|\breasons?\b/.test(normalized);
  return { yesNo, comparison: COMPARE.test(normalized), why, quantity: QUANTITY.test(normalized) };
}

/**
 * "Do directors handle budgets? im a WFM planner trying to understand who owns it": what the asker says
 * of themselves after the question is context, as it would be before it. The statement moves in front
 * of the question, where the analyser reads context; a message without one is returned as it is.
 */
export function contextFirst(text: string): string {
  const mark = text.lastIndexOf("?");
  if (mark <= 0 || mark === text.length - 1) return text;
  const after = text.slice(mark + 1).trim();
  if (after === "" || QUESTION_START.test(after) || CARRIES_ON.test(after)) return text;
  if (!ASKERS_OWN.test(after) && !JOB_LABEL.test(after)) return text;
  const before = text.slice(0, mark + 1).trim();
  // "really? i heard 5", "and in Mexico? we're nearshore there": a follow-up leans on the statement.
  if (CARRIES_ON.test(before) || before.split(/\s+/).length < 3) return text;
  return `${/[.!]$/.test(after) ? after : `${after}.`} ${before}`;
}

/** A statement in the asker's own voice: "I'm a WFM planner", "asking for my mom", "new here in our site". */
const ASKERS_OWN =
  /\b(i|im|i'm|i’m|ive|i've|id|i'd|me|my|our|we|we're|asking|new here)\b|^\W*(trying|writing|building|working on|preparing|putting together|drafting|planning|need it for|needed for|thinking of|thinking about|considering|hoping to|looking to)\b/i;
/** A job the asker names as a label: "training lead in Auckland", "ex-chef, culinary diploma only", "union rep here". */
const JOB_LABEL =
  /^\W*(?:[a-z]+[\s-]+){0,3}(?:lead|leader|manager|agent|analyst|rep|coach|recruiter|student|grad|graduate|trainer|specialist|planner|owner|founder|vet|veteran|teacher|nurse|paramedic|chef|officer|hrbp|engineer|developer|designer|consultant|counsellor|counselor|adviser|advisor|assistant|parent|mum|mom|dad)\s*(?:here\b|[,:;—–-]|\s(?:in|at|from|with)\b)/i;
/** A fragment that goes on with the question rather than describing the asker: "and for my team?", "or is it…". */
const CARRIES_ON = /^\W*(and|or|also|plus|vs|versus|in|for|at|per|same|what about|how about|if|compared)\b/i;
