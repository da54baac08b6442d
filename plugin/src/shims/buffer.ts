/**
 * Injected by the build in place of Node's `Buffer`, which Obsidian mobile does not have. The core's
 * frontmatter parser (gray-matter) only calls `Buffer.from(string)` and `Buffer.isBuffer`, and turns
 * the result back into a string; this is all of that and nothing more.
 */
export const Buffer = {
  from(value: string): { toString(): string } {
    const text = String(value)
    return { toString: () => text }
  },
  isBuffer(): boolean {
    return false
  }
}
