/**
 * The small part of the Adaptive Card schema (1.5) the renderer uses, and the data our buttons carry.
 * Buttons are Universal Actions: Action.Execute (verb + data), whose click arrives as an invoke named
 * adaptiveCard/action, with the same button as Action.Submit in its `fallback` for clients without
 * them; a click on Action.Submit (that fallback, or a card sent before) comes back as a message whose
 * `value` is the button's data. Both carry the same data, read by readSubmit.
 */
import { TEAMS_LIMITS } from "./limits.ts";

export interface TextBlock {
  type: "TextBlock";
  text: string;
  wrap?: boolean;
  size?: "Small" | "Default" | "Medium" | "Large" | "ExtraLarge";
  weight?: "Lighter" | "Default" | "Bolder";
  style?: "default" | "heading";
  isSubtle?: boolean;
  spacing?: Spacing;
  separator?: boolean;
}

export interface FactSet {
  type: "FactSet";
  facts: { title: string; value: string }[];
  spacing?: Spacing;
  separator?: boolean;
}

export interface SubmitAction {
  type: "Action.Submit";
  title: string;
  data: SubmitData;
  style?: "positive" | "destructive" | "default";
  tooltip?: string;
}

export interface ExecuteAction {
  type: "Action.Execute";
  title: string;
  /** The engine's action id: what the button does. */
  verb: string;
  data: SubmitData;
  style?: SubmitAction["style"];
  tooltip?: string;
  /** The same button for clients without Universal Actions. */
  fallback: SubmitAction;
}

export type CardAction = ExecuteAction | SubmitAction;

export interface ActionSet {
  type: "ActionSet";
  actions: CardAction[];
  spacing?: Spacing;
  separator?: boolean;
}

export type Spacing = "None" | "Small" | "Default" | "Medium" | "Large";
export type CardElement = TextBlock | FactSet | ActionSet;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: string;
  /** Shown by clients that cannot render the card. */
  fallbackText: string;
  body: CardElement[];
  /** Teams: use the chat's full width, so long answers and facts are not squeezed. */
  msteams: { width: "Full" };
}

/** What a careerfaq button sends back: the engine's action id and value, exactly as the engine made them. */
export interface SubmitData {
  careerfaq: { action: string; value: string };
}

export function submitData(action: string, value: string): SubmitData {
  return { careerfaq: { action, value } };
}

/** A button: Action.Execute, with Action.Submit as its fallback. */
export function executeAction(
  title: string,
  action: string,
  value: string,
  extra: Pick<SubmitAction, "style" | "tooltip"> = {},
): ExecuteAction {
  const data = submitData(action, value);
  return {
    type: "Action.Execute",
    title,
    verb: action,
    data,
    ...extra,
    fallback: { type: "Action.Submit", title, data, ...extra },
  };
}

/** The engine action in an adaptiveCard/action invoke's value (`action.data`); null when it is not ours. */
export function readExecute(value: unknown): { id: string; value: string } | null {
  if (!value || typeof value !== "object") return null;
  const action = (value as { action?: unknown }).action;
  if (!action || typeof action !== "object" || (action as { type?: unknown }).type !== "Action.Execute") return null;
  return readSubmit((action as { data?: unknown }).data);
}

/** The engine action in a submitted card's value, or null when the value is not one of our buttons. */
export function readSubmit(value: unknown): { id: string; value: string } | null {
  if (!value || typeof value !== "object") return null;
  const data = (value as { careerfaq?: unknown }).careerfaq;
  if (!data || typeof data !== "object") return null;
  const { action, value: v } = data as { action?: unknown; value?: unknown };
  if (typeof action !== "string" || typeof v !== "string") return null;
  if (action.length === 0 || action.length > 100 || v.length > TEAMS_LIMITS.submitValueChars) return null;
  return { id: action, value: v };
}
