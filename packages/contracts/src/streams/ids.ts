import { z } from 'zod';

export const jobIdSchema = z.uuid({ error: 'expected a UUID' });
export const userIdSchema = z.uuid({ error: 'expected a UUID' });
