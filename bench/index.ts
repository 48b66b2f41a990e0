// npm run bench: throughput and memory of every stage. Each bench module adds rows.
import { benchPipeline } from './pipeline.bench.js';
import { benchExtract } from './extract.bench.js';
import { printTable, type BenchRow } from './table.js';

const rows: BenchRow[] = [];
rows.push(...(await benchPipeline()));
rows.push(...(await benchExtract()));
printTable(rows);
