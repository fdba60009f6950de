import { lazy } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { NotFoundPage } from '../components/not-found-state.tsx';
import { RequireAuth } from '../features/auth/require-auth.tsx';
import { ErrorBoundary } from './error-boundary.tsx';
import { AppLayout } from './shell/app-layout.tsx';

// Each page is its own chunk, loaded on first visit.
const LoginPage = lazy(() => import('../features/auth/login-page.tsx'));
const PasswordPage = lazy(() => import('../features/auth/password-page.tsx'));
const UnitTreePage = lazy(() => import('../features/org/unit-tree-page.tsx'));
const UnitPage = lazy(() => import('../features/org/unit-page.tsx'));
const PeopleListPage = lazy(() => import('../features/people/people-list-page.tsx'));
const ImportPage = lazy(() => import('../features/people/import-page.tsx'));
const PlansPage = lazy(() => import('../features/planning/plans-page.tsx'));
const PlanPage = lazy(() => import('../features/planning/plan-page.tsx'));
const PlanFormPage = lazy(() => import('../features/planning/plan-form-page.tsx'));
const ActivitiesPage = lazy(() => import('../features/planning/activities-page.tsx'));
const ActivityFormPage = lazy(() => import('../features/planning/activity-form-page.tsx'));
const DashboardPage = lazy(() => import('../features/planning/dashboard-page.tsx'));
const ValuesPage = lazy(() => import('../features/planning/values-page.tsx'));
const ReportsPage = lazy(() => import('../features/reporting/reports-page.tsx'));
const ReportPage = lazy(() => import('../features/reporting/report-page.tsx'));
const ProgressPage = lazy(() => import('../features/reporting/progress-page.tsx'));
const ContestsPage = lazy(() => import('../features/contests/contests-page.tsx'));
const ContestPage = lazy(() => import('../features/contests/contest-page.tsx'));
const ContestFormPage = lazy(() => import('../features/contests/contest-form-page.tsx'));
const QuestionBankPage = lazy(() => import('../features/contests/bank-page.tsx'));
// Public, outside the shell: loads none of the admin pages' chunks.
const VerifyCertificatePage = lazy(() => import('../features/certificates/verify-page.tsx'));
const LearnPage = lazy(() => import('../features/courses/learn-page.tsx'));
const CoursesPage = lazy(() => import('../features/courses/courses-page.tsx'));
const CoursePage = lazy(() => import('../features/courses/course-page.tsx'));

/**
 * URLs are Vietnamese: /don-vi (units), /nguoi (people), /nguoi/nhap (import), /tong-quan
 * (targets dashboard), /ke-hoach (plans), /hoat-dong (activities), /so-lieu (indicator values
 * entered by hand), /bao-cao (reports), /khoa-hoc
 * (courses; learners read /hoc/:courseId), /cuoc-thi (contests), /ngan-hang-cau-hoi (question
 * bank). Declarative
 * routes: the app loads its data with TanStack Query, so React Router's data layer (≈ 16 KB gz)
 * would be dead weight.
 */
export function AppRoutes() {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary resetKey={pathname}>
      <Routes>
        <Route path="/dang-nhap" element={<LoginPage />} />
        <Route path="/xac-thuc/:code?" element={<VerifyCertificatePage />} />
        <Route path="/hoc/:courseId" element={<LearnPage />} />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<Navigate to="/don-vi" replace />} />
          <Route path="don-vi" element={<UnitTreePage />} />
          <Route path="don-vi/:id" element={<UnitPage />} />
          <Route path="nguoi" element={<PeopleListPage />} />
          <Route path="nguoi/nhap" element={<ImportPage />} />
          <Route path="tong-quan" element={<DashboardPage />} />
          <Route path="ke-hoach" element={<PlansPage />} />
          <Route path="ke-hoach/moi" element={<PlanFormPage />} />
          <Route path="ke-hoach/:id" element={<PlanPage />} />
          <Route path="ke-hoach/:id/sua" element={<PlanFormPage />} />
          <Route path="hoat-dong" element={<ActivitiesPage />} />
          <Route path="hoat-dong/moi" element={<ActivityFormPage />} />
          <Route path="hoat-dong/:id/sua" element={<ActivityFormPage />} />
          <Route path="so-lieu" element={<ValuesPage />} />
          <Route path="bao-cao" element={<ReportsPage />} />
          <Route path="bao-cao/loai/:id" element={<ProgressPage />} />
          <Route path="bao-cao/:id" element={<ReportPage />} />
          <Route path="khoa-hoc" element={<CoursesPage />} />
          <Route path="khoa-hoc/:id" element={<CoursePage />} />
          <Route path="cuoc-thi" element={<ContestsPage />} />
          <Route path="cuoc-thi/moi" element={<ContestFormPage />} />
          <Route path="cuoc-thi/:id" element={<ContestPage />} />
          <Route path="cuoc-thi/:id/sua" element={<ContestFormPage />} />
          <Route path="ngan-hang-cau-hoi" element={<QuestionBankPage />} />
          <Route path="doi-mat-khau" element={<PasswordPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </ErrorBoundary>
  );
}
