// #region mount
import { startReferenceServer } from '@octopuspro/reference-server'
import { settingsPage } from '@octopuspro/settings-page'

// The page beside the reference server's API, on the same origin: it calls /v1 there with the key pasted into it.
const server = await startReferenceServer({ port: 0, mount: [settingsPage()] })
console.log(`Open ${server.url}/settings and paste ${server.apiKey}`)
// #endregion mount

// #region fetch
// On any server that answers web Requests: hand it the requests under the page's path.
const page = settingsPage({ path: '/admin/settings' })
const response = await page.fetch(new Request('http://127.0.0.1:4010/admin/settings'))
response.headers.get('content-type') // 'text/html; charset=utf-8'

// #endregion fetch

export { page, response, server }
