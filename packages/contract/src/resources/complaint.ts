import * as z from 'zod/mini'
import { defineResource } from '../define-resource.js'
import { listQuery } from '../list.js'
import { Id, Text } from '../primitives.js'

/** How serious a complaint is. @example `ComplaintSeverity.parse('high')` */
export const ComplaintSeverity = z.enum(['low', 'medium', 'high', 'critical'])
/** The stages of a complaint. @example `ComplaintStatus.parse('resolved')` */
export const ComplaintStatus = z.enum(['open', 'in_progress', 'resolved', 'closed'])

const complaint = defineResource('complaint', 'complaint', {
  required: { customer_id: Id('customer'), subject: Text(200), description: Text(5000) },
  defaulted: { severity: ComplaintSeverity, status: ComplaintStatus },
  defaults: { severity: 'medium', status: 'open' },
  optional: { booking_id: Id('booking'), assigned_user_id: Id('user') },
  computed: {},
})

/** A complaint raised by a customer. @example `Complaint.parse(body)` */
export const Complaint = complaint.schema
/**
 * The body of `POST /v1/complaints`.
 *
 * @example `ComplaintCreate.parse({ customer_id: 'cus_1', subject: 'Late', description: 'Arrived two hours late' })`
 */
export const ComplaintCreate = complaint.create
/** The body of `PATCH /v1/complaints/{id}`. @example `ComplaintUpdate.parse({ status: 'resolved' })` */
export const ComplaintUpdate = complaint.update
/** The query of `GET /v1/complaints`. @example `ComplaintListQuery.parse({ severity: 'critical' })` */
export const ComplaintListQuery = listQuery({
  status: z.optional(ComplaintStatus),
  severity: z.optional(ComplaintSeverity),
  customer_id: z.optional(Id('customer')),
})

/** A complaint. @example `const complaint: Complaint = await op.complaints.get('cmp_123')` */
export type Complaint = z.output<typeof Complaint>
/**
 * The body of a complaint create.
 *
 * @example
 * ```ts
 * const body: ComplaintCreate = {
 *   customer_id: 'cus_123',
 *   subject: 'Late arrival',
 *   description: 'The technician came two hours late.',
 *   severity: 'medium',
 * }
 * ```
 */
export type ComplaintCreate = z.input<typeof ComplaintCreate>
/** The body of a complaint update. @example `const body: ComplaintUpdate = { status: 'resolved' }` */
export type ComplaintUpdate = z.input<typeof ComplaintUpdate>
