import { describe } from 'vitest'
import { memoryDedupe } from '../../src/index.js'
import { dedupeFlowTests } from './dedupe-flow.js'

describe('the middleware with memoryDedupe', () => {
  dedupeFlowTests((count) => {
    const store = memoryDedupe()
    return Array.from({ length: count }, () => store)
  })
})
