/**
 * A log with levels, for code that runs inside the server process (the scheduler, alerts): the
 * launcher passes the server's logger, so alerts reach the log at error level. OpsContext.log is
 * the CLI's plain progress output and has no levels.
 */
export interface LevelledLog {
  info(message: string): void;
  error(message: string): void;
}

/** Info to the context's log, errors to stderr: for callers without a structured logger. */
export function defaultLevelledLog(log: (message: string) => void): LevelledLog {
  return {
    info: log,
    error: (message) => console.error(message),
  };
}
