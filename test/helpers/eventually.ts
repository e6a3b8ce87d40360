/** Polls an async check until it gives a truthy value (Redis state has no change events to wait on). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, options: { timeoutMs?: number; what?: string } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting${options.what ? ` for ${options.what}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
