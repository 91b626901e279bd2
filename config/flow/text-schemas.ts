/** Small schemas shared by the parts of the flow document: identifiers CEL can name, and localized text. */
import { z } from 'zod';

export const IdentifierSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an identifier (letters, digits, _), so CEL can name it');

export const LocalizedTextSchema = z
  .strictObject({ zh: z.string().min(1).optional(), en: z.string().min(1).optional() })
  .refine((text) => text.zh !== undefined || text.en !== undefined, 'needs zh or en')
  .describe('Text in Chinese (zh) and/or English (en)');
