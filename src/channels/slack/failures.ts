/** What a Web API failure means: the Slack error code, and the codes the adapter acts on. */

/** Codes after which the bot cannot post in the conversation; the user is told why and what to do. */
export const CANNOT_POST = new Map<string, string>(
  Object.entries({
    channel_not_found:
      "I can't post in that conversation because I'm not a member of it. Invite me with `/invite @careerfaq` and ask again, or ask me here in a direct message.",
    not_in_channel:
      "I can't post in that channel because I'm not a member of it. Invite me with `/invite @careerfaq` and ask again, or ask me here in a direct message.",
    is_archived:
      "I can't post in that channel because it is archived. Ask me in another channel or here in a direct message.",
    restricted_action:
      "Workspace settings don't let me post in that channel. Ask an admin, or ask me here in a direct message.",
  }),
);
/** Codes that mean the bot token itself is wrong: nothing can be posted, the operator must act. */
export const AUTH_FAILED = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
]);
export interface SlackFailure {
  code: string;
  needed?: string;
}

/** The Slack error code of a Web API failure (platform error code, or the client's own code). */
export function failureOf(err: unknown): SlackFailure {
  const e = err as { code?: unknown; data?: { error?: unknown; needed?: unknown } } | null;
  const platform = typeof e?.data?.error === "string" ? e.data.error : undefined;
  const code = platform ?? (typeof e?.code === "string" ? e.code : "unknown_error");
  return typeof e?.data?.needed === "string" ? { code, needed: e.data.needed } : { code };
}
