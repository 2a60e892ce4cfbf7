/**
 * Asks the browser to keep Pacer's data under storage pressure. Extensions with `unlimitedStorage`
 * are usually persisted already; the request is cheap and makes it explicit.
 */
export async function requestPersistence(): Promise<'persisted' | 'best-effort' | 'unsupported'> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return 'unsupported';
  try {
    if (await storage.persisted()) return 'persisted';
    return (await storage.persist()) ? 'persisted' : 'best-effort';
  } catch {
    return 'best-effort';
  }
}
