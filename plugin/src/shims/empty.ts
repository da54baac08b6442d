/**
 * Stands in for Node's `fs` in the bundle: gray-matter requires it only to read files from disk, which
 * the plugin never asks it to do (the vault API reads the files).
 */
export default {}
