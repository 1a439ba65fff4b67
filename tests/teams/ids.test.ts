import { describe, expect, it } from "vitest";
import {
  decodeTeamsConversation,
  decodeTeamsUser,
  encodeTeamsConversation,
  encodeTeamsUser,
} from "../../src/channels/teams/ids.ts";

describe("Teams ids", () => {
  it("keep their stored formats, the Teams id whole (colons and all)", () => {
    expect(encodeTeamsConversation("19:abc@thread.tacv2;messageid=1712")).toBe(
      "teams:19:abc@thread.tacv2;messageid=1712",
    );
    expect(encodeTeamsUser("29:1xyz")).toBe("teams:29:1xyz");
    expect(encodeTeamsUser("00000000-0000-0000-0000-000000000001")).toBe("teams:00000000-0000-0000-0000-000000000001");
  });

  it("round-trip", () => {
    for (const id of ["a:1personal", "19:abc@thread.tacv2", "19:abc@thread.tacv2;messageid=1712", "conv-1"]) {
      expect(decodeTeamsConversation(encodeTeamsConversation(id))).toBe(id);
    }
    for (const id of ["29:1xyz", "aad-object-id"]) expect(decodeTeamsUser(encodeTeamsUser(id))).toBe(id);
  });

  it.each(["", "teams", "teams:", "slack:T1:U1", "cli:local", "TEAMS:29:1xyz", " teams:29:1xyz"])(
    "reject the malformed id %j",
    (id) => {
      expect(decodeTeamsConversation(id)).toBeNull();
      expect(decodeTeamsUser(id)).toBeNull();
    },
  );
});
