import * as z from 'zod/mini'

/**
 * The answer of every DELETE: `{ id, object, deleted: true }`.
 *
 * @example
 * ```ts
 * DeletedObject.parse({ id: 'cus_1', object: 'customer', deleted: true })
 * ```
 */
export const DeletedObject = z.object({ id: z.string(), object: z.string(), deleted: z.literal(true) })
/**
 * A deleted-object answer.
 *
 * @example
 * ```ts
 * const gone: DeletedObject = await op.customers.delete('cus_123') // { id, object: 'customer', deleted: true }
 * ```
 */
export type DeletedObject = z.output<typeof DeletedObject>

/** An empty body (actions such as `arrive`, `approve`, `revoke`): no fields allowed. @example `EmptyBody.parse({})` */
export const EmptyBody = z.strictObject({})
