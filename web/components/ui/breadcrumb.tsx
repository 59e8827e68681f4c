import { Link } from 'react-router';

export interface Crumb {
  label: string;
  /** Omitted for a crumb that only names where the page belongs (an organisation). */
  to?: string;
}

/**
 * Where you are and the way back: the crumbs lead to the current page, which is named last and
 * marked `aria-current`. `label` names the navigation landmark ("Du är här").
 */
export function Breadcrumb({ label, crumbs, current }: { label: string; crumbs: Crumb[]; current: string }) {
  return (
    <nav aria-label={label}>
      <ol className="breadcrumb">
        {crumbs.map((crumb, index) => (
          // Positional keys: a trail never reorders.
          <li key={index}>{crumb.to === undefined ? crumb.label : <Link to={crumb.to}>{crumb.label}</Link>}</li>
        ))}
        <li>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  );
}
