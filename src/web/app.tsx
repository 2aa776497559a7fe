import { lazy, Suspense } from 'react';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router-dom';
import { I18nProvider } from './shared/i18n/i18n-context.tsx';
import { PageLoading } from './shared/layout/page-loading.tsx';
import { NotFoundPage } from './shared/layout/not-found-page.tsx';
import { HomeRedirect } from './identity/components/home-redirect.tsx';
import { RequireAccess, RequireSession } from './identity/components/require-session.tsx';
import { SessionProvider } from './identity/components/session-provider.tsx';
import { SignedInLayout } from './identity/components/signed-in-layout.tsx';

// One chunk per page: a contestant on a phone never downloads the admin tables.
const SignInPage = lazy(() => import('./identity/pages/sign-in-page.tsx').then((m) => ({ default: m.SignInPage })));
const SetupPage = lazy(() => import('./identity/pages/setup-page.tsx').then((m) => ({ default: m.SetupPage })));
const ForcedPasswordPage = lazy(() => import('./identity/pages/forced-password-page.tsx').then((m) => ({ default: m.ForcedPasswordPage })));
const AccountPasswordPage = lazy(() => import('./identity/pages/account-password-page.tsx').then((m) => ({ default: m.AccountPasswordPage })));
const AdminHomePage = lazy(() => import('./identity/pages/admin-home-page.tsx').then((m) => ({ default: m.AdminHomePage })));
const OrganisationsPage = lazy(() => import('./identity/pages/organisations-page.tsx').then((m) => ({ default: m.OrganisationsPage })));
const PeoplePage = lazy(() => import('./identity/pages/people-page.tsx').then((m) => ({ default: m.PeoplePage })));
const ImportPage = lazy(() => import('./identity/pages/import-page.tsx').then((m) => ({ default: m.ImportPage })));
const ContestantHomePage = lazy(() => import('./identity/pages/contestant-home-page.tsx').then((m) => ({ default: m.ContestantHomePage })));
const BankListPage = lazy(() => import('./bank/pages/bank-list-page.tsx').then((m) => ({ default: m.BankListPage })));
const BankBrowserPage = lazy(() => import('./bank/pages/bank-browser-page.tsx').then((m) => ({ default: m.BankBrowserPage })));
const QuestionEditorPage = lazy(() => import('./bank/pages/question-editor-page.tsx').then((m) => ({ default: m.QuestionEditorPage })));
const QuestionImportPage = lazy(() => import('./bank/pages/question-import-page.tsx').then((m) => ({ default: m.QuestionImportPage })));
const AssemblyPage = lazy(() => import('./bank/pages/assembly-page.tsx').then((m) => ({ default: m.AssemblyPage })));
const BlueprintEditorPage = lazy(() => import('./bank/pages/blueprint-editor-page.tsx').then((m) => ({ default: m.BlueprintEditorPage })));
const PaperSetPage = lazy(() => import('./bank/pages/paper-set-page.tsx').then((m) => ({ default: m.PaperSetPage })));
const PaperPage = lazy(() => import('./bank/pages/paper-page.tsx').then((m) => ({ default: m.PaperPage })));
const JudgePhonePage = lazy(() => import('./judging/pages/judge-phone-page.tsx').then((m) => ({ default: m.JudgePhonePage })));
const RedeemPage = lazy(() => import('./judging/pages/redeem-page.tsx').then((m) => ({ default: m.RedeemPage })));
const JudgingHomePage = lazy(() => import('./judging/pages/judging-home-page.tsx').then((m) => ({ default: m.JudgingHomePage })));
const PanelBoardPage = lazy(() => import('./judging/pages/panel-board-page.tsx').then((m) => ({ default: m.PanelBoardPage })));
const RevealControlPage = lazy(() => import('./judging/pages/reveal-control-page.tsx').then((m) => ({ default: m.RevealControlPage })));
const ScreenPage = lazy(() => import('./judging/pages/screen-page.tsx').then((m) => ({ default: m.ScreenPage })));
const ContestListPage = lazy(() => import('./contests/pages/contest-list-page.tsx').then((m) => ({ default: m.ContestListPage })));
const ContestOverviewPage = lazy(() => import('./contests/pages/contest-overview-page.tsx').then((m) => ({ default: m.ContestOverviewPage })));
const ContestBuilderPage = lazy(() => import('./contests/pages/contest-builder-page.tsx').then((m) => ({ default: m.ContestBuilderPage })));
const RegisterPage = lazy(() => import('./contests/pages/register-page.tsx').then((m) => ({ default: m.RegisterPage })));
const ScreeningPage = lazy(() => import('./contests/pages/screening-page.tsx').then((m) => ({ default: m.ScreeningPage })));
const StandingsPage = lazy(() => import('./contests/pages/standings-page.tsx').then((m) => ({ default: m.StandingsPage })));
const BracketPage = lazy(() => import('./contests/pages/bracket-page.tsx').then((m) => ({ default: m.BracketPage })));
const FunnelPage = lazy(() => import('./contests/pages/funnel-page.tsx').then((m) => ({ default: m.FunnelPage })));
const VenuesPage = lazy(() => import('./contests/pages/venues-page.tsx').then((m) => ({ default: m.VenuesPage })));
const AwardsPage = lazy(() => import('./contests/pages/awards-page.tsx').then((m) => ({ default: m.AwardsPage })));
const PublicResultsPage = lazy(() => import('./contests/pages/public-results-page.tsx').then((m) => ({ default: m.PublicResultsPage })));
const HonourRollPage = lazy(() => import('./contests/pages/honour-roll-page.tsx').then((m) => ({ default: m.HonourRollPage })));
const ArenaListPage = lazy(() => import('./arena/pages/arena-list-page.tsx').then((m) => ({ default: m.ArenaListPage })));
const HostConsolePage = lazy(() => import('./arena/pages/host-console-page.tsx').then((m) => ({ default: m.HostConsolePage })));
const ArenaReplayPage = lazy(() => import('./arena/pages/replay-page.tsx').then((m) => ({ default: m.ReplayPage })));
const ArenaPlayPage = lazy(() => import('./arena/pages/play-page.tsx').then((m) => ({ default: m.PlayPage })));
const ArenaJoinPage = lazy(() => import('./arena/pages/join-page.tsx').then((m) => ({ default: m.JoinPage })));
const ArenaScreenPage = lazy(() => import('./arena/pages/screen-page.tsx').then((m) => ({ default: m.ScreenPage })));
const ArenaRoundSetupPage = lazy(() => import('./arena/pages/round-setup-page.tsx').then((m) => ({ default: m.RoundSetupPage })));
const ArenaMyRoundsPage = lazy(() => import('./arena/pages/my-rounds-page.tsx').then((m) => ({ default: m.MyRoundsPage })));
const ExamTakePage = lazy(() => import('./exams/pages/exam-take-page.tsx').then((m) => ({ default: m.ExamTakePage })));
const ExamResultPage = lazy(() => import('./exams/pages/exam-result-page.tsx').then((m) => ({ default: m.ExamResultPage })));
const PracticePage = lazy(() => import('./exams/pages/practice-page.tsx').then((m) => ({ default: m.PracticePage })));
const LevelPage = lazy(() => import('./exams/pages/level-page.tsx').then((m) => ({ default: m.LevelPage })));
const ExamListPage = lazy(() => import('./exams/pages/exam-list-page.tsx').then((m) => ({ default: m.ExamListPage })));
const ExamEditPage = lazy(() => import('./exams/pages/exam-edit-page.tsx').then((m) => ({ default: m.ExamEditPage })));
const ProctorPage = lazy(() => import('./exams/pages/proctor-page.tsx').then((m) => ({ default: m.ProctorPage })));
const MarkingPage = lazy(() => import('./exams/pages/marking-page.tsx').then((m) => ({ default: m.MarkingPage })));
const MockTakePage = lazy(() => import('./exams/pages/mock-take-page.tsx').then((m) => ({ default: m.MockTakePage })));
const MockResultPage = lazy(() => import('./exams/pages/mock-result-page.tsx').then((m) => ({ default: m.MockResultPage })));
const ExamResultsPage = lazy(() => import('./exams/pages/exam-results-page.tsx').then((m) => ({ default: m.ExamResultsPage })));
const WorkspacePage = lazy(() => import('./identity/pages/workspace-page.tsx').then((m) => ({ default: m.WorkspacePage })));

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <Suspense fallback={<PageLoading full />}>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route path="/setup" element={<SetupPage />} />
              <Route path="/arena/join" element={<ArenaJoinPage />} />
              <Route path="/arena/:roundId/screen" element={<ArenaScreenPage />} />
              <Route path="/arena/:roundId/watch" element={<ArenaScreenPage spectator />} />
              <Route path="/arena/:roundId/play" element={<ArenaPlayPage />} />
              <Route path="/results/:contestId" element={<PublicResultsPage />} />
              <Route path="/honour-roll" element={<HonourRollPage />} />
              <Route path="/judge/join" element={<RedeemPage />} />
              <Route path="/screen/:token" element={<ScreenPage />} />
              <Route
                path="/judging/panels/:panelId/reveal"
                element={
                  <RequireSession>
                    <RequireAccess allow={(a) => a.canManageJudging}>
                      <RevealControlPage />
                    </RequireAccess>
                  </RequireSession>
                }
              />
              <Route
                path="/me/exams/:examId"
                element={
                  <RequireSession>
                    <RequireAccess allow={(a) => a.isContestant}>
                      <ExamTakePage />
                    </RequireAccess>
                  </RequireSession>
                }
              />
              <Route
                path="/me/practice/mocks/:mockId"
                element={
                  <RequireSession>
                    <RequireAccess allow={(a) => a.isContestant}>
                      <MockTakePage />
                    </RequireAccess>
                  </RequireSession>
                }
              />
              <Route
                path="/change-password"
                element={
                  <RequireSession passwordChangePage>
                    <ForcedPasswordPage />
                  </RequireSession>
                }
              />
              <Route
                element={
                  <RequireSession>
                    <SignedInLayout />
                  </RequireSession>
                }
              >
                <Route index element={<HomeRedirect />} />
                <Route
                  path="admin"
                  element={
                    <RequireAccess allow={(a) => a.canManagePeople}>
                      <Outlet />
                    </RequireAccess>
                  }
                >
                  <Route index element={<AdminHomePage />} />
                  <Route path="organisations" element={<OrganisationsPage />} />
                  <Route path="people" element={<PeoplePage />} />
                  <Route path="people/import" element={<ImportPage />} />
                </Route>
                <Route
                  path="banks"
                  element={
                    <RequireAccess allow={(a) => a.canManageBanks}>
                      <Outlet />
                    </RequireAccess>
                  }
                >
                  <Route index element={<BankListPage />} />
                  <Route path=":bankId" element={<BankBrowserPage />} />
                  <Route path=":bankId/questions/new" element={<QuestionEditorPage key="new" />} />
                  <Route path=":bankId/questions/:questionId" element={<QuestionEditorPage />} />
                  <Route path=":bankId/import" element={<QuestionImportPage />} />
                  <Route path=":bankId/assembly" element={<AssemblyPage />} />
                  <Route path=":bankId/blueprints/new" element={<BlueprintEditorPage key="new" />} />
                  <Route path=":bankId/blueprints/:blueprintId" element={<BlueprintEditorPage />} />
                  <Route path=":bankId/paper-sets/:setId" element={<PaperSetPage />} />
                  <Route path=":bankId/papers/:paperId" element={<PaperPage />} />
                </Route>
                <Route
                  path="contests"
                  element={
                    <RequireAccess allow={(a) => a.canSeeContests}>
                      <Outlet />
                    </RequireAccess>
                  }
                >
                  <Route index element={<ContestListPage />} />
                  <Route path=":contestId" element={<ContestOverviewPage />} />
                  <Route path=":contestId/builder" element={<ContestBuilderPage />} />
                  <Route path=":contestId/register" element={<RegisterPage />} />
                  <Route path=":contestId/screening" element={<ScreeningPage />} />
                  <Route path=":contestId/standings" element={<StandingsPage />} />
                  <Route path=":contestId/bracket" element={<BracketPage />} />
                  <Route path=":contestId/funnel" element={<FunnelPage />} />
                  <Route path=":contestId/venues" element={<VenuesPage />} />
                  <Route path=":contestId/awards" element={<AwardsPage />} />
                </Route>
                <Route
                  path="me"
                  element={
                    <RequireAccess allow={(a) => a.isContestant}>
                      <ContestantHomePage />
                    </RequireAccess>
                  }
                />
                <Route
                  element={
                    <RequireAccess allow={(a) => a.isContestant}>
                      <Outlet />
                    </RequireAccess>
                  }
                >
                  <Route path="me/attempts/:attemptId" element={<ExamResultPage />} />
                  <Route path="me/practice" element={<PracticePage />} />
                  <Route path="me/practice/levels/:levelId" element={<LevelPage />} />
                  <Route path="me/practice/mock-attempts/:attemptId" element={<MockResultPage />} />
                </Route>
                <Route
                  path="exams"
                  element={
                    <RequireAccess allow={(a) => a.canManageExams}>
                      <Outlet />
                    </RequireAccess>
                  }
                >
                  <Route index element={<ExamListPage />} />
                  <Route path="new" element={<ExamEditPage key="new" />} />
                  <Route path=":examId/edit" element={<ExamEditPage />} />
                  <Route path=":examId/proctor" element={<ProctorPage />} />
                  <Route path=":examId/marking" element={<MarkingPage />} />
                  <Route path=":examId/results" element={<ExamResultsPage />} />
                </Route>
                <Route
                  path="judge"
                  element={
                    <RequireAccess allow={(a) => a.canJudge}>
                      <JudgePhonePage />
                    </RequireAccess>
                  }
                />
                <Route
                  path="judging"
                  element={
                    <RequireAccess allow={(a) => a.canManageJudging}>
                      <Outlet />
                    </RequireAccess>
                  }
                >
                  <Route index element={<JudgingHomePage />} />
                  <Route path="panels/:panelId" element={<PanelBoardPage />} />
                </Route>
                <Route
                  path="workspace"
                  element={
                    <RequireAccess allow={(a) => a.hasWorkspace || (!a.canManagePeople && !a.isContestant)}>
                      <WorkspacePage />
                    </RequireAccess>
                  }
                />
                <Route path="arena/mine" element={<ArenaMyRoundsPage />} />
                <Route
                  path="arena"
                  element={
                    <RequireAccess allow={(a) => a.canRunArena}>
                      <Outlet />
                    </RequireAccess>
                  }
                >
                  <Route index element={<ArenaListPage />} />
                  <Route path=":roundId/setup" element={<ArenaRoundSetupPage />} />
                  <Route path=":roundId/host" element={<HostConsolePage />} />
                  <Route path=":roundId/replay" element={<ArenaReplayPage />} />
                </Route>
                <Route path="account/password" element={<AccountPasswordPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </Suspense>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
