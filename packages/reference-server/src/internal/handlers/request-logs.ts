import type { Routes } from '@octopuspro/contract'
import { listPredicate } from '../store/filters.js'
import { arraySource, paginate } from '../store/paginate.js'
import type { Handler } from './types.js'

const list: Handler<Routes['requestLogs']['list']> = ({ query, call }) =>
  paginate(arraySource(call.state.requestLog.entries()), query, listPredicate(query), 'req')

export const requestLogHandlers = { list }
