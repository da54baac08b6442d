/**
 * The markdown reader: remark-parse with the parts of GitHub-flavoured markdown that Obsidian notes use —
 * tables, task lists (`- [ ]`) and strikethrough.
 *
 * Not remark-gfm as a whole: its autolink-literal part uses regular-expression lookbehind, which older iOS
 * versions (and so Obsidian mobile on them) cannot parse. Bare URLs stay plain text, which is all the
 * parser needs of them.
 */
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import { gfmTable } from 'micromark-extension-gfm-table'
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item'
import remarkParse from 'remark-parse'
import { unified, type Processor } from 'unified'

/** A unified plugin that adds tables, task lists and strikethrough to remark-parse. */
function obsidianGfm(this: Processor): void {
  const data = this.data()
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), gfmTable(), gfmTaskListItem(), gfmStrikethrough()]
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown()]
}

/** The one markdown processor of the core, built once. */
export const markdown = unified().use(remarkParse).use(obsidianGfm)
