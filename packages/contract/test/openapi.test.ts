import { validate } from '@readme/openapi-parser'
import { describe, expect, it } from 'vitest'
import { eventTypes, listRoutes, openapi } from '../src/index.js'

describe('openapi()', () => {
  const doc = openapi() as {
    openapi: string
    paths: Record<
      string,
      Record<
        string,
        {
          operationId: string
          requestBody?: unknown
          responses: Record<string, unknown>
          parameters: { name: string; in: string }[]
        }
      >
    >
    webhooks: Record<string, unknown>
    components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> }
  }

  it('passes a standard OpenAPI 3.1 validator', async () => {
    const result = await validate(structuredClone(doc) as never)
    expect(result.valid ? [] : result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    expect(doc.openapi).toBe('3.1.0')
  })

  it('documents every route of the table with its parameters, body and errors', () => {
    for (const { name, definition } of listRoutes()) {
      const op = doc.paths[definition.path]?.[definition.method.toLowerCase()]
      expect(op, name).toBeDefined()
      expect(op!.operationId).toBe(name.replace('.', '_'))
      expect(Object.keys(op!.responses)).toContain(String(definition.status))
      expect(Object.keys(op!.responses)).toEqual(expect.arrayContaining(['400', '401', '404', '429']))
      expect(op!.requestBody !== undefined, name).toBe(definition.body !== undefined)
      if (definition.id)
        expect(
          op!.parameters.some((p) => p.in === 'path' && p.name === 'id'),
          name,
        ).toBe(true)
    }
    const listCustomers = doc.paths['/customers']!.get!
    expect(listCustomers.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'limit',
        'starting_after',
        'ending_before',
        'created_after',
        'updated_after',
        'email',
        'tag',
      ]),
    )
    expect(doc.paths['/customers']!.post!.parameters.map((p) => p.name)).toContain('Idempotency-Key')
  })

  it('has both auth schemes and one webhook entry per event type', () => {
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['bearerAuth', 'apiKeyHeader'])
    expect(Object.keys(doc.webhooks).sort()).toEqual([...eventTypes].sort())
    expect(doc.components.schemas).toHaveProperty('Customer')
    expect(doc.components.schemas).toHaveProperty('Error')
  })
})
