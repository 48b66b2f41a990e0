// npm run bench: throughput and memory of every stage. Each bench module adds rows.
import { benchPipeline } from './pipeline.bench.js';
import { benchTechniques } from './techniques.bench.js';
import { benchFacts } from './facts.bench.js';
import { benchEntities } from './entities.bench.js';
import { benchQuotes } from './quotes.bench.js';
import { benchStages } from './stages.bench.js';
import { benchIngest } from './ingest.bench.js';
import { benchExtract } from './extract.bench.js';
import { benchCpu } from './cpu.bench.js';
import { printTable, type BenchRow } from './table.js';

const rows: BenchRow[] = [];
rows.push(...(await benchPipeline()));
rows.push(...(await benchTechniques()));
rows.push(...(await benchFacts()));
rows.push(...(await benchEntities()));
rows.push(...(await benchQuotes()));
rows.push(...(await benchStages()));
rows.push(...(await benchIngest()));
rows.push(...(await benchExtract()));
rows.push(...(await benchCpu()));
printTable(rows);
