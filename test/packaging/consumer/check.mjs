import * as client from '@octopuspro/client'
import * as contract from '@octopuspro/contract'
import * as referenceServer from '@octopuspro/reference-server'
import * as msw from '@octopuspro/reference-server/msw'
import * as settingsPage from '@octopuspro/settings-page'
import * as webhooks from '@octopuspro/webhooks'
import * as testing from '@octopuspro/webhooks/testing'
import * as mswNode from 'msw/node'
import scenario from './scenario.cjs'

const result = await scenario({ contract, client, webhooks, testing, referenceServer, msw, settingsPage, mswNode })
console.log(JSON.stringify({ format: typeof require === 'undefined' ? 'esm' : 'cjs', ...result }))
