/**
 * A short in-process memory of ids already handled: the dedupe that still works when the store does
 * not (a retry arriving while Redis is down, or just after it comes back). Bounded in time and size.
 */
export class RecentIds {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly ttlMs = 3600_000,
    private readonly max = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when `id` was seen within the window; otherwise remembers it and returns false. */
  seen(id: string): boolean {
    const now = this.now();
    const until = this.until.get(id);
    if (until !== undefined && until > now) return true;
    this.until.delete(id);
    this.until.set(id, now + this.ttlMs);
    if (this.until.size > this.max) this.until.delete(this.until.keys().next().value!);
    return false;
  }
}
