/*
 * What the HTTP routes need from the corpus: the corpus issue's `CorpusStore` (SQLite today,
 * PostgreSQL later). Routes only call these methods.
 */
export type { CorpusStore as ServerStore, ExportKind, ArticleFilter, FacetCount } from '../corpus/index.js';
export { EXPORT_KINDS } from '../corpus/index.js';
