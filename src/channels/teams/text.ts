/**
 * Teams message text → plain text. Teams sends a message as HTML: mentions as <at>Name</at>,
 * formatting as tags (<p>, <br>, <b>), and & < > " ' and non-breaking spaces as entities. The
 * mention's name is who is addressed, not what is asked, so it goes whole; the tags leave their text.
 */
import { decodeHTMLStrict } from "entities";

/** <at>Name</at> mentions (the bot's own, another spelling of it, other people), dropped whole. */
export function stripAtMentions(text: string): string {
  return text.replace(/<at\b[^>]*>[\s\S]*?<\/at>/gi, " ");
}

/** HTML tags (<p>, <br/>, <b>, <span …>) → a space, their text kept. */
export function stripTags(text: string): string {
  return text.replace(/<\/?[a-z][^>]{0,200}>/gi, " ");
}

/** Named and numeric HTML entities decoded (only with their closing ";", as HTML text requires). */
export function decodeEntities(text: string): string {
  return decodeHTMLStrict(text);
}

/** A Teams message's text as the plain words the user typed: mentions and tags removed, entities decoded, spaces collapsed. */
export function teamsToPlain(html: string): string {
  return decodeEntities(stripTags(stripAtMentions(html)))
    .replace(/\s+/g, " ")
    .trim();
}
