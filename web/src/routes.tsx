import { useEffect } from 'react';
import { EvidenceDetailPage } from './pages/evidence/evidence-detail-page.js';
import { EvidenceListPage } from './pages/evidence/evidence-list-page.js';
import { HomePage } from './pages/home/home-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { NewOrganizationPage } from './pages/organizations/new-organization-page.js';
import { PeoplePage } from './pages/people/people-page.js';
import { CrosswalkCoveragePage } from './pages/crosswalks/crosswalk-coverage-page.js';
import { CrosswalksPage } from './pages/crosswalks/crosswalks-page.js';
import { ControlDetailPage } from './pages/soa/control-detail-page.js';
import { SoaComparePage } from './pages/soa/soa-compare-page.js';
import { SoaPage } from './pages/soa/soa-page.js';
import { TokensPage } from './pages/tokens/tokens-page.js';
import { TrailPage } from './pages/trail/trail-page.js';
import { AssessmentPage } from './pages/impact/assessment-page.js';
import { AssessmentsPage } from './pages/impact/assessments-page.js';
import { HeatmapPage } from './pages/risks/heatmap-page.js';
import { ReviewsPage } from './pages/risks/reviews-page.js';
import { RiskDetailPage } from './pages/risks/risk-detail-page.js';
import { RisksPage } from './pages/risks/risks-page.js';
import { ScoringMethodPage } from './pages/risks/scoring-method-page.js';
import { matchPath, navigate, useLocation } from './router/router.js';

/** The authenticated pages, by path. */
export function AppRoutes() {
  const { path } = useLocation();
  if (path === '/') return <HomePage />;
  if (path === '/setup' || path === '/login') return <Redirect to="/" />;
  if (path === '/evidence') return <EvidenceListPage />;
  const evidence = matchPath('/evidence/:id', path);
  if (evidence?.id) return <EvidenceDetailPage id={evidence.id} />;
  if (path === '/soa') return <SoaPage />;
  if (path === '/soa/compare') return <SoaComparePage />;
  const control = matchPath('/soa/controls/:controlId', path);
  if (control?.controlId) return <ControlDetailPage key={control.controlId} controlId={control.controlId} />;
  if (path === '/crosswalks') return <CrosswalksPage />;
  const crosswalk = matchPath('/crosswalks/:id', path);
  if (crosswalk?.id) return <CrosswalkCoveragePage key={crosswalk.id} id={crosswalk.id} />;
  if (path === '/risks') return <RisksPage />;
  if (path === '/risks/heatmap') return <HeatmapPage />;
  const risk = matchPath('/risks/:id', path);
  if (risk?.id) return <RiskDetailPage key={risk.id} id={risk.id} />;
  if (path === '/reviews') return <ReviewsPage />;
  if (path === '/scoring-method') return <ScoringMethodPage />;
  if (path === '/impact-assessments') return <AssessmentsPage />;
  const assessment = matchPath('/impact-assessments/:id', path);
  if (assessment?.id) return <AssessmentPage key={assessment.id} id={assessment.id} />;
  if (path === '/trail') return <TrailPage />;
  if (path === '/people') return <PeoplePage />;
  if (path === '/tokens') return <TokensPage />;
  if (path === '/organizations/new') return <NewOrganizationPage />;
  return <NotFoundPage />;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
