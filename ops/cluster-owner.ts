import { chmod, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { runCommand, type RunOptions, type RunResult } from './run-command.ts';

/** The OS account that owns and runs the managed PostgreSQL cluster. */
export interface ClusterOwner {
  name: string;
  uid: number;
  gid: number;
  /** True when we are root and act through `runuser`, because PostgreSQL refuses to run as root. */
  isSeparateUser: boolean;
  run(file: string, args: string[], options?: RunOptions): Promise<RunResult>;
  /** Hands a file tree to the owner; a no-op when we are the owner. */
  adopt(target: string): Promise<void>;
  /** Makes `directory` and its parents traversable for the owner, logging each change. */
  ensureTraversable(directory: string, log: (message: string) => void): Promise<void>;
}

export async function clusterOwner(): Promise<ClusterOwner> {
  if (process.getuid?.() !== 0) {
    return {
      name: userInfo().username,
      uid: process.getuid?.() ?? -1,
      gid: process.getgid?.() ?? -1,
      isSeparateUser: false,
      run: runCommand,
      adopt: async () => {},
      ensureTraversable: async () => {},
    };
  }

  const name = 'postgres';
  const [uid, gid] = await Promise.all([idOf('-u'), idOf('-g')]);
  const run = (file: string, args: string[], options?: RunOptions) => runCommand('runuser', ['-u', name, '--', file, ...args], options);
  return {
    name,
    uid,
    gid,
    isSeparateUser: true,
    run,
    adopt: async (target) => {
      await runCommand('chown', ['-R', `${uid}:${gid}`, target]);
    },
    ensureTraversable: async (directory, log) => {
      // Walk from / downwards: a directory can only be tested once its parents are passable.
      const chain: string[] = [];
      for (let current = path.resolve(directory); ; current = path.dirname(current)) {
        chain.unshift(current);
        if (current === path.dirname(current)) break;
      }
      for (const current of chain) {
        const { exitCode } = await run('test', ['-x', current], { okExitCodes: [1] });
        if (exitCode === 0) continue;
        await chmod(current, (await stat(current)).mode | 0o001);
        log(`Made ${current} traversable for the postgres user (chmod o+x) so PostgreSQL can reach its data directory.`);
      }
    },
  };

  async function idOf(flag: '-u' | '-g'): Promise<number> {
    const { stdout } = await runCommand('id', [flag, 'postgres']).catch(() => {
      throw new Error('The postgres OS user does not exist. Install PostgreSQL first: bash scripts/ensure-system-packages.sh');
    });
    return Number.parseInt(stdout, 10);
  }
}
