import { describe } from 'vitest'
import { itDoesCrud } from '../helpers/crud.js'
import { doors, useServer } from '../helpers/server.js'

describe.each(doors)('users (%s)', (door) => {
  const ctx = useServer(door)
  itDoesCrud(ctx, {
    resource: (op) => op.users,
    object: 'user',
    prefix: 'usr',
    body: () => ({ name: 'Sam Rivera', email: 'sam@example.com', role: 'fieldworker' as const }),
    patch: { active: false },
    filters: [
      { role: 'fieldworker', active: false },
      { role: 'fieldworker', active: true },
    ],
  })
})
