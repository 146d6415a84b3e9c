import { APIError } from './api-error.js'

const MAX_METADATA_KEYS = 50

/** Metadata updates merge into the stored map; a key set to `''` is removed (as in Stripe); at most 50 keys. */
export function mergeMetadata(current: Record<string, string>, patch: Record<string, string>): Record<string, string> {
  const merged = { ...current, ...patch }
  for (const [key, value] of Object.entries(patch)) if (value === '') delete merged[key]
  const count = Object.keys(merged).length
  if (count > MAX_METADATA_KEYS) {
    throw new APIError(
      'parameter_invalid',
      `metadata would have ${count} keys; at most ${MAX_METADATA_KEYS} are allowed (set a key to '' to remove it)`,
      { param: 'metadata' },
    )
  }
  return merged
}
