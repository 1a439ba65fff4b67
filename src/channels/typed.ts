/**
 * Text as a person types it into Slack or Teams, markup and all → plain text, for what reaches the
 * engine without an adapter: the CLI (ask, chat, explain) and the eval sets, whose questions are
 * written as Slack and Teams users send them ("<@U07ABC> what does …", "<at>careerfaq</at> help").
 * The adapters do this for their own platform (slack/text.ts, teams/text.ts); src/core sees plain text.
 */
import { decodeEntities, stripAtMentions, stripTags } from "./teams/text.ts";

/**
 * Slack markup as a question's noise: mentions of people, groups and everyone go whole; a channel
 * keeps its name and a link its label; a bare web link is left as its address (a message of links
 * only is a message of no words, which the engine declines, not an empty one), a bare mail or phone link goes.
 */
function stripSlackMarkup(text: string): string {
  return text
    .replace(/<[@!][^>]{0,300}>/g, " ")
    .replace(/<#[A-Z0-9]+\|([^>]{0,200})>/gi, " $1 ")
    .replace(/<#[A-Z0-9]+>/gi, " ")
    .replace(/<(?:https?|mailto|tel):[^|>]{0,500}\|([^>]{0,300})>/gi, " $1 ")
    .replace(/<(https?:[^>]{0,500})>/gi, " $1 ")
    .replace(/<(?:mailto|tel):[^>]{0,500}>/gi, " ");
}

/** Teams mentions, then Slack markup, then any other tag (Teams' <p>, <br>), then HTML entities. */
export function typedToPlain(text: string): string {
  return decodeEntities(stripTags(stripSlackMarkup(stripAtMentions(text))));
}
