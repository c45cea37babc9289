/**
 * Writes the seeds of a second deploy of the end-to-end site: the same articles, one of them with a
 * paragraph added, so its build has another content hash (another data folder) while every article
 * still exists. The redeploy test swaps this build in under an open tab.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REDEPLOY_ADDED_PARAGRAPH } from '../e2e/config.ts';

const from = path.resolve(process.argv[2] ?? 'dist-e2e-seeds');
const out = path.resolve(process.argv[3] ?? 'dist-e2e-redeploy-seeds');
rmSync(out, { recursive: true, force: true });
cpSync(from, out, { recursive: true });
const file = path.join(out, '010_harbour.txt');
const before = readFileSync(file, 'utf8');
const after = before.replace('Supporters filled the hall.', `${REDEPLOY_ADDED_PARAGRAPH}\r\n\r\nSupporters filled the hall.`);
if (after === before) throw new Error(`${file} no longer has the sentence the redeploy edits`);
writeFileSync(file, after);
console.log(`redeploy seeds written to ${path.relative(process.cwd(), out)}`);
