/** Shared fixtures of the flow tests: the test directory, the contract's example, a validation context. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ValidationContext } from '../../../config/flow/validate-flow';
import type { Directory } from '../../../workflows/engine/directory-model';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures');

export const directory = parse(readFileSync(join(FIXTURES, 'directory.yaml'), 'utf8')) as Directory;

export const ctx: ValidationContext = { directory, calendars: new Set(['cn-mainland', 'always-open']) };

export const exampleYaml = readFileSync(join(FIXTURES, 'flows', 'exposed-garbage-example.yaml'), 'utf8');
