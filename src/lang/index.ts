// The command language: parsing source into the tree of ast.ts, and expanding its words.

export * from './ast.js';
export { parse } from './parser.js';
export { CommandReader, type ParseOptions } from './reader.js';
export { parseTsh } from './tsh-parser.js';
export { expandWords, expandWord, expandPattern, ExpansionError, type ExpansionContext } from './expand.js';
export { splitFields, DEFAULT_IFS } from './fields.js';
export { matchPattern, hasGlob, compilePattern, escapePattern, type CompiledPattern } from './pattern.js';
export { expandPathname, type GlobFs } from './glob.js';
