/**
 * A small rotating ring. Without a label it is decoration (the surrounding button says
 * what is happening); with a label it announces the loading state to screen readers.
 */
export function Spinner({ label }: { label?: string }) {
  if (label === undefined) return <span className="spinner" aria-hidden="true" />;
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
