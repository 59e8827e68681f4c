/**
 * High availability (docs/operations.md § High availability, decision 0050): how long writes
 * fail when the leader is lost, when its postmaster alone dies, and during a planned switchover,
 * and how many acknowledged writes are lost (must be 0). One topology of `npm run ops -- ha up --nodes 3 --apps 2` (the test suite's
 * fixture, which holds the machine-wide HA slot), two clients creating organisations through the
 * HTTPS entry point continuously (ops/test-support/write-loop.ts; after a 503 a client tries again
 * after 100 ms), then in turn:
 *   - HA_LEADER_KILLS (default 5) × kill -9 of the leader's Patroni and postmaster together →
 *     seconds from the kill until the first write sent after it succeeds; then `ha start-node` of
 *     the old leader (seconds until it streams again) and a wait for a synchronous replica;
 *   - HA_POSTMASTER_KILLS (default 3) × kill -9 of the leader's postmaster alone → the same;
 *   - HA_SWITCHOVERS (default 3) × `ha switchover` → seconds from the first refused write to the
 *     end of the last one (0 when none was refused), and the command's own duration;
 * after each, the acknowledged writes missing from the database (read through the leader) and any
 * answer other than 201 or 503 with Retry-After. Prints the results as Markdown tables.
 *
 *   npx tsx bench/ha-failover.bench.ts                       # ≈10 min
 *   HA_LEADER_KILLS=1 HA_POSTMASTER_KILLS=1 HA_SWITCHOVERS=1 npx tsx bench/ha-failover.bench.ts   # quick try
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { startHaTopology, waitForSynchronousReplica, type HaTopologyFixture } from '../ops/test-support/ha-topology.ts';
import { lostWrites, recoveryMs, startWriteLoops, unexpectedAnswers, type WriteAnswer } from '../ops/test-support/write-loop.ts';
import { gitDescription, markdownTable, median, runBench, sleep } from './support.ts';

const leaderKills = Number(process.env.HA_LEADER_KILLS ?? 5);
const postmasterKills = Number(process.env.HA_POSTMASTER_KILLS ?? 3);
const switchovers = Number(process.env.HA_SWITCHOVERS ?? 3);
const recoveryTimeoutMs = 120_000;

interface Run {
  kind: 'leader lost' | 'postmaster killed' | 'switchover';
  /** Seconds until writes succeed again (faults), or of refused writes (switchovers). */
  seconds: number;
  /** Rejoin of the old leader (leader lost), or the switchover command's own duration. */
  extraSeconds: number | undefined;
  writes: number;
  refused: number;
  unexpected: number;
  lost: number;
  from: string;
  to: string;
}

/** The slot wait (another run's topology) is not counted: `startHaTopology` bounds it itself. */
const timeLimitMs = 30 * 60_000;
let topology: HaTopologyFixture | undefined;

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = loadavg();
  topology = await startHaTopology({ nodes: 3, apps: 2, prefix: 'ha-failover-bench' });
  const runs: Run[] = [];
  await waitForSynchronousReplica(topology);
  for (let index = 0; index < leaderKills; index += 1) runs.push(await loseLeader(topology, index, true));
  for (let index = 0; index < postmasterKills; index += 1) runs.push(await loseLeader(topology, index, false));
  for (let index = 0; index < switchovers; index += 1) runs.push(await switchOver(topology, index));
  await topology.dispose();
  topology = undefined;
  const loadAfter = loadavg();
  const round = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(1));
  console.log(`\n${await gitDescription()}, ${startedAt.toISOString()} – ${new Date().toISOString()}`);
  console.log(`load average before ${loadBefore.map((value) => value.toFixed(1)).join(' ')}, after ${loadAfter.map((value) => value.toFixed(1)).join(' ')}\n`);
  console.log(
    markdownTable(
      ['fault', 'from → to', 's until writes succeed (switchover: s of refused writes)', 'rejoin s / command s', 'writes', '503s', 'other answers', 'lost'],
      runs.map((run) => [
        run.kind,
        `${run.from} → ${run.to}`,
        round(run.seconds),
        round(run.extraSeconds),
        String(run.writes),
        String(run.refused),
        String(run.unexpected),
        String(run.lost),
      ]),
    ),
  );
  console.log('');
  console.log(
    markdownTable(
      ['fault', 'runs', 'min s', 'median s', 'max s', 'acknowledged writes lost'],
      (['leader lost', 'postmaster killed', 'switchover'] as const)
        .map((kind) => runs.filter((run) => run.kind === kind))
        .filter((group) => group.length > 0)
        .map((group) => {
          const seconds = group.map((run) => run.seconds);
          return [
            group[0]!.kind,
            String(group.length),
            round(Math.min(...seconds)),
            round(median(seconds)),
            round(Math.max(...seconds)),
            String(group.reduce((sum, run) => sum + run.lost, 0)),
          ];
        }),
    ),
  );
  if (runs.some((run) => run.lost > 0 || run.unexpected > 0))
    throw new Error('an acknowledged write was lost, or an answer was neither 201 nor 503 with Retry-After');
}

async function loseLeader(topology: HaTopologyFixture, index: number, withPatroni: boolean): Promise<Run> {
  const leader = (await topology.status()).leader;
  if (!leader?.pid || !leader.patroniPid) throw new Error('no running leader to kill');
  const loops = await startWriteLoops({
    entryPort: topology.entryPort,
    dataDir: topology.dataDir,
    clients: 2,
    prefix: `${withPatroni ? 'leader' : 'postmaster'}-${index}`,
  });
  await sleep(1_500);
  const faultAt = performance.now();
  if (withPatroni) process.kill(leader.patroniPid, 'SIGKILL');
  process.kill(leader.pid, 'SIGKILL');
  let recovered: number | undefined;
  while ((recovered = recoveryMs(loops.answers, faultAt)) === undefined && performance.now() - faultAt < recoveryTimeoutMs) await sleep(100);
  await sleep(1_000);
  const answers = await loops.stop();
  if (recovered === undefined) throw new Error(`writes did not succeed again within ${recoveryTimeoutMs / 1000} s`);
  const status = await topology.status();
  let rejoinSeconds: number | undefined;
  if (withPatroni) {
    const rejoinStartedAt = performance.now();
    const started = await topology.ops(['ha', 'start-node', leader.name]);
    if (started.exitCode !== 0) throw new Error(`ha start-node ${leader.name} exited with ${started.exitCode}: ${started.stderr}`);
    rejoinSeconds = (performance.now() - rejoinStartedAt) / 1000;
  }
  await waitForSynchronousReplica(topology);
  return {
    kind: withPatroni ? 'leader lost' : 'postmaster killed',
    seconds: recovered / 1000,
    extraSeconds: rejoinSeconds,
    ...(await tally(topology, answers)),
    from: leader.name,
    to: status.leader?.name ?? 'none',
  };
}

async function switchOver(topology: HaTopologyFixture, index: number): Promise<Run> {
  const before = await topology.status();
  const loops = await startWriteLoops({ entryPort: topology.entryPort, dataDir: topology.dataDir, clients: 2, prefix: `switchover-${index}` });
  await sleep(1_500);
  const commandStartedAt = performance.now();
  const result = await topology.ops(['ha', 'switchover']);
  const commandSeconds = (performance.now() - commandStartedAt) / 1000;
  if (result.exitCode !== 0) throw new Error(`ha switchover exited with ${result.exitCode}: ${result.stderr}`);
  // Writes after the command returned, so that every refused one is counted.
  const returnedAt = performance.now();
  while (recoveryMs(loops.answers, returnedAt) === undefined && performance.now() - returnedAt < recoveryTimeoutMs) await sleep(100);
  await sleep(1_000);
  const answers = await loops.stop();
  const refused = answers.filter((answer) => answer.status !== 201);
  const seconds =
    refused.length === 0 ? 0 : (Math.max(...refused.map((answer) => answer.endedAt)) - Math.min(...refused.map((answer) => answer.startedAt))) / 1000;
  const after = await topology.status();
  await waitForSynchronousReplica(topology);
  return {
    kind: 'switchover',
    seconds,
    extraSeconds: commandSeconds,
    ...(await tally(topology, answers)),
    from: before.leader?.name ?? 'none',
    to: after.leader?.name ?? 'none',
  };
}

async function tally(topology: HaTopologyFixture, answers: WriteAnswer[]): Promise<Pick<Run, 'writes' | 'refused' | 'unexpected' | 'lost'>> {
  const { databasePort } = await topology.status();
  return {
    writes: answers.filter((answer) => answer.status === 201).length,
    refused: answers.filter((answer) => answer.status === 503).length,
    unexpected: unexpectedAnswers(answers).length,
    lost: (await lostWrites(topology.dataDir, databasePort, answers)).length,
  };
}

void runBench({
  name: 'ha-failover.bench.ts',
  timeLimitMs,
  main,
  stop: async () => {
    await topology?.dispose();
    topology = undefined;
  },
  say: (text) => console.error(text),
});
