/** Replies that are not answers: declines, "Did you mean…", stale buttons, and the apology after an error. */

import { citedSources, formatDate, joinList, withStance } from "./answers/compose.ts";
import { askButton } from "./answers/meta.ts";
import type { Catalog } from "./catalog.ts";
import { askPayload } from "./payloads.ts";
import type { Verdict } from "./router/claims.ts";
import type { RouteResult } from "./router/router.ts";
import type { CoverageKnowledge, Uncovered } from "./router/uncovered.ts";
import { ACTIONS, type Block, type DeclineReason, type Reply, type Slots } from "./types.ts";

/** Intents offered when a question is declined. */
const OFFERED = ["salary", "experience", "skills", "topics"];
const ROLE = "the Customer Care / Customer Service Director role";

export function declineReply(
  catalog: Catalog,
  reason: Exclude<DeclineReason, "empty">,
  slots: Slots,
  confidence: number,
  /** What an off-topic question was about, as the user wrote it ("SQL", "the dress code"). */
  subject?: string,
): Reply {
  const blocks: Block[] = [];
  switch (reason) {
    case "injection":
      blocks.push({
        type: "text",
        text: `I can't change how I work or what I answer. I only answer questions about ${ROLE}, from five published sources.`,
      });
      break;
    case "other-role":
      blocks.push({
        type: "text",
        text: `I only know about ${ROLE}, so I can't tell you about ${slots.otherRole ? `the ${roleName(slots.otherRole)} role` : "other jobs"}.`,
      });
      break;
    case "related-role-pay":
      blocks.push({ type: "text", text: otherRolesPay(slots.relatedRole) });
      break;
    case "other-country":
      blocks.push({
        type: "text",
        text: `None of my sources covers ${slots.countryName ?? "that country"}. They give figures for the United States, the United Kingdom and Canada.`,
      });
      break;
    case "off-topic":
    case "not-understood": {
      const topics = joinList(["pay", "skills", "experience and education", "KPIs", "trade-offs", "the outlook"]);
      const lead = subject ? `Sorry, I can't help with ${subject}.` : "Sorry, I can't answer that.";
      blocks.push({ type: "text", text: `${lead} I only know about ${ROLE}: ${topics}.` });
      break;
    }
  }
  blocks.push({
    type: "buttons",
    title: "I can help with",
    buttons: OFFERED.filter((id) => catalog.intentById.has(id)).map((id) => askButton(catalog, id)),
  });
  return { outcome: "decline", intent: reason, confidence, blocks };
}

export function clarifyReply(catalog: Catalog, routing: RouteResult): Reply {
  const top = routing.candidates[0]?.score ?? 0;
  const options = routing.candidates.filter((c) => c.score >= top * 0.45).slice(0, 3);
  return {
    outcome: "clarify",
    intent: routing.intent ?? "unknown",
    confidence: routing.confidence,
    blocks: [
      { type: "text", text: "I'm not sure what you're asking. Did you mean:" },
      {
        type: "buttons",
        title: "Did you mean",
        buttons: options.map((c) =>
          askButton(catalog, c.intent, askPayload.encode({ intent: c.intent, slots: routing.slots })),
        ),
      },
    ],
  };
}

/** A button this engine does not recognise (an old message, a changed catalog): say so, change nothing. */
export function staleReply(
  catalog: Catalog,
  text = "That button is from an older message and no longer works. Ask me again, or pick a topic.",
): Reply {
  return {
    outcome: "decline",
    intent: "stale-action",
    confidence: 1,
    blocks: [
      { type: "text", text },
      { type: "buttons", buttons: catalog.intentById.has("topics") ? [askButton(catalog, "topics")] : [] },
    ],
  };
}

/** What the user sees when a turn fails: short, no internals. */
export function apologyReply(): Reply {
  return {
    outcome: "decline",
    intent: "error",
    confidence: 0,
    blocks: [
      {
        type: "text",
        text: "Sorry, something went wrong on my side and I couldn't answer that. Please try again in a moment.",
      },
    ],
  };
}

/**
 * A question about something no source covers: say exactly what is missing, then offer the
 * nearest covered answer (the topic the question was otherwise about) as a button.
 */
export function uncoveredReply(catalog: Catalog, routing: RouteResult, kb: CoverageKnowledge): Reply {
  const u = routing.uncovered;
  const blocks: Block[] = [{ type: "text", text: u ? missingText(u, kb) : "I didn't catch a question there." }];
  if (u?.kind === "figure" && u.known) {
    blocks.push({ type: "text", text: `What they do say: ${u.known}`, sources: u.sources ?? [] });
    const cited = citedSources(catalog, blocks);
    if (cited.length) blocks.push({ type: "sources", sources: cited });
  }
  const nearest = routing.intent && catalog.intentById.has(routing.intent) ? routing.intent : null;
  const buttons = nearest
    ? [askButton(catalog, nearest, askPayload.encode({ intent: nearest, slots: routing.slots }))]
    : OFFERED.filter((id) => catalog.intentById.has(id)).map((id) => askButton(catalog, id));
  blocks.push({ type: "buttons", title: nearest ? "What I do have" : "I can help with", buttons });
  return { outcome: "decline", intent: routing.declineReason ?? "uncovered", confidence: routing.confidence, blocks };
}

/** "No. Veteran (20+ years): $130,000 a year": a claim's verdict before the lead, unless the lead gives one. */
export function withVerdict(catalog: Catalog, reply: Reply, verdict: Verdict): Reply {
  const [first, ...rest] = reply.blocks;
  if (first?.type === "text" && GIVES_VERDICT.test(first.text)) return reply;
  const blocks: Block[] =
    first?.type === "text"
      ? [{ ...first, text: withStance(catalog, verdict, first.text) }, ...rest]
      : [{ type: "text", text: `${verdict}.` }, ...reply.blocks];
  return { ...reply, blocks };
}

const GIVES_VERDICT = /^(Yes|No|Not)\b/;

/** What one part of a message asked that no source covers, before the answer to the rest. */
export function partlyText(u: Uncovered, kb: CoverageKnowledge): Block {
  return { type: "text", text: missingText(u, kb) };
}

/** "…not for a COO, so I won't guess.": another role's pay, as a decline or beside an answer. */
function otherRolesPay(role: string | undefined): string {
  return `My sources give figures for the director role only, not for ${role ? withArticle(roleName(role)) : "other roles"}, so I won't guess.`;
}

/** The label names the word asked in another form ("negotiate" in "negotiation advice"). */
function saysAlready(label: string, asked: string): boolean {
  const stem = asked.toLowerCase().slice(0, 6);
  return stem.length === 6 && label.split(" ").some((w) => w.startsWith(stem));
}

function missingText(u: Uncovered, kb: CoverageKnowledge): string {
  switch (u.kind) {
    case "no-words":
    case "code":
      return `I didn't catch a question there. I answer questions about ${ROLE}: pay, skills, experience, the path to the job and more.`;
    case "year":
      return u.future
        ? `None of my sources gives figures for ${u.year}: the newest dates from ${kb.latestYear}, and their projections run to ${kb.furthestYear} at most.`
        : `None of my sources gives figures for ${u.year}; theirs date from ${Math.min(...kb.years)} to ${kb.latestYear}.`;
    case "form": {
      const about = u.subject ? ` (${u.subject})` : "";
      // "negotiate" is said by "negotiation advice" already.
      return u.missing.includes(u.asked.toLowerCase()) || saysAlready(u.missing, u.asked)
        ? `None of my sources covers ${u.missing}${about}, so I won't guess.`
        : `None of my sources covers ${u.asked}${about}: they do not go into ${u.missing}.`;
    }
    case "figure":
      return `None of my sources puts a number on ${u.missing}.`;
    case "role-pay":
      return otherRolesPay(u.role);
    case "place":
      return `None of my sources gives figures for ${placeName(u.name)} on its own: they give national figures for the United States, the United Kingdom and Canada.`;
    case "subject":
      return u.name
        ? `None of my sources says anything about ${u.phrase}: they describe the role in general, not particular employers, products or places.`
        : `None of my sources covers ${u.phrase}, so I won't guess.`;
  }
}

/** "Which source says that?": the sources of the previous answer, each with what it is and its date. */
export function sourcesOfReply(catalog: Catalog, ids: readonly string[]): Reply {
  const sources = ids.flatMap((id) => {
    const s = catalog.sources.get(id);
    return s ? [s] : [];
  });
  if (sources.length === 0)
    return {
      outcome: "decline",
      intent: "no-sources",
      confidence: 1,
      blocks: [
        { type: "text", text: "My last answer did not come from a source: ask me about the role and I'll cite mine." },
      ],
    };
  const items = sources.map((s) => {
    const date = formatDate(s.date);
    return {
      text: `${s.short}: "${s.title}"${date ? `, ${date}` : ""}${s.note ? `; ${s.note}` : ""}`,
      sources: [s.id],
    };
  });
  return {
    outcome: "answer",
    intent: "sources",
    confidence: 1,
    blocks: [
      {
        type: "text",
        text: sources.length === 1 ? "That comes from one source:" : `That comes from ${sources.length} sources:`,
      },
      { type: "bullets", items },
      { type: "sources", sources: citedSources(catalog, [{ type: "bullets", items }]) },
    ],
  };
}

/** A role as written in prose: acronyms in capitals ("VP", "COO"). */
function roleName(role: string): string {
  return role.replace(
    /\b(vp|svp|evp|coo|ceo|cxo|cfo|cto|cio|cco|cx|cs)(s?)\b/g,
    (_, m: string, s: string) => `${m.toUpperCase()}${s}`,
  );
}

/** "a COO", "an agent", "agents": the article a role needs after "for". */
function withArticle(role: string): string {
  if (/[^s]s$/.test(role)) return role;
  return /^([aeiou]|[AEFHILMNORSX][A-Z])/.test(role) ? `an ${role}` : `a ${role}`;
}

/** A place as a name: "leeds" → "Leeds", "san francisco" → "San Francisco"; as written when it has capitals. */
function placeName(name: string): string {
  return name === name.toLowerCase() ? name.replace(/\b[a-z]/g, (c) => c.toUpperCase()) : name;
}

/** The answer to the part the sources cover, then what they do not, before the citations and buttons. */
export function withPartly(reply: Reply, missing: Block): Reply {
  const at = reply.blocks.findIndex((b) => b.type === "sources" || b.type === "buttons");
  const blocks = [...reply.blocks];
  blocks.splice(at < 0 ? blocks.length : at, 0, missing);
  return { ...reply, blocks };
}

/** How many items of each answer's list a reply to two questions keeps. */
const BOTH_ITEMS = 2;

/** Two answers as one reply: each one's text, then the sources of both and each one's "More on…". */
export function bothAnswers(catalog: Catalog, first: Reply, second: Reply): Reply {
  // Each answer's lead, its lists cut to their first BOTH_ITEMS items.
  const said = (r: Reply) =>
    r.blocks.flatMap((b): Block[] => {
      if (b.type === "sources" || b.type === "buttons") return [];
      return b.type === "bullets" ? [{ ...b, items: b.items.slice(0, BOTH_ITEMS) }] : [b];
    });
  const more = (r: Reply) =>
    r.blocks.flatMap((b) => (b.type === "buttons" ? b.buttons.filter((x) => x.action === ACTIONS.more) : []));
  const blocks: Block[] = [...said(first), ...said(second)];
  const sources = citedSources(catalog, blocks);
  if (sources.length > 0) blocks.push({ type: "sources", sources });
  const buttons = [...more(first), ...more(second)];
  if (buttons.length > 0) blocks.push({ type: "buttons", title: "You could also ask", buttons });
  return { ...first, blocks };
}
