/**
 * The markdown reader: remark-parse with the parts of GitHub-flavoured markdown that Obsidian notes use —
 * tables, task lists (`- [ ]`) and strikethrough.
 *
 * Not remark-gfm as a whole: its autolink-literal part uses regular-expression lookbehind, which older iOS
 * versions (and so Obsidian mobile on them) cannot parse. Bare URLs stay plain text, which is all the
 * parser needs of them.
 *
 * The table extension tries every line of a note as the start of a table, which costs noticeably on a
 * library of notes without tables; {@link parseMarkdownText} only hands it texts that could hold one.
 */
import type { Root } from 'mdast'
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import { gfmTable } from 'micromark-extension-gfm-table'
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item'
import remarkParse from 'remark-parse'
import { unified, type Processor } from 'unified'
import { mayHoldTable } from './scan-markdown.js'

export { mayHoldTable }

/** A unified plugin that adds tables, task lists and strikethrough to remark-parse. */
function obsidianGfm(this: Processor): void {
  const data = this.data()
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), gfmTable(), gfmTaskListItem(), gfmStrikethrough()]
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown()]
}

/** The same without tables, for texts that cannot hold one. */
function obsidianGfmWithoutTables(this: Processor): void {
  const data = this.data()
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), gfmTaskListItem(), gfmStrikethrough()]
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown()]
}

/** The one markdown processor of the core, built once. */
export const markdown = unified().use(remarkParse).use(obsidianGfm)

const withoutTables = unified().use(remarkParse).use(obsidianGfmWithoutTables)

/**
 * Parse markdown into an mdast tree: the same tree as `markdown.parse`, without the table extension's
 * cost where no table can be.
 *
 * @param text Markdown.
 */
export function parseMarkdownText(text: string): Root {
  return (mayHoldTable(text) ? markdown : withoutTables).parse(text)
}
