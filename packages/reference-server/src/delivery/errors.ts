/**
 * The base of the delivery engine's errors; `code` says which one it is.
 *
 * @example
 * ```ts
 * try { await engine.waitFor({ type: 'booking.created' }) } catch (error) {
 *   if (error instanceof DeliveryError) console.log(error.code)
 * }
 * ```
 */
export class DeliveryError extends Error {
  readonly code: string

  constructor(code: string, message: string) {
    super(message)
    this.name = new.target.name
    this.code = code
  }
}

/**
 * The engine was closed: no more dispatching, and pending `waitFor`s end with this.
 *
 * @example
 * ```ts
 * await engine.close()
 * engine.dispatch(event, ['whk_1']) // throws DeliveryEngineClosedError
 * ```
 */
export class DeliveryEngineClosedError extends DeliveryError {
  constructor(action: string) {
    super(
      'delivery_engine_closed',
      `${action}: the delivery engine is closed; create a new server (or engine) to deliver again`,
    )
  }
}
