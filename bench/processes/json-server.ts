/**
 * json-server 0.17 on a loopback port with the same customers as the reference server, mounted the way its CLI
 * mounts it (`json-server --quiet`: the default middlewares without the request logger), in memory (no file
 * writes, which favours json-server).
 */
import type { Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import type { RequestHandler } from 'express'
import { serveParent } from '../lib/child.js'
import { benchCustomers } from '../lib/customers.js'

/** The part of json-server 0.17's module API used here (it ships no types). */
interface JsonServerModule {
  create(): { use(...handlers: unknown[]): void; listen(port: number, host: string, callback: () => void): Server }
  router(db: object): RequestHandler
  defaults(options: { logger: boolean }): RequestHandler[]
}

const jsonServer = createRequire(import.meta.url)('json-server') as JsonServerModule
const app = jsonServer.create()
app.use(jsonServer.defaults({ logger: false }))
app.use('/v1', jsonServer.router({ customers: benchCustomers(Number(process.argv[2] ?? 1000)) }))
const server: Server = app.listen(0, '127.0.0.1', () => {
  serveParent({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })
})
