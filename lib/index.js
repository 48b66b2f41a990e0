// The package entry for JavaScript callers: registers tsx so the TypeScript sources load as they
// are (no build step), then re-exports the library (src/index.ts, whose types TypeScript reads).
import { register } from 'tsx/esm/api';

register();
const library = await import('../src/index.ts');
export const {
  analyze, Pipeline, DEFAULT_STAGES, checkStages, findingsOf, createArticle, offsetMap, SpinscopeError, bodyRanges, inBody,
  readSources, extractHtml, fetchUrl, readWarc, readJsonl, readFeed, isReadFailure, openStore, ingest, startServer,
} = library;
