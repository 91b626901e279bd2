import type { Request } from 'express';
import pino from 'pino';
import { requestLogger } from '../../../api/routes/route-context';

/** A logger writing raw lines into memory, with a fixed clock so that two lines can be compared as text. */
function memoryLogger() {
  const lines: string[] = [];
  const logger = pino(
    { name: 'api', timestamp: () => ',"time":0' },
    { write: (line: string) => void lines.push(line) },
  );
  return { logger, lines };
}

const req = { id: 'req-1' } as unknown as Request;
const actor = { sub: 'sanitation-system', role: 'department', dept: 'yuexiu-sanitation' } as const;

describe('requestLogger', () => {
  it('writes the line a child logger bound to the request, actor and case writes', () => {
    const { logger, lines } = memoryLogger();
    requestLogger(logger, req, actor, 'GZ-1').info(
      { action: 'complete', stepId: 'handle', absent: undefined },
      'Case action applied',
    );
    logger
      .child({
        reqId: 'req-1',
        actor: { sub: actor.sub, role: actor.role, dept: actor.dept },
        caseId: 'GZ-1',
      })
      .info({ action: 'complete', stepId: 'handle', absent: undefined }, 'Case action applied');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(lines[1]);
    expect(Object.keys(JSON.parse(lines[0]!) as object)).toEqual([
      'level',
      'time',
      'pid',
      'hostname',
      'name',
      'reqId',
      'actor',
      'caseId',
      'action',
      'stepId',
      'msg',
    ]);
  });

  it('writes a message-only line without a case as such a child logger does', () => {
    const { logger, lines } = memoryLogger();
    requestLogger(logger, req, { sub: 'seat-1', role: 'intake' }).info(
      'Case start repeated; nothing new started',
    );
    logger
      .child({ reqId: 'req-1', actor: { sub: 'seat-1', role: 'intake' } })
      .info('Case start repeated; nothing new started');
    expect(lines[0]).toBe(lines[1]);
  });
});
