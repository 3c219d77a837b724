/**
 * DuckDB running one query and writing its result with COPY: the bench's DuckDB side, run as a
 * plain Node process of its own (no TypeScript loader), timed whole from start to exit, loading
 * DuckDB included, as `comply check` is timed whole. Usage: node duckdb-copy.mjs <query file> <out> json|csv
 */
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [queryFile, out, format] = process.argv.slice(2);
const query = readFileSync(queryFile, 'utf8');
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
try {
  await connection.run(`COPY (${query}) TO '${out}' (${format === 'json' ? 'FORMAT json, ARRAY true' : 'FORMAT csv, HEADER true'})`);
} finally {
  connection.closeSync();
  instance.closeSync();
}
