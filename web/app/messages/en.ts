import { apiErrorMessages } from '../../lib/api/api-error.messages.ts';
import { organisationsMessages } from '../../features/organisations/organisations.messages.ts';
import { accountsMessages } from '../../features/accounts/accounts.messages.ts';
import { propertiesMessages } from '../../features/properties/properties.messages.ts';
import { propertyPartsMessages } from '../../features/property-parts/property-parts.messages.ts';
import { plansMessages } from '../../features/plans/plans.messages.ts';
import { planViewsMessages } from '../../features/plans/plan-views.messages.ts';
import { actionsMessages } from '../../features/actions/actions.messages.ts';
import { historyMessages } from '../../features/history/history.messages.ts';
import { analysisMessages } from '../../features/analysis/analysis.messages.ts';
import { commentsMessages } from '../../features/comments/comments.messages.ts';
import { attachmentsMessages } from '../../features/attachments/attachments.messages.ts';
import { spreadsheetsMessages } from '../../features/spreadsheets/spreadsheets.messages.ts';
import { reportsMessages } from '../../features/reports/reports.messages.ts';
import { shareLinksMessages } from '../../features/share-links/share-links.messages.ts';
import { twoFactorMessages } from '../../features/two-factor/two-factor.messages.ts';
import { passkeysMessages } from '../../features/passkeys/passkeys.messages.ts';
import { changeSetsMessages } from '../../features/change-sets/change-sets.messages.ts';
import { versionsMessages } from '../../features/versions/versions.messages.ts';
import { trashMessages } from '../../features/trash/trash.messages.ts';
import { libraryMessages } from '../../features/library/library.messages.ts';
import { librarySuggestionsMessages } from '../../features/actions/library-suggestions.messages.ts';
import { repriceMessages } from '../../features/reprice/reprice.messages.ts';
import { generateMessages } from '../../features/generate/generate.messages.ts';
import { customersMessages } from '../../features/customers/customers.messages.ts';
import { memberAccessMessages } from '../../features/members/member-access.messages.ts';
import { movesMessages } from '../../features/moves/moves.messages.ts';
import { portfolioMessages } from '../../features/portfolio/portfolio.messages.ts';
import { brandingMessages } from '../../features/branding/branding.messages.ts';
import type { sv } from './sv.ts';

/** English; typed against the Swedish catalogue so a missing or extra key fails the type check. */
export const en: Record<keyof typeof sv, string> = {
  'app.name': 'Kvarter',
  loading: 'Loading…',
  'action.retry': 'Try again',
  'action.cancel': 'Cancel',
  'layout.skip_to_content': 'Skip to content',
  'nav.label': 'Main menu',
  'nav.start': 'Start',
  'nav.operations': 'Operations',
  'breadcrumb.label': 'You are here',
  'language.label': 'Language',
  'user_menu.label': 'User menu',
  'user_menu.sign_out': 'Sign out',

  'account.switcher_label': 'Account',
  'account.not_found_title': 'Account not found',
  'account.not_found_text': 'The account does not exist, or you are not a member of it.',
  'account.go_to_start': 'Go to the start page',
  'home.no_accounts_title': 'You are not in any account',
  'home.no_accounts_text': 'Ask an admin of your housing cooperative or property manager to invite you.',
  'not_found.title': 'Page not found',
  'not_found.text': 'The address may be mistyped, or the page has moved.',

  'field.email': 'E-mail address',
  'field.name': 'Your name',
  'field.password': 'Password',
  'field.current_password': 'Current password',
  'field.new_password': 'New password',
  'field.choose_password': 'Choose a password',
  'field.password_confirmation': 'Repeat the password',
  'field.password_hint': 'At least {count} characters. A long phrase is easier to remember than odd characters.',
  'field.account_name': 'Organisation name',
  'field.account_name_hint': 'For example Brf Eken or your property management company.',

  'signin.title': 'Sign in',
  'signin.submit': 'Sign in',
  'signin.no_account': 'No account yet?',
  'signup.title': 'Create an account',
  'signup.intro': 'Create an account for your housing cooperative or property management company. You become its admin and can invite others.',
  'signup.submit': 'Create account',
  'signup.have_account': 'Already have an account?',
  'security.title': 'Sign-in and security',
  'password.title': 'Change password',
  'password.intro': 'Changing your password signs you out on every other device.',
  'password.submit': 'Change password',
  'password.changed': 'Your password has been changed. You are signed out on every other device.',
  'reset.forgot_link': 'Forgot password?',
  'reset.request_title': 'Forgot password',
  'reset.request_intro': 'Enter your e-mail address and we will send you a link where you choose a new password.',
  'reset.request_submit': 'Send link',
  'reset.requested':
    'If the address belongs to an account here, we have sent a link to it. It works for 30 minutes. If no e-mail arrives, look in your spam folder.',
  'reset.back_to_sign_in': 'Back to sign in',
  'reset.confirm_title': 'Choose a new password',
  'reset.confirm_submit': 'Save new password',
  'reset.ask_again': 'Ask for a new link',
  'reset.done': 'Your password has been changed and you have been signed out on every device. Sign in with your new password.',
  'sessions.title': "Where you're signed in",
  'sessions.intro': 'You are signed in here right now. If you do not recognise a session, sign it out and change your password.',
  'sessions.this_device': 'This device',
  'sessions.signed_in': 'Signed in {time}',
  'sessions.last_active': 'last active {time}',
  'sessions.browser_on_system': '{browser} on {system}',
  'sessions.unknown_device': 'Unknown browser',
  'sessions.sign_out': 'Sign out',
  'sessions.sign_out_others': 'Sign out everywhere else',

  'invitation.title': 'Invitation',
  'invitation.heading': 'Join {account}',
  'invitation.intro': 'You are invited to {account} with the role “{role}”. Enter your name and choose a password to join.',
  'invitation.submit': 'Create account and join',
  'invitation.invalid_title': 'This invitation is no longer valid',
  'invitation.invalid_text':
    'The link is wrong, already used or too old. Ask the person who invited you for a new invitation, or sign in if you already have an account.',

  'members.title': 'Members',
  'members.invite_title': 'Invite',
  'members.invite_submit': 'Invite',
  'members.roles_explained':
    'Read and comment: see everything, comment, export and upload attachments. Edit: also change properties, plans and actions. Administer: also manage members and the account.',
  'members.invited': 'Invitation sent to {email}.',
  'members.list_title': 'Current members',
  'members.column.name': 'Name',
  'members.column.email': 'E-mail',
  'members.column.role': 'Role',
  'members.column.actions': 'Actions',
  'members.you': 'you',
  'members.role_for': 'Role of {name}',
  'members.role_changed': 'The role of {name} has been changed.',
  'members.remove': 'Remove',
  'members.remove_named': 'Remove {name}',
  'members.remove_title': 'Remove {name}?',
  'members.remove_text': 'They lose access to the account at once. You can invite them again later.',
  'members.removed': '{name} was removed from the account.',
  'members.admins_only_title': 'Admins only',
  'members.admins_only_text': "Only the account's admins can see and manage members. Ask an admin for help.",
  'invitations.title': 'Pending invitations',
  'invitations.none': 'No pending invitations.',
  'invitations.column.expires': 'Valid until',
  'invitations.cancel': 'Cancel invitation',
  'invitations.cancel_named': 'Cancel the invitation to {email}',
  'invitations.cancelled': 'The invitation to {email} was cancelled.',
  'invitations.copy_link': 'Copy invitation link',
  'invitations.copy_link_named': 'Copy the invitation link for {email}',
  'invitations.link_copied': 'A new link for {email} was copied; the earlier one no longer works. Hand it over yourself: {link}',
  'invitations.link_ready': 'A new link for {email}; the earlier one no longer works. Copy it and hand it over yourself: {link}',
  'invitations.received_title': 'Invitations for you',
  'invitations.received_from': '{name} ({email}) has invited you.',
  'invitations.received_account': 'Account (named by the person who invited you): “{account}”. Role: {role}.',
  'invitations.received_expires': 'Valid until {date}.',
  'invitations.accept': 'Accept',
  'invitations.accept_named': 'Accept the invitation from {email}',
  'invitations.decline': 'Decline',
  'invitations.decline_named': 'Decline the invitation from {email}',
  'invitations.declined': 'You declined the invitation from {email}.',
  'invitations.existing_user': 'Already a Kvarter user? Sign in and the invitation is at the top of the page.',

  'operations.title': 'Operations',
  'operations.lead':
    'Backups and recovery for the whole installation. The page refreshes by itself: every minute, and every ten seconds while the first runs are under way.',
  'operations.operators_only_title': 'Operators only',
  'operations.operators_only_text':
    'Only the operators of this installation can see its operations status. Whoever created the first account is an operator; more are added on the server with npm run ops -- grant-operator <e-mail address>.',
  'operations.refresh': 'Refresh now',
  'operations.checked_at': 'Checked at {time}.',
  'operations.refresh_failed': 'Could not refresh the operations status. The details below were checked at {time}.',
  'operations.overall_ok_title': 'Everything works',
  'operations.overall_ok_text': 'The backups are up to date and every check has passed.',
  'operations.overall_pending_title': 'The first backups are under way',
  'operations.overall_pending_text.one':
    '1 check is waiting for its first run. A new installation runs its first backups and checks right after its first start, within minutes. Nothing needs doing; the page updates by itself.',
  'operations.overall_pending_text.other':
    '{count} checks are waiting for their first run. A new installation runs its first backups and checks right after its first start, within minutes. Nothing needs doing; the page updates by itself.',
  'operations.overall_failing_title': 'Something needs attention',
  'operations.overall_failing_text.one': '1 check has not passed. It is listed first below, with what it means and what you can do.',
  'operations.overall_failing_text.other': '{count} checks have not passed. They are listed first below, with what they mean and what you can do.',
  'operations.external_database':
    'The database runs at an external provider (DATABASE_URL). The provider takes care of physical backups and point-in-time recovery; Kvarter takes the daily logical backup.',

  'operations.status.ok': 'OK',
  'operations.status.pending': 'Pending',
  'operations.status.failing': 'Failing',
  'operations.status.running': 'Running',
  'operations.status.none': 'Not run',

  'operations.checks_title': 'Checks',
  'operations.check_evidence': 'Evidence from',
  'operations.check_no_evidence': 'No evidence yet',
  'operations.check_pending': 'Waiting for its first run, which starts by itself shortly after the first start.',
  'operations.check_meaning': 'What it means',
  'operations.check_action': 'What you can do',
  'operations.check.full_backup_fresh': 'Physical backup is up to date',
  'operations.check.full_backup_fresh.meaning':
    'No physical backup (full, differential or incremental) has succeeded in the last 26 hours, or no full backup in the last {fullDays} days. A restore then has to replay more log than intended, and old backups cannot be expired.',
  'operations.check.full_backup_fresh.action':
    'Read the error of the latest backup below. Check disk space and access to the repository, and take a full backup now with npm run ops -- backup --type full.',
  'operations.check.dump_fresh': 'Logical backup is up to date',
  'operations.check.dump_fresh.meaning':
    'No logical backup (pg_dump) has succeeded in the last 26 hours. The daily dump is an independent copy in case the physical backups cannot be used.',
  'operations.check.dump_fresh.action': 'Read the error of the latest dump below. Check the storage (S3 settings or disk space) and run npm run ops -- dump.',
  'operations.check.archiving_working': 'WAL archiving works',
  'operations.check.archiving_working.meaning':
    'PostgreSQL fails to archive its transaction log (WAL) to the repository. Changes after the latest backup then cannot be restored, and the server may fill its disk with log files.',
  'operations.check.archiving_working.action':
    'Look for errors from pgbackrest archive-push in the PostgreSQL log (permissions, disk space, S3 access, encryption passphrase). Run npm run ops -- status for details.',
  'operations.check.archiving_not_lagging': 'WAL archiving keeps up',
  'operations.check.archiving_not_lagging.meaning':
    'Transaction log has waited more than 5 minutes to be archived. Changes made since then are lost if the server breaks down.',
  'operations.check.archiving_not_lagging.action':
    'Check that the repository can be reached and that archiving is not stuck (PostgreSQL log). If archiving is slow, check the network to the repository.',
  'operations.check.drill_passed': 'Restore drill passed',
  'operations.check.drill_passed.meaning':
    'The latest restore drill failed, or no drill has run in the last 26 hours. The drill shows that the backups can actually be restored.',
  'operations.check.drill_passed.action':
    'Read the error of the latest drill below and run a new one with npm run ops -- drill. If it fails again, take a new full backup.',
  'operations.check.verify_passed': 'Repository is intact',
  'operations.check.verify_passed.meaning':
    'The latest integrity check of the repository found errors or could not run, or no check has run in the last 26 hours. Damaged files can make a restore impossible.',
  'operations.check.verify_passed.action':
    'Read the message of the latest check below and run npm run ops -- verify. If damaged files are found, take a new full backup.',
  'operations.check.recovery_window_covered': 'Recovery window is long enough',
  'operations.check.recovery_window_covered.meaning':
    'Not every moment of the last {days} days can be restored: the oldest recovery point is too recent, or the repository has not been read in the last day.',
  'operations.check.recovery_window_covered.action':
    'Check that full backups run every day and that PITR_WINDOW_DAYS is right. Run npm run ops -- status to read the repository again.',
  'operations.check.replicas_present': 'Every database replica is connected',
  'operations.check.replicas_present.meaning':
    'The database leader has fewer replicas connected than the cluster should have. With a replica gone, losing one more node can take the service down or leave no copy to fail over to.',
  'operations.check.replicas_present.action':
    'Run npm run ops -- ha status on the server to see which node is missing, read its Patroni log and start it again. It rejoins as a replica by itself.',
  'operations.check.replicas_not_lagging': 'The replicas keep up',
  'operations.check.replicas_not_lagging.meaning':
    'A replica is not streaming from the leader, or has more than 16 MiB of the transaction log left to replay. A failover to it would have to wait for that, or is refused.',
  'operations.check.replicas_not_lagging.action':
    "Check the replica's disk, load and network to the leader, and its PostgreSQL log. A replica that has just started catches up by itself within minutes.",
  'operations.check.synchronous_replica': 'A replica is synchronous',
  'operations.check.synchronous_replica.meaning':
    'No replica confirms writes before they are acknowledged. If the leader is lost now, the latest acknowledged changes can be lost with it.',
  'operations.check.synchronous_replica.action':
    'Start the missing replicas (npm run ops -- ha status shows which); Patroni makes one of them synchronous by itself as soon as it streams.',

  'operations.window_title': 'Recovery window',
  'operations.window.oldest': 'Oldest recovery point',
  'operations.window.newest': 'Newest recovery point',
  'operations.window.target': 'Target',
  'operations.window.target_value': 'Any moment of the last {days} days',
  'operations.window.repository': 'Repository',
  'operations.repository.posix': 'Local directory',
  'operations.repository.s3': 'S3-compatible storage',

  'operations.runs_title': 'Backups and drills',
  'operations.column.job': 'Job',
  'operations.column.status': 'Status',
  'operations.column.last_run': 'Latest run',
  'operations.column.details': 'Details',
  'operations.run.full': 'Full backup',
  'operations.run.diff': 'Differential backup',
  'operations.run.dump': 'Logical backup (pg_dump)',
  'operations.run.drill': 'Restore drill',
  'operations.run.verify': 'Repository integrity check',
  'operations.run.check': 'Archiving check',
  'operations.outcome.running': 'Started',
  'operations.outcome.succeeded': 'Succeeded',
  'operations.outcome.failed': 'Failed',
  'operations.size': 'Size: {size}',
  'operations.show_message': 'Show the whole message',

  'operations.archiver_title': 'WAL archiving',
  'operations.archiver.last_archived': 'Last archived',
  'operations.archiver.failures': 'Failed attempts',
  'operations.archiver.failures_value': '{count} since the statistics were reset',
  'operations.archiver.last_failed': 'Last failure',
  'operations.archiver.waiting': 'Waiting log',
  'operations.archiver.waiting_none': 'Nothing waits',
  'operations.archiver.waiting_value': 'Has waited up to {duration}',
  'operations.archiver.waiting_unknown': 'Unknown, nothing has been archived yet',
  'operations.cluster_title': 'Database cluster',
  'operations.cluster.leader': 'Leader',
  'operations.cluster.replicas': 'Replicas',
  'operations.cluster.replicas_value': '{count} of {expected} connected',
  'operations.cluster.column.replica': 'Replica',
  'operations.cluster.column.replication': 'Replication',
  'operations.cluster.column.lag': 'Lag',
  'operations.cluster.state.streaming': 'Streaming',
  'operations.cluster.state.catchup': 'Catching up',
  'operations.cluster.state.startup': 'Starting',
  'operations.cluster.state.stopping': 'Stopping',
  'operations.cluster.synchronous': 'Synchronous',
  'operations.cluster.asynchronous': 'Asynchronous',
  'operations.cluster.lag_unknown': 'Unknown',
  'operations.cluster.missing.one': '1 replica missing',
  'operations.cluster.missing.other': '{count} replicas missing',
  'operations.never': 'Never',
  'operations.none_yet': 'None yet',

  'role.viewer': 'Read and comment',
  'role.editor': 'Edit',
  'role.admin': 'Administer',

  // The API client's errors in words (web/lib/api/api-error.messages.ts).
  ...apiErrorMessages.en,

  // Each feature's own messages (web/features/<noun>/<noun>.messages.ts).
  ...organisationsMessages.en,
  ...accountsMessages.en,
  ...propertiesMessages.en,
  ...propertyPartsMessages.en,
  ...plansMessages.en,
  ...planViewsMessages.en,
  ...actionsMessages.en,
  ...historyMessages.en,
  ...analysisMessages.en,
  ...commentsMessages.en,
  ...attachmentsMessages.en,
  ...spreadsheetsMessages.en,
  ...reportsMessages.en,
  ...shareLinksMessages.en,
  ...twoFactorMessages.en,
  ...passkeysMessages.en,
  ...changeSetsMessages.en,
  ...versionsMessages.en,
  ...trashMessages.en,
  ...libraryMessages.en,
  ...librarySuggestionsMessages.en,
  ...repriceMessages.en,
  ...generateMessages.en,
  ...customersMessages.en,
  ...memberAccessMessages.en,
  ...movesMessages.en,
  ...portfolioMessages.en,
  ...brandingMessages.en,
};
