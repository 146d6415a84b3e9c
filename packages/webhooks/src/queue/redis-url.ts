/** The ioredis options a `redis://` or `rediss://` URL stands for (host, port, credentials, database, TLS). */
export function redisOptionsFromUrl(url: string): {
  host: string
  port: number
  username?: string
  password?: string
  db?: number
  tls?: object
} {
  const parsed = new URL(url)
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw new TypeError(`connection must be a redis:// or rediss:// URL, got ${parsed.protocol}//…`)
  const db = parsed.pathname.slice(1)
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(parsed.username && { username: decodeURIComponent(parsed.username) }),
    ...(parsed.password && { password: decodeURIComponent(parsed.password) }),
    ...(db && { db: Number(db) }),
    ...(parsed.protocol === 'rediss:' && { tls: {} }),
  }
}
