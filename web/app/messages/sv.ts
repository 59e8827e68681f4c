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
/**
 * Swedish, the product's primary language and the reference catalogue: en.ts must have exactly
 * these keys. Placeholders in braces are filled by the translator, e.g. `{name}`.
 */
export const sv = {
  'app.name': 'Kvarter',
  loading: 'Laddar…',
  'action.retry': 'Försök igen',
  'action.cancel': 'Avbryt',
  'layout.skip_to_content': 'Hoppa till innehållet',
  'nav.label': 'Huvudmeny',
  'nav.start': 'Start',
  'nav.operations': 'Drift',
  'breadcrumb.label': 'Du är här',
  'language.label': 'Språk',
  'user_menu.label': 'Användarmeny',
  'user_menu.sign_out': 'Logga ut',

  'account.switcher_label': 'Konto',
  'account.not_found_title': 'Kontot hittades inte',
  'account.not_found_text': 'Kontot finns inte, eller så är du inte medlem i det.',
  'account.go_to_start': 'Till startsidan',
  'home.no_accounts_title': 'Du är inte med i något konto',
  'home.no_accounts_text': 'Be en administratör i din förening eller hos din förvaltare att bjuda in dig.',
  'not_found.title': 'Sidan finns inte',
  'not_found.text': 'Adressen kan vara felskriven, eller så har sidan flyttats.',

  'field.email': 'E-postadress',
  'field.name': 'Ditt namn',
  'field.password': 'Lösenord',
  'field.current_password': 'Nuvarande lösenord',
  'field.new_password': 'Nytt lösenord',
  'field.choose_password': 'Välj ett lösenord',
  'field.password_confirmation': 'Upprepa lösenordet',
  'field.password_hint': 'Minst {count} tecken. En lång fras är lättare att minnas än krångliga tecken.',
  'field.account_name': 'Organisationens namn',
  'field.account_name_hint': 'Till exempel Brf Eken eller ert förvaltningsbolag.',

  'signin.title': 'Logga in',
  'signin.submit': 'Logga in',
  'signin.no_account': 'Inget konto än?',
  'signup.title': 'Skapa konto',
  'signup.intro': 'Skapa ett konto för din bostadsrättsförening eller ditt förvaltningsbolag. Du blir administratör och kan bjuda in fler.',
  'signup.submit': 'Skapa konto',
  'signup.have_account': 'Har du redan ett konto?',
  'security.title': 'Inloggning och säkerhet',
  'password.title': 'Byt lösenord',
  'password.intro': 'När du byter lösenord loggas du ut på alla andra enheter.',
  'password.submit': 'Byt lösenord',
  'password.changed': 'Lösenordet är bytt. Du är utloggad på alla andra enheter.',
  'reset.forgot_link': 'Glömt lösenord?',
  'reset.request_title': 'Glömt lösenord',
  'reset.request_intro': 'Skriv din e-postadress så skickar vi en länk där du väljer ett nytt lösenord.',
  'reset.request_submit': 'Skicka länk',
  'reset.requested':
    'Om adressen hör till ett konto hos oss har vi skickat en länk dit. Den gäller i 30 minuter. Hittar du inget e-postmeddelande, titta i skräpposten.',
  'reset.back_to_sign_in': 'Tillbaka till inloggningen',
  'reset.confirm_title': 'Välj ett nytt lösenord',
  'reset.confirm_submit': 'Spara nytt lösenord',
  'reset.ask_again': 'Be om en ny länk',
  'reset.done': 'Lösenordet är bytt och du är utloggad på alla enheter. Logga in med ditt nya lösenord.',
  'sessions.title': 'Inloggningar',
  'sessions.intro': 'Här är du inloggad just nu. Känner du inte igen en inloggning, logga ut den och byt lösenord.',
  'sessions.this_device': 'Den här enheten',
  'sessions.signed_in': 'Inloggad {time}',
  'sessions.last_active': 'senast aktiv {time}',
  'sessions.browser_on_system': '{browser} på {system}',
  'sessions.unknown_device': 'Okänd webbläsare',
  'sessions.sign_out': 'Logga ut',
  'sessions.sign_out_others': 'Logga ut överallt annars',

  'invitation.title': 'Inbjudan',
  'invitation.heading': 'Gå med i {account}',
  'invitation.intro': 'Du är inbjuden till {account} med rollen ”{role}”. Ange ditt namn och välj ett lösenord för att gå med.',
  'invitation.submit': 'Skapa konto och gå med',
  'invitation.invalid_title': 'Inbjudan gäller inte längre',
  'invitation.invalid_text':
    'Länken är felaktig, redan använd eller för gammal. Be den som bjöd in dig om en ny inbjudan, eller logga in om du redan har ett konto.',

  'members.title': 'Medlemmar',
  'members.invite_title': 'Bjud in',
  'members.invite_submit': 'Bjud in',
  'members.roles_explained':
    'Läsa och kommentera: se allt, kommentera, exportera och ladda upp bilagor. Arbeta: dessutom ändra fastigheter, planer och åtgärder. Administrera: dessutom hantera medlemmar och kontot.',
  'members.invited': 'Inbjudan skickad till {email}.',
  'members.list_title': 'Nuvarande medlemmar',
  'members.column.name': 'Namn',
  'members.column.email': 'E-post',
  'members.column.role': 'Roll',
  'members.column.actions': 'Åtgärder',
  'members.you': 'du',
  'members.role_for': 'Roll för {name}',
  'members.role_changed': 'Rollen för {name} är ändrad.',
  'members.remove': 'Ta bort',
  'members.remove_named': 'Ta bort {name}',
  'members.remove_title': 'Ta bort {name}?',
  'members.remove_text': 'Personen förlorar genast åtkomsten till kontot. Du kan bjuda in personen igen senare.',
  'members.removed': '{name} togs bort från kontot.',
  'members.admins_only_title': 'Endast administratörer',
  'members.admins_only_text': 'Bara kontots administratörer kan se och hantera medlemmar. Be en administratör om hjälp.',
  'invitations.title': 'Väntande inbjudningar',
  'invitations.none': 'Inga väntande inbjudningar.',
  'invitations.column.expires': 'Gäller till',
  'invitations.cancel': 'Avbryt inbjudan',
  'invitations.cancel_named': 'Avbryt inbjudan till {email}',
  'invitations.cancelled': 'Inbjudan till {email} är avbruten.',
  'invitations.copy_link': 'Kopiera inbjudningslänk',
  'invitations.copy_link_named': 'Kopiera inbjudningslänk till {email}',
  'invitations.link_copied': 'En ny länk till {email} är kopierad; den tidigare gäller inte längre. Lämna över den själv: {link}',
  'invitations.link_ready': 'En ny länk till {email}; den tidigare gäller inte längre. Kopiera den och lämna över den själv: {link}',
  'invitations.received_title': 'Inbjudningar till dig',
  'invitations.received_from': '{name} ({email}) har bjudit in dig.',
  'invitations.received_account': 'Konto (namnet är valt av den som bjöd in): ”{account}”. Roll: {role}.',
  'invitations.received_expires': 'Gäller till {date}.',
  'invitations.accept': 'Tacka ja',
  'invitations.accept_named': 'Tacka ja till inbjudan från {email}',
  'invitations.decline': 'Tacka nej',
  'invitations.decline_named': 'Tacka nej till inbjudan från {email}',
  'invitations.declined': 'Du tackade nej till inbjudan från {email}.',
  'invitations.existing_user': 'Har du redan en användare på Kvarter? Logga in, så finns inbjudan överst på sidan.',

  'operations.title': 'Drift',
  'operations.lead':
    'Säkerhetskopior och återställning för hela installationen. Sidan uppdateras av sig själv: varje minut, och var tionde sekund medan de första körningarna pågår.',
  'operations.operators_only_title': 'Endast för driftansvariga',
  'operations.operators_only_text':
    'Bara installationens driftansvariga kan se driftstatus. Den som skapade det första kontot är driftansvarig; fler läggs till på servern med npm run ops -- grant-operator <e-postadress>.',
  'operations.refresh': 'Uppdatera nu',
  'operations.checked_at': 'Kontrollerat {time}.',
  'operations.refresh_failed': 'Kunde inte uppdatera driftstatusen. Uppgifterna nedan kontrollerades {time}.',
  'operations.overall_ok_title': 'Allt fungerar',
  'operations.overall_ok_text': 'Säkerhetskopiorna är aktuella och alla kontroller har gått igenom.',
  'operations.overall_pending_title': 'De första säkerhetskopiorna körs',
  'operations.overall_pending_text.one':
    '1 kontroll väntar på sin första körning. En ny installation kör sina första säkerhetskopior och kontroller direkt efter första starten, på några minuter. Du behöver inte göra något; sidan uppdateras av sig själv.',
  'operations.overall_pending_text.other':
    '{count} kontroller väntar på sin första körning. En ny installation kör sina första säkerhetskopior och kontroller direkt efter första starten, på några minuter. Du behöver inte göra något; sidan uppdateras av sig själv.',
  'operations.overall_failing_title': 'Något behöver åtgärdas',
  'operations.overall_failing_text.one': '1 kontroll har inte gått igenom. Den står först nedan, med vad den betyder och vad du kan göra.',
  'operations.overall_failing_text.other': '{count} kontroller har inte gått igenom. De står först nedan, med vad de betyder och vad du kan göra.',
  'operations.external_database':
    'Databasen körs hos en extern leverantör (DATABASE_URL). Leverantören sköter fysiska säkerhetskopior och återställning till en tidpunkt; Kvarter tar den dagliga logiska säkerhetskopian.',

  'operations.status.ok': 'OK',
  'operations.status.pending': 'Väntar',
  'operations.status.failing': 'Fel',
  'operations.status.running': 'Pågår',
  'operations.status.none': 'Har inte körts',

  'operations.checks_title': 'Kontroller',
  'operations.check_evidence': 'Underlag från',
  'operations.check_no_evidence': 'Inget underlag ännu',
  'operations.check_pending': 'Väntar på sin första körning, som startar av sig själv strax efter första starten.',
  'operations.check_meaning': 'Vad det betyder',
  'operations.check_action': 'Vad du kan göra',
  'operations.check.full_backup_fresh': 'Fysisk säkerhetskopia är aktuell',
  'operations.check.full_backup_fresh.meaning':
    'Ingen fysisk säkerhetskopia (full, differentiell eller inkrementell) har lyckats de senaste 26 timmarna, eller ingen full säkerhetskopia de senaste {fullDays} dagarna. En återställning måste då spela upp mer logg än tänkt, och gamla säkerhetskopior kan inte rensas.',
  'operations.check.full_backup_fresh.action':
    'Läs felmeddelandet för den senaste säkerhetskopian nedan. Kontrollera diskutrymme och åtkomst till förrådet, och ta en full säkerhetskopia direkt med npm run ops -- backup --type full.',
  'operations.check.dump_fresh': 'Logisk säkerhetskopia är aktuell',
  'operations.check.dump_fresh.meaning':
    'Ingen logisk säkerhetskopia (pg_dump) har lyckats de senaste 26 timmarna. Den dagliga dumpen är en oberoende kopia om de fysiska säkerhetskopiorna inte skulle gå att använda.',
  'operations.check.dump_fresh.action':
    'Läs felmeddelandet för den senaste dumpen nedan. Kontrollera lagringsplatsen (S3-inställningar eller diskutrymme) och kör npm run ops -- dump.',
  'operations.check.archiving_working': 'WAL-arkiveringen fungerar',
  'operations.check.archiving_working.meaning':
    'PostgreSQL misslyckas med att arkivera transaktionsloggen (WAL) till förrådet. Ändringar efter den senaste säkerhetskopian går då inte att återställa, och servern kan fylla disken med loggfiler.',
  'operations.check.archiving_working.action':
    'Leta efter fel från pgbackrest archive-push i PostgreSQL:s logg (behörigheter, diskutrymme, S3-åtkomst, krypteringslösenord). Kör npm run ops -- status för detaljer.',
  'operations.check.archiving_not_lagging': 'WAL-arkiveringen ligger inte efter',
  'operations.check.archiving_not_lagging.meaning':
    'Transaktionslogg har väntat mer än 5 minuter på att arkiveras. Ändringar som gjorts sedan dess går förlorade om servern går sönder.',
  'operations.check.archiving_not_lagging.action':
    'Kontrollera att förrådet går att nå och att arkiveringen inte står still (PostgreSQL:s logg). Går arkiveringen långsamt, kontrollera nätverket till förrådet.',
  'operations.check.drill_passed': 'Återställningsövningen lyckades',
  'operations.check.drill_passed.meaning':
    'Den senaste återställningsövningen misslyckades, eller ingen övning har gjorts de senaste 26 timmarna. Övningen visar att säkerhetskopiorna faktiskt går att återställa.',
  'operations.check.drill_passed.action':
    'Läs felmeddelandet för den senaste övningen nedan och kör en ny med npm run ops -- drill. Misslyckas den igen, ta en ny full säkerhetskopia.',
  'operations.check.verify_passed': 'Förrådet är felfritt',
  'operations.check.verify_passed.meaning':
    'Den senaste integritetskontrollen av förrådet hittade fel eller kunde inte göras, eller ingen kontroll har gjorts de senaste 26 timmarna. Skadade filer kan göra en återställning omöjlig.',
  'operations.check.verify_passed.action':
    'Läs meddelandet för den senaste kontrollen nedan och kör npm run ops -- verify. Hittas skadade filer, ta en ny full säkerhetskopia.',
  'operations.check.recovery_window_covered': 'Återställningsfönstret räcker',
  'operations.check.recovery_window_covered.meaning':
    'Det går inte att återställa till varje tidpunkt under de senaste {days} dagarna: den äldsta återställningspunkten är för ny, eller förrådets innehåll har inte lästs av det senaste dygnet.',
  'operations.check.recovery_window_covered.action':
    'Kontrollera att fulla säkerhetskopior tas varje dag och att PITR_WINDOW_DAYS stämmer. Kör npm run ops -- status för att läsa av förrådet på nytt.',
  'operations.check.replicas_present': 'Alla databasrepliker är anslutna',
  'operations.check.replicas_present.meaning':
    'Databasens ledare har färre repliker anslutna än klustret ska ha. Utan repliken kan ytterligare en förlorad nod stoppa tjänsten eller lämna ingen kopia att byta till.',
  'operations.check.replicas_present.action':
    'Kör npm run ops -- ha status på servern för att se vilken nod som saknas, läs dess Patroni-logg och starta den igen. Den ansluter som replik av sig själv.',
  'operations.check.replicas_not_lagging': 'Replikerna hänger med',
  'operations.check.replicas_not_lagging.meaning':
    'En replik strömmar inte från ledaren eller har mer än 16 MiB transaktionslogg kvar att spela upp. Ett byte till den skulle behöva vänta på det, eller nekas.',
  'operations.check.replicas_not_lagging.action':
    'Kontrollera replikens disk, belastning och nätverk till ledaren, och dess PostgreSQL-logg. En replik som just har startat kommer ikapp av sig själv inom några minuter.',
  'operations.check.synchronous_replica': 'En replik är synkron',
  'operations.check.synchronous_replica.meaning':
    'Ingen replik bekräftar skrivningar innan de kvitteras. Faller ledaren bort nu kan de senast kvitterade ändringarna gå förlorade med den.',
  'operations.check.synchronous_replica.action':
    'Starta de repliker som saknas (npm run ops -- ha status visar vilka); Patroni gör en av dem synkron av sig själv så snart den strömmar.',

  'operations.window_title': 'Återställningsfönster',
  'operations.window.oldest': 'Äldsta återställningspunkt',
  'operations.window.newest': 'Senaste återställningspunkt',
  'operations.window.target': 'Mål',
  'operations.window.target_value': 'Varje tidpunkt de senaste {days} dagarna',
  'operations.window.repository': 'Förråd',
  'operations.repository.posix': 'Lokal katalog',
  'operations.repository.s3': 'S3-kompatibel lagring',

  'operations.runs_title': 'Säkerhetskopior och övningar',
  'operations.column.job': 'Jobb',
  'operations.column.status': 'Status',
  'operations.column.last_run': 'Senaste körning',
  'operations.column.details': 'Detaljer',
  'operations.run.full': 'Full säkerhetskopia',
  'operations.run.diff': 'Differentiell säkerhetskopia',
  'operations.run.dump': 'Logisk säkerhetskopia (pg_dump)',
  'operations.run.drill': 'Återställningsövning',
  'operations.run.verify': 'Integritetskontroll av förrådet',
  'operations.run.check': 'Kontroll av arkiveringen',
  'operations.outcome.running': 'Startade',
  'operations.outcome.succeeded': 'Lyckades',
  'operations.outcome.failed': 'Misslyckades',
  'operations.size': 'Storlek: {size}',
  'operations.show_message': 'Visa hela meddelandet',

  'operations.archiver_title': 'WAL-arkivering',
  'operations.archiver.last_archived': 'Senast arkiverat',
  'operations.archiver.failures': 'Misslyckade försök',
  'operations.archiver.failures_value': '{count} sedan statistiken nollställdes',
  'operations.archiver.last_failed': 'Senaste misslyckande',
  'operations.archiver.waiting': 'Väntande logg',
  'operations.archiver.waiting_none': 'Inget väntar',
  'operations.archiver.waiting_value': 'Har väntat i upp till {duration}',
  'operations.archiver.waiting_unknown': 'Okänt, inget har arkiverats ännu',
  'operations.cluster_title': 'Databaskluster',
  'operations.cluster.leader': 'Ledare',
  'operations.cluster.replicas': 'Repliker',
  'operations.cluster.replicas_value': '{count} av {expected} anslutna',
  'operations.cluster.column.replica': 'Replik',
  'operations.cluster.column.replication': 'Replikering',
  'operations.cluster.column.lag': 'Eftersläpning',
  'operations.cluster.state.streaming': 'Strömmar',
  'operations.cluster.state.catchup': 'Kommer ikapp',
  'operations.cluster.state.startup': 'Startar',
  'operations.cluster.state.stopping': 'Stannar',
  'operations.cluster.synchronous': 'Synkron',
  'operations.cluster.asynchronous': 'Asynkron',
  'operations.cluster.lag_unknown': 'Okänd',
  'operations.cluster.missing.one': '1 replik saknas',
  'operations.cluster.missing.other': '{count} repliker saknas',
  'operations.never': 'Aldrig',
  'operations.none_yet': 'Ingen ännu',

  'role.viewer': 'Läsa och kommentera',
  'role.editor': 'Arbeta',
  'role.admin': 'Administrera',

  // The API client's errors in words (web/lib/api/api-error.messages.ts).
  ...apiErrorMessages.sv,

  // Each feature's own messages (web/features/<noun>/<noun>.messages.ts).
  ...organisationsMessages.sv,
  ...accountsMessages.sv,
  ...propertiesMessages.sv,
  ...propertyPartsMessages.sv,
  ...plansMessages.sv,
  ...planViewsMessages.sv,
  ...actionsMessages.sv,
  ...historyMessages.sv,
  ...analysisMessages.sv,
  ...commentsMessages.sv,
  ...attachmentsMessages.sv,
  ...spreadsheetsMessages.sv,
  ...reportsMessages.sv,
  ...shareLinksMessages.sv,
  ...twoFactorMessages.sv,
  ...passkeysMessages.sv,
  ...changeSetsMessages.sv,
  ...versionsMessages.sv,
  ...trashMessages.sv,
  ...libraryMessages.sv,
  ...librarySuggestionsMessages.sv,
  ...repriceMessages.sv,
  ...generateMessages.sv,
  ...customersMessages.sv,
  ...memberAccessMessages.sv,
  ...movesMessages.sv,
  ...portfolioMessages.sv,
  ...brandingMessages.sv,
} satisfies Record<string, string>;
