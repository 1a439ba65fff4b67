/** Replies that are not answers: declines, "Did you mean…", stale buttons, and the apology after an error. */

import { LEVELS, RATING_ASPECTS } from "../content/schemas.ts";
import { joinList } from "./answers/compose.ts";
import { askButton } from "./answers/meta.ts";
import type { Catalog } from "./catalog.ts";
import type { RouteResult } from "./router/router.ts";
import type { Block, DeclineReason, Reply, Slots } from "./types.ts";

/** Intents offered when a question is declined. */
const OFFERED = ["salary", "experience", "skills", "topics"];
const ROLE = "the Customer Care / Customer Service Director role";

export function declineReply(
  catalog: Catalog,
  reason: Exclude<DeclineReason, "empty">,
  slots: Slots,
  confidence: number,
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
        text: `I only know about ${ROLE}, so I can't tell you about ${slots.otherRole ? `the ${slots.otherRole} role` : "other jobs"}.`,
      });
      break;
    case "related-role-pay":
      blocks.push({
        type: "text",
        text: `My sources give figures for the director role only, not for ${slots.relatedRole ? `a ${slots.relatedRole}` : "other roles"}, so I won't guess.`,
      });
      break;
    case "other-country":
      blocks.push({
        type: "text",
        text: `None of my sources covers ${slots.countryName ?? "that country"}. They give figures for the United States, the United Kingdom and Canada.`,
      });
      break;
    case "off-topic":
    case "not-understood":
      blocks.push({
        type: "text",
        text: `Sorry, I can't answer that. I only know about ${ROLE}: ${joinList(["pay", "skills", "experience and education", "KPIs", "trade-offs", "the outlook"])}.`,
      });
      break;
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
        buttons: options.map((c) => askButton(catalog, c.intent, askValue(c.intent, routing.slots))),
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

/** The value of an "ask" button: the intent, plus the slots a suggestion needs ("salary?country=UK"). */
export function askValue(intent: string, slots: Slots): string {
  const parts: string[] = [];
  if (slots.country && ["US", "UK", "CA"].includes(slots.country)) parts.push(`country=${slots.country}`);
  if (slots.level) parts.push(`level=${slots.level}`);
  if (slots.period) parts.push(`period=${slots.period}`);
  if (slots.aspect) parts.push(`aspect=${slots.aspect}`);
  if (slots.byLevel) parts.push("by=level");
  return parts.length ? `${intent}?${parts.join("&")}` : intent;
}

const PERIODS: readonly string[] = ["year", "hour", "month", "week"];

/** "salary?country=UK&level=entry" → { intent, slots }; null when malformed. Values outside the known sets are ignored. */
export function parseAskValue(value: string): { intent: string; slots: Slots } | null {
  if (value.length > 200) return null;
  const [intent, query = ""] = value.split("?", 2);
  if (!intent || !/^[a-z0-9-]{1,40}$/.test(intent)) return null;
  const slots: Slots = {};
  for (const pair of query.split("&").filter(Boolean)) {
    const [k, v = ""] = pair.split("=", 2);
    if (k === "country" && ["US", "UK", "CA"].includes(v)) slots.country = v;
    else if (k === "level" && (LEVELS as readonly string[]).includes(v)) slots.level = v as Slots["level"];
    else if (k === "period" && PERIODS.includes(v)) slots.period = v as Slots["period"];
    else if (k === "aspect" && (RATING_ASPECTS as readonly string[]).includes(v)) slots.aspect = v as Slots["aspect"];
    else if (k === "by" && v === "level") slots.byLevel = true;
  }
  return { intent, slots };
}
