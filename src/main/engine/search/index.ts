/** Search's public face for the engine facade: the query runner and find-by-file. */
export { findByFile } from './find-by-file';
export { searchItems } from './run-search';
