import type { ApiError } from '../api-error.js'

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' }

/** A JSON response from an already serialized body (stored idempotent responses are replayed byte for byte). */
export function jsonResponse(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { ...JSON_TYPE, ...headers } })
}

/** The api.md error body of an {@link ApiError}, serialized. */
export function errorBody(error: ApiError, requestId: string): string {
  return JSON.stringify(error.toBody(requestId))
}

/** The response of an {@link ApiError}. */
export function errorResponse(error: ApiError, requestId: string): Response {
  return jsonResponse(error.status, errorBody(error, requestId), error.headers)
}
