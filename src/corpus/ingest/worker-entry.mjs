// Worker bootstrap: registers tsx in this thread, then loads the TypeScript worker. (On Node 20,
// `execArgv: ['--import', 'tsx']` alone does not give a worker thread the TypeScript loader.)
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
