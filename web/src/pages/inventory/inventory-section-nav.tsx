import { Link, useLocation } from '../../router/router.js';

const LINKS = [
  { to: '/systems', label: 'AI systems' },
  { to: '/models', label: 'Models' },
  { to: '/datasets', label: 'Datasets' },
  { to: '/suppliers', label: 'Suppliers' },
];

/** The inventory's pages link to each other: systems, models, datasets and suppliers. */
export function InventorySectionNav() {
  const { path } = useLocation();
  return (
    <nav className="inventory-nav" aria-label="Inventory pages">
      <ul>
        {LINKS.map((link) => (
          <li key={link.to}>
            <Link to={link.to} className="inventory-nav__link" aria-current={path === link.to ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
