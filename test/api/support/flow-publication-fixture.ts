/**
 * What the flow publication tests share: the round-the-clock fixture flow (test/fixtures/flows/calendar-revision)
 * as its file says it, and the same flow as another version with a changed title, as a designer would send it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../../api/auth';
import { REVISION_FLOW_ID, REVISION_FLOWS_DIR } from './calendar-revision-fixture';

export const PUBLISHED_FLOW_ID = REVISION_FLOW_ID;
export const PUBLICATION_FLOWS_DIR = REVISION_FLOWS_DIR;
export const DESIGNER: Actor = { sub: 'designer-chen', role: 'designer' };

/** The fixture flow's file, version 1. */
export const FLOW_FILE_TEXT = readFileSync(path.join(REVISION_FLOWS_DIR, 'round-the-clock.yaml'), 'utf8');

/** The fixture flow as `version`, its English title saying `title` (YAML, as the designer's file). */
export function flowVersionText(version: number, title = `Round the clock v${version}`): string {
  const text = FLOW_FILE_TEXT.replace(/^version: 1$/m, `version: ${version}`).replace(
    /en: Round the clock \(calendar revision fixture\)/,
    `en: ${title}`,
  );
  if (text === FLOW_FILE_TEXT) throw new Error('the fixture flow no longer says version 1 and its title');
  return text;
}
