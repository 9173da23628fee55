import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports process times in clock ticks of 1/100 s on every platform Node supports. */
const TICKS_PER_SECOND = 100;

/** CPU milliseconds (user + system) that three parties have used so far. */
export type CpuSample = { bench: number; server: number; postgres: number };

export function ownCpuMs(): number {
  const usage = process.cpuUsage();

  return (usage.user + usage.system) / 1000;
}

/**
 * CPU time of the PostgreSQL backends serving `database`, read from /proc: their command line
 * reads "postgres: 15/main: <user> <database> <client>(<port>) <state>". Other databases on the same server
 * (say, a test run) are left out; the server's shared background processes are too. NaN where
 * /proc cannot be read.
 */
export function postgresCpuMs(database: string): number {
  const backend = new RegExp(` ${database} \\S+\\(\\d+\\) `);
  let ticks = 0;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const command = readFileSync(`/proc/${entry}/cmdline`, 'latin1').replaceAll('\0', ' ');
        if (!command.startsWith('postgres: ') || !backend.test(command)) continue;
        const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // the process ended between listing and reading
      }
    }
  } catch {
    return Number.NaN;
  }

  return (ticks / TICKS_PER_SECOND) * 1000;
}

export function cpuBetween(before: CpuSample, after: CpuSample): CpuSample {
  return {
    bench: after.bench - before.bench,
    server: after.server - before.server,
    postgres: after.postgres - before.postgres,
  };
}

export function addCpu(a: CpuSample, b: CpuSample): CpuSample {
  return {
    bench: a.bench + b.bench,
    server: a.server + b.server,
    postgres: a.postgres + b.postgres,
  };
}
