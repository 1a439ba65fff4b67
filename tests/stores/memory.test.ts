import { MemoryStore } from "../../src/stores/memory.ts";
import { storeContract } from "./contract.ts";

storeContract({
  name: "memory",
  make: async (clock) => new MemoryStore(clock),
  advance: async (ms, time) => {
    time.now += ms;
  },
  ttl: 1000,
});
