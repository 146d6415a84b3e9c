import type { Application } from 'typedoc'

/** TypeDoc's default module name of each exported source file mapped to its import specifier. */
export function entryPointNames(): Map<string, string>
/** The plugin's entry: renames the entry point modules. */
export function load(app: Application): void
