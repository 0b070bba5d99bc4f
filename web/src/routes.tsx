import { Suspense, lazy, useEffect, type ComponentType } from 'react';
import { matchPath, navigate, useLocation } from './router/router.js';

/**
 * Each page is its own chunk, fetched from /assets/ on first visit (a script file: the strict CSP
 * allows no inline script), so the first load carries only the frame and the page asked for.
 */
function page<P>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

const HomePage = page(() => import('./pages/home/home-page.js').then((m) => m.HomePage));
const EvidenceListPage = page(() => import('./pages/evidence/evidence-list-page.js').then((m) => m.EvidenceListPage));
const EvidenceDetailPage = page(() => import('./pages/evidence/evidence-detail-page.js').then((m) => m.EvidenceDetailPage));
const JobsPage = page(() => import('./pages/jobs/jobs-page.js').then((m) => m.JobsPage));
const NotFoundPage = page(() => import('./pages/not-found-page.js').then((m) => m.NotFoundPage));
const NewOrganizationPage = page(() => import('./pages/organizations/new-organization-page.js').then((m) => m.NewOrganizationPage));
const PeoplePage = page(() => import('./pages/people/people-page.js').then((m) => m.PeoplePage));
const CrosswalkCoveragePage = page(() => import('./pages/crosswalks/crosswalk-coverage-page.js').then((m) => m.CrosswalkCoveragePage));
const CrosswalksPage = page(() => import('./pages/crosswalks/crosswalks-page.js').then((m) => m.CrosswalksPage));
const ControlDetailPage = page(() => import('./pages/soa/control-detail-page.js').then((m) => m.ControlDetailPage));
const SoaComparePage = page(() => import('./pages/soa/soa-compare-page.js').then((m) => m.SoaComparePage));
const SoaPage = page(() => import('./pages/soa/soa-page.js').then((m) => m.SoaPage));
const TokensPage = page(() => import('./pages/tokens/tokens-page.js').then((m) => m.TokensPage));
const TrailPage = page(() => import('./pages/trail/trail-page.js').then((m) => m.TrailPage));
const AssessmentPage = page(() => import('./pages/impact/assessment-page.js').then((m) => m.AssessmentPage));
const AssessmentsPage = page(() => import('./pages/impact/assessments-page.js').then((m) => m.AssessmentsPage));
const HeatmapPage = page(() => import('./pages/risks/heatmap-page.js').then((m) => m.HeatmapPage));
const ReviewsPage = page(() => import('./pages/risks/reviews-page.js').then((m) => m.ReviewsPage));
const RiskDetailPage = page(() => import('./pages/risks/risk-detail-page.js').then((m) => m.RiskDetailPage));
const RisksPage = page(() => import('./pages/risks/risks-page.js').then((m) => m.RisksPage));
const ScoringMethodPage = page(() => import('./pages/risks/scoring-method-page.js').then((m) => m.ScoringMethodPage));
const ClassificationWizardPage = page(() => import('./pages/inventory/classification-wizard-page.js').then((m) => m.ClassificationWizardPage));
const DatasetDetailPage = page(() => import('./pages/inventory/dataset-detail-page.js').then((m) => m.DatasetDetailPage));
const DatasetsPage = page(() => import('./pages/inventory/datasets-page.js').then((m) => m.DatasetsPage));
const ModelDetailPage = page(() => import('./pages/inventory/model-detail-page.js').then((m) => m.ModelDetailPage));
const ModelsPage = page(() => import('./pages/inventory/models-page.js').then((m) => m.ModelsPage));
const SupplierDetailPage = page(() => import('./pages/inventory/supplier-detail-page.js').then((m) => m.SupplierDetailPage));
const SuppliersPage = page(() => import('./pages/inventory/suppliers-page.js').then((m) => m.SuppliersPage));
const SystemDetailPage = page(() => import('./pages/inventory/system-detail-page.js').then((m) => m.SystemDetailPage));
const SystemsPage = page(() => import('./pages/inventory/systems-page.js').then((m) => m.SystemsPage));

/** The authenticated pages, by path; each loads its code on first visit. */
export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}

/** Shown while a page's code downloads; the frame moves focus to the page's heading once it arrives. */
function PageLoading() {
  return (
    <p className="muted" role="status" data-page-loading="">
      Loading the page…
    </p>
  );
}

function Page() {
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
  if (path === '/systems') return <SystemsPage />;
  const classify = matchPath('/systems/:id/classify', path);
  if (classify?.id) return <ClassificationWizardPage key={classify.id} systemId={classify.id} />;
  const system = matchPath('/systems/:id', path);
  if (system?.id) return <SystemDetailPage key={system.id} id={system.id} />;
  if (path === '/models') return <ModelsPage />;
  const model = matchPath('/models/:id', path);
  if (model?.id) return <ModelDetailPage key={model.id} id={model.id} />;
  if (path === '/datasets') return <DatasetsPage />;
  const dataset = matchPath('/datasets/:id', path);
  if (dataset?.id) return <DatasetDetailPage key={dataset.id} id={dataset.id} />;
  if (path === '/suppliers') return <SuppliersPage />;
  const supplier = matchPath('/suppliers/:id', path);
  if (supplier?.id) return <SupplierDetailPage key={supplier.id} id={supplier.id} />;
  if (path === '/trail') return <TrailPage />;
  if (path === '/people') return <PeoplePage />;
  if (path === '/tokens') return <TokensPage />;
  if (path === '/jobs') return <JobsPage />;
  if (path === '/organizations/new') return <NewOrganizationPage />;
  return <NotFoundPage />;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
