// The core runs in Node.js, in the browser and in Obsidian (desktop and mobile). It uses only what all of
// them provide; TextDecoder is one of those, but it lives in the DOM and Node typings, which the core
// deliberately does not load.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean })
  decode(input?: Uint8Array): string
}

// Timing for `--stats`: present in browsers, Obsidian and Node.js alike.
declare const performance: { now(): number }
