/**
 * `{ ...base, ...fields }` without the spread syntax. In Node 20 an object spread followed by
 * properties the spread object lacks (`{ ...base, declineReason }`) costs several microseconds per
 * object: V8 builds a new hidden class every time. Object.assign gives the same object (same keys
 * in the same order) in about a tenth of a microsecond. For objects made on every message.
 */
export function extend<T extends object, U extends object>(base: T, fields: U): Omit<T, keyof U> & U {
  return Object.assign({}, base, fields);
}
