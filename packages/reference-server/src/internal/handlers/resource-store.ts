import { type DeletedObject, type EventType, type IdKind, idPrefixes, type ListPage } from '@octopuspro/contract'
import { resourceMissing } from '../api-error.js'
import type { Call } from '../call.js'
import { previousAttributes } from '../events/diff.js'
import { labels } from '../labels.js'
import { mergeMetadata } from '../metadata.js'
import type { ResourceName } from '../state.js'
import type { Collection } from '../store/collection.js'
import { type CustomFilter, listPredicate } from '../store/filters.js'
import { type PageParams, paginate } from '../store/paginate.js'
import { assertNotReferenced, checkReferences } from './references.js'

/** The fields every business object has. */
export interface StoredObject {
  id: string
  object: string
  metadata: Record<string, string>
  created_at: string
  updated_at: string
}

/** How one resource behaves; everything not said here is the same for all of them. */
export interface ResourceSpec<T extends StoredObject, C, U> {
  resource: ResourceName
  kind: IdKind
  /** The contract's object schema; its keys give the field order and which fields default to `null`. */
  schema: { shape: Record<string, unknown> }
  /** Fields the server computes on create (totals, numbers, statuses), merged over the body. */
  compute?(body: C, call: Call): Partial<T>
  /** Business rules of an update; receives the object with the patch applied, returns the object to store. */
  amend?(next: T, current: T, patch: U, call: Call): T
  /** Business rules of a create, run after references are checked (e.g. a fieldworker must be a fieldworker). */
  validate?(body: C, call: Call): void
  filters?: Readonly<Record<string, CustomFilter<T>>>
  events: {
    created?: EventType | ((object: T) => EventType | undefined)
    updated?: EventType
    deleted?: EventType
  }
}

/** The generic in-memory behaviour of a resource: find, create, update, delete and list, with their events. */
export class ResourceStore<T extends StoredObject, C extends object, U extends object> {
  readonly label: string
  readonly prefix: string

  constructor(readonly spec: ResourceSpec<T, C, U>) {
    this.label = labels[spec.resource]
    this.prefix = idPrefixes[spec.kind]
  }

  collection(call: Call): Collection<T> {
    return call.state.resources[this.spec.resource] as unknown as Collection<T>
  }

  /** The object, or `404 resource_missing`. */
  find(call: Call, id: string): T {
    const object = this.collection(call).get(id)
    if (!object) throw resourceMissing(this.label, id, `/${this.spec.resource}`)
    return object
  }

  list(call: Call, query: PageParams & Record<string, unknown>): ListPage<T> {
    return paginate(this.collection(call), query, listPredicate(query, this.spec.filters), this.prefix)
  }

  create(call: Call, body: C): T {
    checkReferences(call.state, this.spec.resource, body as Record<string, unknown>)
    this.spec.validate?.(body, call)
    const source: Record<string, unknown> = {
      id: call.id(this.spec.kind),
      object: this.label,
      ...body,
      ...this.spec.compute?.(body, call),
      metadata: (body as { metadata?: Record<string, string> }).metadata ?? {},
      created_at: call.now,
      updated_at: call.now,
    }
    const object = Object.fromEntries(
      Object.keys(this.spec.schema.shape).map((key) => [key, source[key] ?? null]),
    ) as unknown as T
    this.collection(call).insert(object)
    const created = this.spec.events.created
    const type = typeof created === 'function' ? created(object) : created
    if (type) call.emit(type, object)
    return object
  }

  update(call: Call, id: string, patch: U): T {
    const current = this.find(call, id)
    checkReferences(call.state, this.spec.resource, patch as Record<string, unknown>)
    const next = { ...current }
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue
      ;(next as Record<string, unknown>)[key] =
        key === 'metadata' ? mergeMetadata(current.metadata, value as Record<string, string>) : value
    }
    const amended = this.spec.amend ? this.spec.amend(next, current, patch, call) : next
    return this.save(call, current, amended, this.spec.events.updated)
  }

  /**
   * Stores a changed object: bumps `updated_at` and emits `event` with the old values of the changed fields. A
   * change that changes nothing stores nothing, emits nothing and returns the current object.
   */
  save(call: Call, current: T, next: T, event: EventType | undefined): T {
    const stamped = { ...next, updated_at: call.now }
    const previous = previousAttributes(current, stamped)
    if (!previous) return current
    this.collection(call).replace(stamped)
    if (event) call.emit(event, stamped, previous)
    return stamped
  }

  delete(call: Call, id: string): DeletedObject {
    const object = this.find(call, id)
    assertNotReferenced(call, this.spec.resource, id)
    this.collection(call).delete(id)
    if (this.spec.events.deleted) call.emit(this.spec.events.deleted, object)
    return { id, object: this.label, deleted: true }
  }
}

/** The five standard route handlers of a resource store. */
export function crudHandlers<T extends StoredObject, C extends object, U extends object>(
  store: ResourceStore<T, C, U>,
) {
  return {
    list: ({ query, call }: { query: PageParams & Record<string, unknown>; call: Call }) => store.list(call, query),
    create: ({ body, call }: { body: C; call: Call }) => store.create(call, body),
    get: ({ id, call }: { id: string; call: Call }) => store.find(call, id),
    update: ({ id, body, call }: { id: string; body: U; call: Call }) => store.update(call, id, body),
    delete: ({ id, call }: { id: string; call: Call }) => store.delete(call, id),
  }
}
