import { Navigate, Route, Routes } from 'react-router';
import { RequireMembership } from '../features/accounts/require-membership.tsx';
import { ActionPage } from '../routes/action-page.tsx';
import { ForgotPasswordPage } from '../routes/forgot-password-page.tsx';
import { HomePage } from '../routes/home-page.tsx';
import { InvitationPage } from '../routes/invitation-page.tsx';
import { NewActionPage } from '../routes/new-action-page.tsx';
import { NotFoundPage } from '../routes/not-found-page.tsx';
import { PlanByCategoryPage } from '../routes/plan-by-category-page.tsx';
import { PlanByYearPage } from '../routes/plan-by-year-page.tsx';
import { PlanLayout } from '../routes/plan-layout.tsx';
import { PropertyPage } from '../routes/property-page.tsx';
import { ResetPasswordPage } from '../routes/reset-password-page.tsx';
import { SignInPage } from '../routes/sign-in-page.tsx';
import { SignUpPage } from '../routes/sign-up-page.tsx';
import { StartPage } from '../routes/start-page.tsx';
import { AppLayout } from './app-layout.tsx';
import { PublicLayout } from './public-layout.tsx';
import { RequireSession } from './require-session.tsx';
import { lazyPage } from './lazy-page.tsx';

const NewAccountPage = lazyPage(() => import('../routes/new-account-page.tsx').then((module) => module.NewAccountPage));
const SecurityPage = lazyPage(() => import('../routes/security-page.tsx').then((module) => module.SecurityPage));
const EconomicAnalysisPage = lazyPage(() => import('../routes/economic-analysis-page.tsx').then((module) => module.EconomicAnalysisPage));
const FundAnalysisPage = lazyPage(() => import('../routes/fund-analysis-page.tsx').then((module) => module.FundAnalysisPage));
const MembersPage = lazyPage(() => import('../routes/members-page.tsx').then((module) => module.MembersPage));
const CustomersPage = lazyPage(() => import('../routes/customers-page.tsx').then((module) => module.CustomersPage));
const TrashPage = lazyPage(() => import('../routes/trash-page.tsx').then((module) => module.TrashPage));
const OperationsPage = lazyPage(() => import('../routes/operations-page.tsx').then((module) => module.OperationsPage));
const PlanImportPage = lazyPage(() => import('../routes/plan-import-page.tsx').then((module) => module.PlanImportPage));
const PlanSettingsPage = lazyPage(() => import('../routes/plan-settings-page.tsx').then((module) => module.PlanSettingsPage));
const LibraryPage = lazyPage(() => import('../routes/library-page.tsx').then((module) => module.LibraryPage));
const LibraryImportPage = lazyPage(() => import('../routes/library-import-page.tsx').then((module) => module.LibraryImportPage));
const PlanHistoryPage = lazyPage(() => import('../routes/plan-history-page.tsx').then((module) => module.PlanHistoryPage));
const PlanGeneratePage = lazyPage(() => import('../routes/plan-generate-page.tsx').then((module) => module.PlanGeneratePage));
const PlanSharePage = lazyPage(() => import('../routes/plan-share-page.tsx').then((module) => module.PlanSharePage));
const SharePage = lazyPage(() => import('../routes/share-page.tsx').then((module) => module.SharePage));
const PortfolioPage = lazyPage(() => import('../routes/portfolio-page.tsx').then((module) => module.PortfolioPage));
const BrandingPage = lazyPage(() => import('../routes/branding-page.tsx').then((module) => module.BrandingPage));
const PlanVersionsPage = lazyPage(() => import('../routes/plan-versions-page.tsx').then((module) => module.PlanVersionsPage));

/** Every screen and its address. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="signin" element={<SignInPage />} />
        <Route path="signup" element={<SignUpPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="invitations/:token" element={<InvitationPage />} />
        <Route path="share/:token" element={<SharePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      <Route element={<RequireSession />}>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route path="security" element={<SecurityPage />} />
          {/* The address of this page before it held more than the password. */}
          <Route path="password" element={<Navigate to="/security" replace />} />
          <Route path="operations" element={<OperationsPage />} />
          <Route path="accounts/new" element={<NewAccountPage />} />
          <Route path="accounts/:accountId" element={<RequireMembership />}>
            <Route index element={<StartPage />} />
            <Route path="portfolio" element={<PortfolioPage />} />
            <Route path="members" element={<MembersPage />} />
            <Route path="customers" element={<CustomersPage />} />
            <Route path="branding" element={<BrandingPage />} />
            <Route path="trash" element={<TrashPage />} />
            <Route path="library" element={<LibraryPage />} />
            <Route path="library/import" element={<LibraryImportPage />} />
            <Route path="properties/:propertyId" element={<PropertyPage />} />
            <Route path="plans/:planId" element={<PlanLayout />}>
              <Route index element={<PlanByYearPage />} />
              <Route path="categories" element={<PlanByCategoryPage />} />
              <Route path="analysis" element={<EconomicAnalysisPage />} />
              <Route path="fund" element={<FundAnalysisPage />} />
              <Route path="versions" element={<PlanVersionsPage />} />
              <Route path="share" element={<PlanSharePage />} />
              <Route path="settings" element={<PlanSettingsPage />} />
              <Route path="import" element={<PlanImportPage />} />
              <Route path="history" element={<PlanHistoryPage />} />
              <Route path="generate" element={<PlanGeneratePage />} />
            </Route>
            <Route path="plans/:planId/actions/new" element={<NewActionPage />} />
            <Route path="plans/:planId/actions/:actionId" element={<ActionPage />} />
          </Route>
        </Route>
      </Route>
    </Routes>
  );
}
