// npm run bench: throughput and memory of every stage. Each bench module adds rows.
import { benchPipeline } from './pipeline.bench.js';
import { printTable } from './table.js';
const rows = [];
rows.push(...(await benchPipeline()));
printTable(rows);
