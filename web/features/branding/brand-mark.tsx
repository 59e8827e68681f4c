/**
 * An account's logo and display name as its readers meet them. The logo's alternative text is
 * the name, so the name beside it is hidden from screen readers rather than read twice.
 */
export function BrandMark({ displayName, logoUrl }: { displayName: string; logoUrl: string | null }) {
  if (logoUrl === null) return <span className="brand-mark__name">{displayName}</span>;
  return (
    <span className="brand-mark">
      <img className="brand-mark__logo" src={logoUrl} alt={displayName} />
      <span className="brand-mark__name" aria-hidden="true">
        {displayName}
      </span>
    </span>
  );
}
