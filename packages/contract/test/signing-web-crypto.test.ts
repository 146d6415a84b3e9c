import { vi } from 'vitest'
import { describeSigning } from './signing-vectors.js'

// Workers and browsers have no node:crypto: the same code runs on Web Crypto there, asynchronously.
vi.mock('../src/signing/backend.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/signing/backend.js')>()),
  nodeCrypto: undefined,
}))

describeSigning('Web Crypto', false)
