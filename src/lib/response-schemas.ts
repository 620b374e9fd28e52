import { z } from 'zod';

/** Building blocks for the API's response schemas (each module declares its own shapes from these). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'an ISO-8601 date-time');
export const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();
/** A JSON-LD document whose shape is a standard's (schema.org, W3C Web Annotation), checked elsewhere. */
export const jsonLd = z.looseObject({});
