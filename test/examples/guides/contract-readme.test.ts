import { createSampleEvent } from '@octopuspro/contract/samples'
import { expect, it, vi } from 'vitest'

// The sample of packages/contract/README.md.
it('validates, parses, computes, searches and describes', async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {})
  const sample = await import('./samples/contract-readme.js')
  expect(log.mock.calls).toEqual([[[{ path: 'emial', message: 'unknown parameter: emial' }]]])
  log.mockRestore()
  expect(sample.checked.success).toBe(false)
  expect(sample.totals).toEqual({ subtotal: 18_000, tax: 1_800, total: 19_800 })
  expect(sample.paymentTypes.sort()).toEqual([
    'payment.approved',
    'payment.created',
    'payment.refunded',
    'payment.rejected',
  ])
  expect(sample.approve).toMatchObject({ method: 'POST', path: '/payments/{id}/approve' })
  expect(sample.document).toMatchObject({ openapi: expect.stringMatching(/^3\.1/) })
  expect(sample.onEvent(createSampleEvent('payment.approved', { data: { amount: 4200 } }))).toBe(4200)
  expect(sample.onEvent(createSampleEvent('booking.created'))).toBeUndefined()
  expect(() => sample.onEvent({ type: 'payment.approved' })).toThrow()
})
