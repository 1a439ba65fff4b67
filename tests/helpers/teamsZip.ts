/** Reads a ZIP the way an unzip tool does (fflate): file name → contents. */
import { unzipSync } from "fflate";

export function unzip(zip: Buffer): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(new Uint8Array(zip))).map(([name, data]) => [name, Buffer.from(data)]));
}
