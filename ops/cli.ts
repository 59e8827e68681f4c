/**
 * `npm run ops -- <command>`: the operator's command line (contract:
 * docs/product/operations-promise.md § The ops command). Thin on purpose: parse arguments, build
 * the context, call one command, map errors to exit codes. Progress goes to stderr; stdout carries
 * only results (the JSON line of restore, status --json).
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/config.ts';
import { runHaCommand } from './commands/ha.ts';
import { commands, usage } from './commands/index.ts';
import { OpsError, createOpsContext } from './ops-context.ts';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  // The HA topology has no single managed cluster for the context to describe.
  if (name === 'ha') return runHaCommand(loadConfig(), rest, (message) => process.stderr.write(`${message}\n`));
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(usage);
    return name ? 2 : 0;
  }
  const { values, positionals } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  const context = await createOpsContext(loadConfig(), (message) => process.stderr.write(`${message}\n`));
  try {
    return await command.run(context, values as Record<string, string | boolean | undefined>, positionals);
  } finally {
    await context.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof OpsError || error instanceof ConfigError) {
      process.stderr.write(`Error: ${error.message}\n`);
      process.exit(error instanceof OpsError ? error.exitCode : 2);
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`Error: ${error.message}\n${usage}`);
      process.exit(2);
    }
    process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
