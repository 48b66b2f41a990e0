// npm run bench: throughput and memory of every stage. Each bench module adds rows.
import { benchPipeline } from './pipeline.bench.js';
import { benchStages } from './stages.bench.js';
import { printTable, type BenchRow } from './table.js';

const rows: BenchRow[] = [];
rows.push(...(await benchPipeline()));
rows.push(...(await benchStages()));
printTable(rows);
