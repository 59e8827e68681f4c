import type { ReactNode } from 'react';
import { Explanation } from './explanation.tsx';

interface KeyFigureProps {
  label: string;
  value: string;
  /** How the figure is computed. */
  explanation: ReactNode;
  /** Under the value, e.g. what to do when the figure cannot be computed. */
  note?: ReactNode;
  /** An action on the figure, e.g. "Use this". */
  action?: ReactNode;
}

/** One key figure as a card: its name, its value large, and how it is computed. */
export function KeyFigure({ label, value, explanation, note, action }: KeyFigureProps) {
  return (
    <div className="key-figure">
      <dt className="key-figure__label">{label}</dt>
      <dd className="key-figure__value">{value}</dd>
      {note && <dd className="key-figure__note">{note}</dd>}
      {action && <dd className="key-figure__action">{action}</dd>}
      <dd className="key-figure__explanation">
        <Explanation subject={label}>{explanation}</Explanation>
      </dd>
    </div>
  );
}
