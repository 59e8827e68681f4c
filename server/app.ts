import path from 'node:path';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import { createPasswordHasher } from './auth/password-hashing.ts';
import { defaultLoginThrottle, type LoginThrottleSettings } from './auth/login-throttle.ts';
import type { Deps } from './deps.ts';
import { registerActionRoutes } from './features/actions/actions.routes.ts';
import { registerAnalysisRoutes } from './features/analysis/analysis.routes.ts';
import { registerPortfolioRoutes } from './features/portfolio/portfolio.routes.ts';
import { registerBenchmarkRoutes } from './features/benchmarks/benchmarks.routes.ts';
import { registerAttachmentRoutes } from './features/attachments/attachments.routes.ts';
import { registerAuthRoutes } from './features/auth/auth.routes.ts';
import { registerCategoryRoutes } from './features/categories/categories.routes.ts';
import { registerCommentRoutes } from './features/comments/comments.routes.ts';
import { registerHealthRoutes } from './features/health/health.routes.ts';
import { registerInvitationRoutes } from './features/invitations/invitations.routes.ts';
import { createMailer } from './features/mail/mailer.ts';
import { registerMemberRoutes } from './features/members/members.routes.ts';
import { registerOperationsRoutes } from './features/operations/operations.routes.ts';
import { registerPasswordResetRoutes } from './features/password-reset/password-reset.routes.ts';
import { registerSessionRoutes } from './features/sessions/sessions.routes.ts';
import { registerOrganisationRoutes } from './features/organisations/organisations.routes.ts';
import { registerPlanRoutes } from './features/plans/plans.routes.ts';
import { registerPropertyRoutes } from './features/properties/properties.routes.ts';
import { registerPropertyPartRoutes } from './features/property-parts/property-parts.routes.ts';
import { registerReportRoutes } from './features/reports/reports.routes.ts';
import { registerShareLinkRoutes } from './features/share-links/share-links.routes.ts';
import { registerSpreadsheetRoutes } from './features/spreadsheets/spreadsheets.routes.ts';
import { registerTrashRoutes } from './features/trash/trash.routes.ts';
import { createSecretSealer } from './features/two-factor/secret-sealer.ts';
import { registerTwoFactorRoutes } from './features/two-factor/two-factor.routes.ts';
import { registerCustomerRoutes } from './features/customers/customers.routes.ts';
import { registerLibraryRoutes } from './features/library/library.routes.ts';
import { registerLibrarySpreadsheetRoutes } from './features/library/library-spreadsheets.routes.ts';
import { registerVersionRoutes } from './features/versions/versions.routes.ts';
import { registerPasskeyRoutes } from './features/passkeys/passkeys.routes.ts';
import { registerAccountRoutes } from './features/accounts/accounts.routes.ts';
import { registerBrandingRoutes } from './features/branding/branding.routes.ts';
import { registerHistoryRoutes } from './features/history/history.routes.ts';
import { registerChangeSetRoutes } from './features/change-sets/change-sets.routes.ts';
import { registerMoveRoutes } from './features/moves/moves.routes.ts';
import { AppError } from './http/app-error.ts';
import { registerErrorHandler, sendError } from './http/error-handler.ts';
import { registerHttpsOnly } from './http/https-redirect.ts';
import { serialiseRequestForLog } from './http/log-serialisers.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerSessions } from './http/sessions.ts';
import { tlsServerOptions } from './http/tls-options.ts';
import { registerWebApp } from './http/web-app.ts';
import { createPlanCaches, type PlanCaches } from './plan-snapshot/plan-caches.ts';
import { PlanSnapshots } from './plan-snapshot/plan-snapshots.ts';

export interface AppOptions {
  config: Config;
  db: Db;
  sessionSecret: string;
  /** TLS key and certificate (PEM) when the app itself listens for HTTPS. */
  https?: { key: Buffer | string; cert: Buffer | string };
  logger?: FastifyServerOptions['logger'];
  loginThrottle?: LoginThrottleSettings;
  /** The built web app; defaults to dist/web beside the repository root. */
  webRoot?: string;
  /** The plan snapshot's caches; new, empty ones by default (tests and benchmarks pass their own to look inside). */
  planCaches?: PlanCaches;
}

const maxJsonBodyBytes = 256 * 1024;

/** Builds the Fastify application with every feature listed explicitly. Does not listen. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    https: options.https ? tlsServerOptions(options.https) : null,
    // A hop count is valid at run time (Fastify docs) though its typings omit it.
    trustProxy: options.config.trustProxy as FastifyServerOptions['trustProxy'],
    bodyLimit: maxJsonBodyBytes,
    logger: options.logger ?? false,
    // The framework's per-request lines would print raw URLs; ours (below) mask secrets.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { maxParamLength: 200 },
  }) as unknown as FastifyInstance;

  const deps: Deps = {
    db: options.db,
    config: options.config,
    hasher: createPasswordHasher(options.config.bcryptCost),
    mailer: createMailer(options.db, options.config.smtpUrl, options.config.mailFrom, app.log),
    loginThrottle: options.loginThrottle ?? defaultLoginThrottle,
    log: app.log,
    secretSealer: createSecretSealer(options.sessionSecret),
    planSnapshots: new PlanSnapshots(options.db, options.planCaches ?? createPlanCaches()),
  };

  app.addHook('onResponse', (request, reply, done) => {
    request.log.info({ request: serialiseRequestForLog(request), statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    done();
  });
  // The API speaks JSON only; any other body type is refused with 415 instead of half-parsed.
  app.removeContentTypeParser('text/plain');
  registerErrorHandler(app);
  registerHttpsOnly(app, options.config.publicUrl);
  await registerSecurityHeaders(app);
  await app.register(fastifyRateLimit, { global: false });
  registerHealthRoutes(app, options.db);

  // Sessions and CSRF are scoped to the API (an encapsulated context): static files and the
  // health check neither read nor extend a session, which saves two queries per asset.
  await app.register(async (api) => {
    await registerSessions(api, { db: options.db, secret: options.sessionSecret, idleMs: options.config.sessionIdleMs });
    registerAuthRoutes(api, deps);
    registerPasswordResetRoutes(api, deps);
    registerSessionRoutes(api, deps);
    registerTwoFactorRoutes(api, deps);
    registerPasskeyRoutes(api, deps);
    registerAccountRoutes(api, deps);
    await registerBrandingRoutes(api, deps);
    registerMemberRoutes(api, deps);
    registerInvitationRoutes(api, deps);
    registerOperationsRoutes(api, deps);
    registerCategoryRoutes(api, deps);
    registerOrganisationRoutes(api, deps);
    registerPropertyRoutes(api, deps);
    registerPropertyPartRoutes(api, deps);
    registerPlanRoutes(api, deps);
    registerActionRoutes(api, deps);
    registerAnalysisRoutes(api, deps);
    registerPortfolioRoutes(api, deps);
    registerBenchmarkRoutes(api, deps);
    registerVersionRoutes(api, deps);
    registerLibraryRoutes(api, deps);
    registerCustomerRoutes(api, deps);
    registerReportRoutes(api, deps);
    registerShareLinkRoutes(api, deps);
    registerCommentRoutes(api, deps);
    registerHistoryRoutes(api, deps);
    registerChangeSetRoutes(api, deps);
    registerMoveRoutes(api, deps);
    await registerAttachmentRoutes(api, deps);
    await registerSpreadsheetRoutes(api, deps);
    await registerLibrarySpreadsheetRoutes(api, deps);
    registerTrashRoutes(api, deps);
  });

  const hasWebApp = await registerWebApp(app, options.webRoot ?? path.resolve(import.meta.dirname, '../dist/web'));
  app.setNotFoundHandler((request, reply) => {
    const isPageRequest = request.method === 'GET' && !request.url.startsWith('/api/');
    if (hasWebApp && isPageRequest) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
    return sendError(request, reply, new AppError('not_found', 'Not found'));
  });
  return app;
}
