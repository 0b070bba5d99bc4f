import type { ImpactAssessmentOutput } from '../../../../src/contracts/impact.contracts.js';
import type { AssessmentSection } from '../../../../src/domain/impact/impact-assessment.js';
import { StatusBadge } from '../../components/status-badge.js';
import { SECTION_TITLE } from './impact-labels.js';

type Completeness = ImpactAssessmentOutput['completeness'][number];

/** A section's completeness as the server judged the saved content. */
export function SectionBadge({ entry, notRequired }: { entry: Completeness | undefined; notRequired?: boolean }) {
  if (notRequired) return <StatusBadge tone="neutral">Not required</StatusBadge>;
  if (!entry) return null;
  return entry.complete ? <StatusBadge tone="ok">Complete</StatusBadge> : <StatusBadge tone="warn">Incomplete</StatusBadge>;
}

/** Every section with its completeness, linking to it: the assessment's table of contents. */
export function SectionOverview({ assessment, sections }: { assessment: ImpactAssessmentOutput; sections: readonly AssessmentSection[] }) {
  const done = assessment.completeness.filter((c) => c.complete).length;
  return (
    <nav className="panel section-overview" aria-labelledby="sections-title">
      <h2 id="sections-title" className="panel__title">
        Sections <span className="muted section-overview__count">({done} of {assessment.completeness.length} complete as saved)</span>
      </h2>
      <ol className="section-overview__list">
        {sections.map((section) => {
          const entry = assessment.completeness.find((c) => c.section === section);
          return (
            <li key={section}>
              <a href={`#section-${section}`}>{SECTION_TITLE[section]}</a> <SectionBadge entry={entry} notRequired={section === 'fundamentalRights' && !assessment.fundamentalRightsRequired && assessment.content.fundamentalRights === null} />
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
