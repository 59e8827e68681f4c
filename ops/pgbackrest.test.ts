import { describe, expect, it } from 'vitest';
import { findVerifyProblems } from './physical-backups.ts';
import { explainPgBackRestError } from './pgbackrest.ts';

describe('explainPgBackRestError', () => {
  it('names a wrong repository passphrase', () => {
    const error = explainPgBackRestError(
      'backup',
      "ERROR: [029]: unable to load info file '/r/backup.info' or '/r/backup.info.copy':\n FormatError: key/value found outside of section at line 1: \u0001\u00ff",
    );
    expect(error.message).toBe(
      'The backup repository cannot be decrypted: the passphrase (BACKUP_ENCRYPTION_PASSPHRASE, or secrets/backup-passphrase) is not the one the repository was created with.',
    );
  });

  it('names a missing pgBackRest', () => {
    expect(explainPgBackRestError('info', 'runuser: failed to execute pgbackrest: No such file or directory').message).toBe(
      'pgBackRest is not installed. Run: sudo apt-get install -y pgbackrest (npm start installs it).',
    );
  });

  it('names an unreachable S3 repository and keeps printable detail only', () => {
    const error = explainPgBackRestError('backup', "ERROR: [039]: HostConnectError: unable to connect to 'localhost:9':\u0007 [111] Connection refused");
    expect(error.message).toBe(
      "The S3 backup repository cannot be reached (check BACKUP_S3_ENDPOINT, the network and BACKUP_S3_CA_FILE):\nERROR: [039]: HostConnectError: unable to connect to 'localhost:9':… [111] Connection refused",
    );
  });
});

describe('findVerifyProblems', () => {
  it('finds the damage pgBackRest verify reports while exiting 0', () => {
    const report = [
      "2026-11-27 08:02:17.177 P02   INFO: invalid checksum '20261127-080209F/pg_data/global/1261_vm.zst'",
      '2026-11-27 08:02:17.287 P00   INFO: stanza: kvarter',
      '                                    status: error',
      '                                      backup: 20261127-080209F, status: invalid, total files checked: 1266, total valid files: 1265',
      '                                        checksum invalid: 1',
      '2026-11-27 08:02:17.290 P00   INFO: verify command end: completed successfully (394ms)',
    ].join('\n');
    expect(findVerifyProblems(report)).toEqual([
      "2026-11-27 08:02:17.177 P02   INFO: invalid checksum '20261127-080209F/pg_data/global/1261_vm.zst'",
      'status: error',
      'backup: 20261127-080209F, status: invalid, total files checked: 1266, total valid files: 1265',
      'checksum invalid: 1',
    ]);
  });

  it('finds nothing in a clean report', () => {
    expect(
      findVerifyProblems('P00   INFO: verify command begin 2.45: --stanza=kvarter\nP00   INFO: verify command end: completed successfully (551ms)'),
    ).toEqual([]);
  });
});
