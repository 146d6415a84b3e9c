/**
 * Runs `poll` now and then every `intervalMs` after it finishes, until `stop` settles: how the `tail` commands
 * follow the server.
 *
 * @example
 * ```ts
 * await pollUntil(async () => print(await nextEntries()), interrupted())
 * ```
 */
export async function pollUntil(poll: () => Promise<void>, stop: Promise<unknown>, intervalMs = 1_000): Promise<void> {
  let stopped = false
  void stop.then(() => {
    stopped = true
  })
  while (!stopped) {
    await poll()
    await Promise.race([stop, new Promise((resolve) => setTimeout(resolve, intervalMs))])
  }
}
