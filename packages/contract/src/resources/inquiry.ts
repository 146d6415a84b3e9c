import * as z from 'zod/mini'
import { defineResource } from '../define-resource.js'
import { listQuery } from '../list.js'
import { DateOnly, Email, Id, Money, Phone, Text } from '../primitives.js'

/** Where a lead came from. @example `InquirySource.parse('website')` */
export const InquirySource = z.enum(['website', 'facebook', 'phone', 'email', 'referral', 'other'])
/** The stages of a lead. @example `InquiryStatus.parse('qualified')` */
export const InquiryStatus = z.enum(['new', 'contacted', 'qualified', 'converted', 'lost'])

const inquiry = defineResource('inquiry', 'inquiry', {
  required: { name: Text(200), service: Text(200) },
  defaulted: { source: InquirySource, status: InquiryStatus },
  defaults: { source: 'other', status: 'new' },
  optional: {
    customer_id: Id('customer'),
    email: Email,
    phone: Phone,
    message: Text(5000),
    budget: Money,
    preferred_date: DateOnly,
    assigned_user_id: Id('user'),
  },
  computed: {},
})

/** An inquiry: a lead asking for a service. @example `Inquiry.parse(body)` */
export const Inquiry = inquiry.schema
/**
 * The body of `POST /v1/inquiries`.
 *
 * @example `InquiryCreate.parse({ name: 'Ada', service: 'Window cleaning', source: 'website' })`
 */
export const InquiryCreate = inquiry.create
/** The body of `PATCH /v1/inquiries/{id}`. @example `InquiryUpdate.parse({ status: 'contacted' })` */
export const InquiryUpdate = inquiry.update
/** The query of `GET /v1/inquiries`. @example `InquiryListQuery.parse({ status: 'new' })` */
export const InquiryListQuery = listQuery({
  status: z.optional(InquiryStatus),
  source: z.optional(InquirySource),
  customer_id: z.optional(Id('customer')),
})

/** An inquiry. @example `const inquiry: Inquiry = await op.inquiries.get('inq_123')` */
export type Inquiry = z.output<typeof Inquiry>
/**
 * The body of an inquiry create.
 *
 * @example `const body: InquiryCreate = { name: 'Grace Hopper', service: 'Gutter cleaning', source: 'website' }`
 */
export type InquiryCreate = z.input<typeof InquiryCreate>
/** The body of an inquiry update. @example `const body: InquiryUpdate = { status: 'qualified' }` */
export type InquiryUpdate = z.input<typeof InquiryUpdate>
