import { z } from 'zod';
import { statusCodes } from '../statuses.ts';

/** An action's status code (shared/statuses.ts). */
export const statusSchema = z.enum(statusCodes, { error: 'status.invalid' });
