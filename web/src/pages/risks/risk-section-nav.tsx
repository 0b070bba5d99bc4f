import { Link, useLocation } from '../../router/router.js';

const LINKS = [
  { to: '/risks', label: 'Register' },
  { to: '/risks/heatmap', label: 'Heatmap' },
  { to: '/reviews', label: 'Review queue' },
  { to: '/scoring-method', label: 'Scoring method' },
];

/** The risk pages link to each other: register, heatmap, review queue and the scoring method. */
export function RiskSectionNav() {
  const { path } = useLocation();
  return (
    <nav className="section-nav" aria-label="Risk pages">
      <ul>
        {LINKS.map((link) => (
          <li key={link.to}>
            <Link to={link.to} className="section-nav__link" aria-current={path === link.to ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
