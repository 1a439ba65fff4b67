/**
 * Questions asked in the middle of the quiz (pure). A typed reply is first read as an answer; only
 * a clear question goes to the FAQ: one that opens with "wait," / "quick question:" (explicit), or
 * one shaped like a question that the FAQ answers with high confidence. Anything else that fits no
 * option gets a hint, never a topic page.
 */

/** Routing confidence at or above which a question-shaped reply mid-quiz is answered by the FAQ. */
export const CLEAR_QUESTION_CONFIDENCE = 0.6;

/** Openings that mark a question for the FAQ, whatever follows: "wait, …", "quick question: …". */
const EXPLICIT =
  /^\s*(?:wait|hold on|hang on|quick question|a quick question|one question|question|q|btw|by the way|before that|before i answer|side question|off topic)\b\s*[,.:;!?-]*\s*/i;

/** "wait, what does a director earn?" → "what does a director earn?"; undefined without such an opening. */
export function explicitQuestion(text: string): string | undefined {
  const m = EXPLICIT.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m[0].length).trim();
  return rest === "" ? undefined : rest;
}

const WH = /^(?:what|which|who|whom|where|when|why|how)\b/;
const AUXILIARY =
  /^(?:do|does|did|is|are|was|were|can|could|should|would|will|must|shall|am|isnt|arent|dont|doesnt|may|might)\b/;
const OPENERS = /^(?:(?:hey|hi|hello|so|and|but|also|ok|okay|um|hmm|well|oh|then|just|actually)\s+)+/;

/**
 * How a reply is shaped as a question: "words" when it opens with a question word or an auxiliary
 * ("what KPIs matter", "do I need an MBA"), "mark" when only a question mark says so ("5 years?"),
 * undefined otherwise.
 */
export function questionShape(text: string): "words" | "mark" | undefined {
  // "isn't" stays one word; "we're" does not become "were", nor "we'd" "wed".
  const t = text
    .toLowerCase()
    .replace(/n[’']t\b/g, "nt")
    .replace(/[’']/g, " ")
    .replace(/[^a-z0-9?]+/g, " ")
    .trim()
    .replace(OPENERS, "");
  if (WH.test(t) || AUXILIARY.test(t)) return "words";
  return /\?\s*$/.test(text) ? "mark" : undefined;
}
