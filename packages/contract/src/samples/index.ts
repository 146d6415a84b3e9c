/**
 * `@octopuspro/contract/samples`: a realistic, valid example of every resource and event — for test events,
 * documentation and tests. Not part of the contract itself, hence a subpath of its own.
 *
 * @packageDocumentation
 */
export { createSampleEvent, type SampleEventOverrides, sampleObjects } from './samples.js'
