import { clusterCheckCodes } from '../../shared/cluster-health.ts';
import type { BackupCheckCode } from '../../shared/schemas/operations.ts';

interface CheckText {
  /** What is wrong, one sentence. */
  problem: string;
  /** What the operator does first. */
  action: string;
}

/**
 * Swedish and English text for each failing check of shared/backup-health.ts and
 * shared/cluster-health.ts, for the log line and the operators' e-mail. The limits quoted (26 h,
 * 5 min, 16 MiB) are the ones those modules apply.
 */
const checkTexts: Record<BackupCheckCode, { sv: CheckText; en: CheckText }> = {
  full_backup_fresh: {
    sv: {
      problem: 'Ingen fysisk säkerhetskopia har lyckats de senaste 26 timmarna (eller ingen fullständig inom PITR-fönstret + 1 dygn).',
      action: 'Kör `npm run ops -- backup --type full` och läs felet.',
    },
    en: {
      problem: 'No physical backup has succeeded in the last 26 hours (or no full backup within the PITR window + 1 day).',
      action: 'Run `npm run ops -- backup --type full` and read the error.',
    },
  },
  dump_fresh: {
    sv: { problem: 'Ingen logisk dump (pg_dump) har lyckats de senaste 26 timmarna.', action: 'Kör `npm run ops -- dump` och läs felet.' },
    en: { problem: 'No logical dump (pg_dump) has succeeded in the last 26 hours.', action: 'Run `npm run ops -- dump` and read the error.' },
  },
  archiving_working: {
    sv: {
      problem: 'WAL-arkiveringen misslyckas: återställning till en tidpunkt täcker inte de senaste ändringarna.',
      action: 'Kör `npm run ops -- check` (visar pgBackRests fel) och kontrollera att backup-lagringen (disk eller S3) nås och har plats.',
    },
    en: {
      problem: 'WAL archiving is failing: point-in-time recovery does not cover the latest changes.',
      action: "Run `npm run ops -- check` (shows pgBackRest's error) and check that the backup storage (disk or S3) is reachable and has space.",
    },
  },
  archiving_not_lagging: {
    sv: {
      problem: 'WAL-arkiveringen ligger mer än 5 minuter efter.',
      action: 'Kör `npm run ops -- check` och kontrollera backup-lagringens tillgänglighet och hastighet.',
    },
    en: {
      problem: 'WAL archiving is more than 5 minutes behind.',
      action: 'Run `npm run ops -- check` and check that the backup storage is reachable and fast enough.',
    },
  },
  drill_passed: {
    sv: {
      problem: 'Den dagliga återställningsövningen misslyckades eller har inte körts de senaste 26 timmarna.',
      action: 'Kör `npm run ops -- drill` och läs felet.',
    },
    en: {
      problem: 'The daily restore drill failed or has not run in the last 26 hours.',
      action: 'Run `npm run ops -- drill` and read the error.',
    },
  },
  verify_passed: {
    sv: {
      problem: 'Kontrollen av backup-lagringen (pgbackrest verify) hittade fel eller har inte körts de senaste 26 timmarna.',
      action: 'Kör `npm run ops -- verify`; ta en ny fullständig säkerhetskopia om filer är skadade.',
    },
    en: {
      problem: 'The repository check (pgbackrest verify) found damage or has not run in the last 26 hours.',
      action: 'Run `npm run ops -- verify`; take a new full backup if files are damaged.',
    },
  },
  recovery_window_covered: {
    sv: {
      problem: 'Säkerhetskopiorna täcker inte hela återställningsfönstret (PITR_WINDOW_DAYS).',
      action: 'Kör `npm run ops -- status` för att se äldsta återställningspunkt och kontrollera att de dagliga säkerhetskopiorna lyckas.',
    },
    en: {
      problem: 'The backups do not cover the whole recovery window (PITR_WINDOW_DAYS).',
      action: 'Run `npm run ops -- status` to see the oldest recovery point and check that the daily backups succeed.',
    },
  },
  replicas_present: {
    sv: {
      problem: 'En databasreplik saknas: ledaren har färre repliker anslutna än KVARTER_HA_EXPECTED_REPLICAS.',
      action: 'Kör `npm run ops -- ha status` för att se vilken nod som saknas och starta den (se docs/operations.md § High availability).',
    },
    en: {
      problem: 'A database replica is missing: the leader has fewer replicas connected than KVARTER_HA_EXPECTED_REPLICAS.',
      action: 'Run `npm run ops -- ha status` to see which node is missing and start it again (docs/operations.md § High availability).',
    },
  },
  replicas_not_lagging: {
    sv: {
      problem: 'En databasreplik strömmar inte eller ligger mer än 16 MiB WAL efter ledaren.',
      action: 'Kör `npm run ops -- ha status` och kontrollera replikens logg, disk och nätverk.',
    },
    en: {
      problem: 'A database replica is not streaming or is more than 16 MiB of WAL behind the leader.',
      action: "Run `npm run ops -- ha status` and check the replica's log, disk and network.",
    },
  },
  synchronous_replica: {
    sv: {
      problem: 'Ingen databasreplik är synkron: en bekräftad skrivning kan gå förlorad om ledaren faller bort.',
      action: 'Kör `npm run ops -- ha status`; starta en saknad replik så gör Patroni den synkron.',
    },
    en: {
      problem: 'No database replica is synchronous: an acknowledged write can be lost if the leader is lost.',
      action: 'Run `npm run ops -- ha status`; start a missing replica and Patroni makes it synchronous.',
    },
  },
};

export function describeCheck(code: BackupCheckCode): { sv: CheckText; en: CheckText } {
  return checkTexts[code];
}

/** One line for the log (English): `alert: <code> — <problem> <action>`. */
export function formatAlertLine(code: BackupCheckCode, observedAt: string | null): string {
  const { en } = checkTexts[code];
  return `alert: ${code} — ${en.problem} ${en.action} (last evidence: ${observedAt ?? 'none'}; runbook: docs/operations.md)`;
}

/** What needs attention, by whether the failing checks are about backups, the database cluster, or both. */
const headlines = {
  backups: { sv: 'säkerhetskopieringen behöver åtgärdas', en: 'backups need attention' },
  cluster: { sv: 'databasklustret behöver åtgärdas', en: 'the database cluster needs attention' },
  both: { sv: 'säkerhetskopieringen och databasklustret behöver åtgärdas', en: 'backups and the database cluster need attention' },
};

/** The operators' e-mail: Swedish first, then English, with the runbook to follow. */
export function formatAlertEmail(codes: readonly BackupCheckCode[], publicUrl: string): { subject: string; text: string } {
  const aboutCluster = codes.some((code) => clusterCheckCodes.includes(code));
  const aboutBackups = codes.some((code) => !clusterCheckCodes.includes(code));
  const headline = headlines[aboutCluster ? (aboutBackups ? 'both' : 'cluster') : 'backups'];
  const section = (language: 'sv' | 'en') =>
    codes.map((code) => `- ${checkTexts[code][language].problem}\n  ${checkTexts[code][language].action} [${code}]`).join('\n');
  const text = [
    `Kvarter (${publicUrl}): ${headline.sv}.`,
    '',
    section('sv'),
    '',
    'Driftsidan i Kvarter visar läget; felsökning steg för steg finns i docs/operations.md.',
    'Du får det här meddelandet för att du är driftansvarig. Du får ett nytt meddelande först när en kontroll som var i ordning börjar fallera.',
    '',
    '---',
    '',
    `Kvarter (${publicUrl}): ${headline.en}.`,
    '',
    section('en'),
    '',
    "Kvarter's operations page shows the status; the runbook in docs/operations.md has the steps.",
    'You receive this because you are an operator. You hear from us again only when a check that was fine starts failing.',
    '',
  ].join('\n');
  return { subject: `Kvarter: ${headline.sv} / ${headline.en}`, text };
}
