/**
 * What Teams accepts and how it shows cards, in one table: the renderer and the delivery read these
 * numbers and names instead of scattering them through ifs.
 */
import type { ButtonStyle } from "../../core/types.ts";

export const TEAMS_LIMITS = {
  /** Teams rejects a message over about 28 KB: the card, the fallback text and the envelope together. */
  messageBytes: 28_000,
  /** Room kept for what botbuilder adds to each activity (from, recipient, conversation, replyToId, serviceUrl). */
  envelopeBytes: 2_500,
  /** Actions in one ActionSet; Teams moves extra actions into an overflow menu, so a set is split before that. */
  actionsPerSet: 6,
  /** Buttons whose labels are all this short sit side by side; longer labels get a row each so they are not cut. */
  inlineLabelChars: 24,
  /** Suggested actions under a message: Teams shows the first three. */
  suggestedActions: 3,
  /** Teams truncates long action titles; trimmed here so the cut is ours (with an ellipsis). */
  actionTitleChars: 80,
  /** One TextBlock's text. */
  textChars: 4_000,
  /** Facts in one FactSet, and the length of a fact's title and value. */
  factsPerSet: 40,
  factTitleChars: 200,
  factValueChars: 1_000,
  /** The activity's own `text` next to a card: the answer's first line. */
  textLineChars: 200,
  /** The plain-text fallback (activity summary and the card's fallbackText). */
  fallbackChars: 2_000,
  /** A card button's data coming back (Action.Submit): longer values are not ours and are ignored. */
  submitValueChars: 2_000,
  /** A message's text as it reaches the engine. */
  inboundTextChars: 2_000,
  /** The Activity JSON posted to /api/messages. */
  requestBytes: 256 * 1024,
} as const;

/** The engine's button styles in Adaptive Card terms. */
export const ACTION_STYLE: Record<ButtonStyle, "positive" | "destructive" | "default"> = {
  primary: "positive",
  default: "default",
  danger: "destructive",
};

/** Adaptive Card version Teams renders in chats and channels. */
export const CARD_VERSION = "1.5";
export const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
export const CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
