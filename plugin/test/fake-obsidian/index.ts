/**
 * A small fake of the Obsidian API, for tests: in vitest it is aliased as the `obsidian` module (with
 * happy-dom as the DOM); the browser test bundles it into a page. It covers what the plugin uses, with
 * the documented behaviour, plus a few test hooks marked "Fake only". See plugin/README.md for what it
 * covers and what it does not.
 */
import { installDomHelpers } from './dom'

installDomHelpers()

export { apiVersion, Component, debounce, Events, fakeApiVersion, fakeMobile, Keymap, normalizePath, Notice, Platform, requireApiVersion, Scope, setIcon } from './core'
export type { EventRef } from './core'
export { DataAdapter } from './adapter'
export { installDomHelpers } from './dom'
export { App, Plugin } from './plugin'
export type { Command } from './plugin'
export { ButtonComponent, DropdownComponent, FuzzySuggestModal, Modal, PluginSettingTab, Setting, SliderComponent, SuggestModal, TextAreaComponent, TextComponent, ToggleComponent } from './ui'
export { FileManager, MetadataCache, parseYaml, readFrontmatter, stringifyYaml, TAbstractFile, TFile, TFolder, Vault } from './vault'
export type { LinkConfig, Write } from './vault'
export { Editor, ItemView, MarkdownView, View, Workspace, WorkspaceLeaf } from './workspace'
export type { EmbeddedEditor, FakeWindow, MarkdownFileInfo, WorkspaceWindow } from './workspace'
export type {
  Debouncer,
  EditorChange,
  EditorPosition,
  EditorTransaction,
  HoverLinkSource,
  HoverParent,
  HoverPopover,
  Instruction,
  KeymapEventHandler,
  Modifier,
  PaneType,
  PluginManifest,
  SettingControl,
  SettingDefinitionItem,
  UserEvent
} from 'obsidian/obsidian'
