import { Navigate, Route, Routes, useLocation } from 'react-router'
import { Layout } from './components/Layout'
import { Loading } from './components/govuk'
import { AuditPage } from './pages/AuditPage'
import { BankHolidaysPage } from './pages/BankHolidaysPage'
import { NewReferralPage } from './pages/NewReferralPage'
import { ReferralPage } from './pages/ReferralPage'
import { ReferralsPage } from './pages/ReferralsPage'
import { ChildPage } from './pages/ChildPage'
import { FamiliesPage } from './pages/FamiliesPage'
import { FamilyPage } from './pages/FamilyPage'
import { HomePage } from './pages/HomePage'
import { JobsPage } from './pages/JobsPage'
import { NewFamilyPage } from './pages/NewFamilyPage'
import { NewPersonPage } from './pages/NewPersonPage'
import { PatchesPage } from './pages/PatchesPage'
import { PeoplePage } from './pages/PeoplePage'
import { PersonPage } from './pages/PersonPage'
import { SignInPage } from './pages/SignInPage'
import { CouncilPage, CouncilTeamPage } from './pages/CouncilPage'
import { ProposalPage } from './pages/ProposalPage'
import { InsightPage, InsightRequestPage } from './pages/InsightPage'
import { FiguresPage } from './pages/FiguresPage'
import { DirectoryPage } from './pages/DirectoryPage'
import { CommissioningPage } from './components/Commissioning'
import { InsightSettingsPage } from './pages/InsightSettingsPage'
import { StrategyPage } from './pages/StrategyPage'
import { TaskSettingsPage } from './pages/TaskSettingsPage'
import { ThresholdsPage } from './pages/ThresholdsPage'
import { TasksPage } from './pages/TasksPage'
import { TeamBoardPage } from './pages/TeamBoardPage'
import { TeamDecisionsPage } from './pages/TeamDecisionsPage'
import { TeamPage } from './pages/TeamPage'
import { TeamsPage } from './pages/TeamsPage'
import { hasRole, useMe } from './session'

export function App() {
  const { data: me, isLoading } = useMe()
  const location = useLocation()
  if (isLoading)
    return (
      <Layout me={null}>
        <Loading />
      </Layout>
    )
  if (!me) {
    return (
      <Layout me={null}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="*" element={<Navigate to="/sign-in" replace state={{ from: location.pathname }} />} />
        </Routes>
      </Layout>
    )
  }
  const admin = hasRole(me, 'administrator')
  const cases = hasRole(me, 'practitioner', 'referral_officer')
  return (
    <Layout me={me}>
      <Routes>
        <Route path="/" element={<HomePage me={me} />} />
        <Route path="/sign-in" element={<Navigate to="/" replace />} />
        <Route path="/directory" element={<DirectoryPage />} />
        {cases && (
          <>
            <Route path="/families" element={<FamiliesPage />} />
            <Route path="/families/new" element={<NewFamilyPage />} />
            <Route path="/families/:id" element={<FamilyPage />} />
            <Route path="/children/:id" element={<ChildPage />} />
          </>
        )}
        {hasRole(me, 'practitioner') && (
          <>
            <Route path="/teams/:id/board" element={<TeamBoardPage />} />
            <Route path="/teams/:id/decisions" element={<TeamDecisionsPage />} />
          </>
        )}
        {hasRole(me, 'enabler') && <Route path="/tasks" element={<TasksPage />} />}
        {hasRole(me, 'strategy_member') && <Route path="/strategy" element={<StrategyPage />} />}
        {hasRole(me, 'insight_adviser') && <Route path="/insight" element={<InsightPage />} />}
        {hasRole(me, 'insight_adviser') && <Route path="/insight/commissioning" element={<CommissioningPage />} />}
        {hasRole(me, 'insight_adviser', 'practitioner') && (
          <Route path="/insight/requests/:id" element={<InsightRequestPage />} />
        )}
        {hasRole(me, 'strategy_member', 'practitioner') && <Route path="/proposals/:id" element={<ProposalPage />} />}
        {hasRole(me, 'strategy_member', 'insight_adviser') && (
          <>
            <Route path="/council" element={<CouncilPage />} />
            <Route path="/figures" element={<FiguresPage />} />
            <Route path="/council/teams/:id" element={<CouncilTeamPage />} />
          </>
        )}
        {hasRole(me, 'referral_officer') && (
          <>
            <Route path="/referrals" element={<ReferralsPage />} />
            <Route path="/referrals/new" element={<NewReferralPage />} />
            <Route path="/referrals/:id" element={<ReferralPage />} />
          </>
        )}
        {admin && (
          <>
            <Route path="/admin/bank-holidays" element={<BankHolidaysPage />} />
            <Route path="/admin/task-settings" element={<TaskSettingsPage />} />
            <Route path="/admin/thresholds" element={<ThresholdsPage />} />
            <Route path="/admin/insight-settings" element={<InsightSettingsPage />} />
            <Route path="/admin/people" element={<PeoplePage />} />
            <Route path="/admin/people/new" element={<NewPersonPage />} />
            <Route path="/admin/people/:id" element={<PersonPage />} />
            <Route path="/admin/teams" element={<TeamsPage />} />
            <Route path="/admin/teams/:id" element={<TeamPage />} />
            <Route path="/admin/patches" element={<PatchesPage />} />
            <Route path="/admin/audit" element={<AuditPage />} />
            <Route path="/admin/jobs" element={<JobsPage />} />
          </>
        )}
        <Route
          path="*"
          element={
            <>
              <h1 className="govuk-heading-l">Page not found</h1>
              <p className="govuk-body">There is nothing here, or you do not have access to it.</p>
            </>
          }
        />
      </Routes>
    </Layout>
  )
}
