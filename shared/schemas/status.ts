import { z } from 'zod';
import { statusCodes } from '../statuses.ts';
import { requiredOr } from './common.ts';

/** An action's status code (shared/statuses.ts); a missing one is `field.required`. */
export const statusSchema = z.enum(statusCodes, { error: requiredOr('status.invalid') });
