import type { Routes } from '@octopuspro/contract'
import type { Handler } from './types.js'

const get: Handler<Routes['account']['get']> = ({ call }) => call.state.account

export const accountHandlers = { get }
