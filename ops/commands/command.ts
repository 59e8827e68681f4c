import type { ParseArgsConfig } from 'node:util';
import type { OpsContext } from '../ops-context.ts';

export interface Command {
  options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the process exit code. */
  run(context: OpsContext, options: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>;
}
