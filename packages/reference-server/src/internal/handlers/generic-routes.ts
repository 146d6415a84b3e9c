import { type IdKind, idPrefixes, type RouteDefinition, type RouteEntry, type RouteTable } from '@octopuspro/contract'
import { resourceMissing } from '../api-error.js'
import type { Call } from '../call.js'
import { previousAttributes } from '../events/diff.js'
import { mergeMetadata } from '../metadata.js'
import { listPredicate } from '../store/filters.js'
import { type PageParams, paginate } from '../store/paginate.js'
import type { RouteHandlerFunction } from './types.js'

/** An object of a generic collection: what the create body gave, plus the fields the server sets. */
export interface GenericObject {
  id: string
  object: string
  created_at: string
  updated_at: string
  [field: string]: unknown
}

/** What a group served generically is called: its id prefix, its `object`, its label and list path. */
interface GenericGroup {
  name: string
  prefix: string
  object: string
  label: string
  listPath: string
}

type Schema = RouteDefinition['response']
type GenericAction = 'create' | 'get' | 'list' | 'update' | 'delete'

const ID_SUFFIX = '/{id}'
/** A path of one fixed segment or more, such as `/widgets` or `/shop/widgets`. */
const PLAIN_PATH = /^(\/[A-Za-z0-9_-]+)+$/
/** The fields the server sets, which a body cannot: an `id` in an update would move the object. */
const SERVER_FIELDS = new Set(['id', 'object', 'created_at', 'updated_at'])
const KINDS = new Map(Object.entries(idPrefixes).map(([kind, prefix]) => [prefix as string, kind as IdKind]))

function shapeOf(schema: Schema | undefined): Record<string, Schema> | undefined {
  return (schema as { shape?: Record<string, Schema> } | undefined)?.shape
}

/** The plain resource action a route is, by its method and path, or `undefined` when it is none of the five. */
function genericAction(definition: RouteDefinition): GenericAction | undefined {
  const byId = definition.path.endsWith(ID_SUFFIX)
  const base = byId ? definition.path.slice(0, -ID_SUFFIX.length) : definition.path
  if (!PLAIN_PATH.test(base)) return undefined
  const { method } = definition
  if (byId) {
    if (!definition.id) return undefined
    if (method === 'GET' && !definition.list) return 'get'
    if (method === 'PATCH' && definition.body) return 'update'
    return method === 'DELETE' ? 'delete' : undefined
  }
  if (method === 'GET') return definition.list && definition.item ? 'list' : undefined
  const shape = shapeOf(definition.response)
  return method === 'POST' && definition.body && shape?.id && shape.object ? 'create' : undefined
}

/** The prefix of an id schema that checks `^prefix_…` (as the contract's `Id(kind)` does). */
function idSchemaPrefix(schema: Schema | undefined): string | undefined {
  const checks = (schema?._zod.def as { checks?: { _zod: { def: { pattern?: RegExp } } }[] } | undefined)?.checks
  for (const check of checks ?? []) {
    const prefix = check._zod.def.pattern?.source.match(/^\^([A-Za-z0-9]+)_/)?.[1]
    if (prefix) return prefix
  }
  return undefined
}

/** The value of an object schema's `object` literal (`z.literal('widget')`), if it has one. */
function objectLiteral(schema: Schema | undefined): string | undefined {
  const values = (shapeOf(schema)?.object?._zod.def as { values?: unknown[] } | undefined)?.values
  return typeof values?.[0] === 'string' ? values[0] : undefined
}

/** How the group's objects are named: from the first of its routes that says (an id schema, a response schema). */
function describeGroup(name: string, routes: readonly RouteDefinition[], entry: RouteEntry): GenericGroup {
  const { label, path } = entry.definition
  const find = <T>(read: (definition: RouteDefinition) => T | undefined) =>
    routes.map(read).find((value) => value !== undefined)
  return {
    name,
    prefix: find((route) => idSchemaPrefix(route.id)) ?? label.toLowerCase().replace(/[^a-z0-9]/g, ''),
    object: find((route) => objectLiteral(route.item ?? route.response)) ?? label,
    label,
    listPath: path.endsWith(ID_SUFFIX) ? path.slice(0, -ID_SUFFIX.length) : path,
  }
}

/**
 * A value as a schema answers it: an object schema's declared keys only (so nothing undeclared leaks, even through
 * a strict object), parsed (so its defaults apply). A stored object its own route's schema rejects is a mismatch in
 * the table, answered as a 500 that says so.
 */
function shape(schema: Schema, value: Record<string, unknown>, entry: RouteEntry): Record<string, unknown> {
  const keys = shapeOf(schema)
  const picked = keys
    ? Object.fromEntries(Object.keys(keys).flatMap((key) => (key in value ? [[key, value[key]]] : [])))
    : value
  const parsed = schema.safeParse(picked)
  if (parsed.success) return parsed.data as Record<string, unknown>
  const [issue] = parsed.error.issues
  throw new Error(
    `route ${entry.name} is served generically, but its response schema rejects the stored object ` +
      `(${issue?.path.join('.') || 'object'}: ${issue?.message}); make the field optional or give it a default, ` +
      `or pass a handler in routes.handlers.${entry.group}.${entry.action}`,
  )
}

/** The fields of a validated body the server takes, skipping the ones it sets and the ones left out. */
function bodyFields(body: unknown): [string, unknown][] {
  return Object.entries(body as object).filter(([key, value]) => value !== undefined && !SERVER_FIELDS.has(key))
}

/** An id of the group's prefix, made by the server's id generator (so ids stay increasing and sequential). */
function newId(call: Call, prefix: string): string {
  const id = call.id(KINDS.get(prefix) ?? 'event')
  return `${prefix}${id.slice(id.indexOf('_'))}`
}

function handlerOf(group: GenericGroup, action: GenericAction, entry: RouteEntry): RouteHandlerFunction {
  const { definition } = entry
  const find = (call: Call, id: unknown): GenericObject => {
    const object = call.state.genericCollection(group.name).get(id as string)
    if (!object) throw resourceMissing(group.label, id as string, group.listPath)
    return object
  }
  const answer = (object: Record<string, unknown>) => shape(definition.response, object, entry)
  switch (action) {
    case 'create':
      return ({ body, call }) => {
        const fields = Object.fromEntries(bodyFields(body))
        const source = {
          id: newId(call, group.prefix),
          object: group.object,
          created_at: call.now,
          updated_at: call.now,
        }
        const stamped = { ...fields, ...source }
        const answered = answer(stamped)
        call.state.genericCollection(group.name).insert({ ...stamped, ...answered } as GenericObject)
        return answered
      }
    case 'get':
      return ({ id, call }) => answer(find(call, id))
    case 'list':
      return ({ query, call }) => {
        const params = (query ?? {}) as PageParams & Record<string, unknown>
        const page = paginate(call.state.genericCollection(group.name), params, listPredicate(params), group.prefix)
        const item = definition.item as Schema
        return { ...page, data: page.data.map((object) => shape(item, object, entry)) }
      }
    case 'update':
      return ({ id, body, call }) => {
        const current = find(call, id)
        const next: GenericObject = { ...current, updated_at: call.now }
        for (const [key, value] of bodyFields(body)) {
          next[key] =
            key === 'metadata'
              ? mergeMetadata(current.metadata as Record<string, string>, value as Record<string, string>)
              : value
        }
        if (!previousAttributes(current, next)) return answer(current)
        const answered = answer(next)
        call.state.genericCollection(group.name).replace(next)
        return answered
      }
    case 'delete':
      return ({ id, call }) => {
        const object = find(call, id)
        call.state.genericCollection(group.name).delete(object.id)
        return answer({ id: object.id, object: object.object, deleted: true })
      }
  }
}

/**
 * The handler of a route of the served table that has none, when it is a plain resource route of its group: create
 * (`POST /x`, a body, a response object with `id` and `object`), get (`GET /x/{id}`), list (`GET /x`, `list` and
 * `item`), update (`PATCH /x/{id}`, a body) or delete (`DELETE /x/{id}`). Otherwise `undefined`.
 */
export function genericHandler(table: RouteTable, entry: RouteEntry): RouteHandlerFunction | undefined {
  const action = genericAction(entry.definition)
  if (!action) return undefined
  const group = describeGroup(entry.group, Object.values(table[entry.group] ?? {}), entry)
  return handlerOf(group, action, entry)
}
