import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Alert } from '../../components/ui/alert.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';

/** What a finished move tells the page it lands on (as navigation state). */
export interface MovedState {
  moved: { name: string; target: string; url: string; at: number };
}

/** Where a move sends the user afterwards: the page of the account it left, with the notice. */
export function movedState(name: string, target: string, url: string): MovedState {
  return { moved: { name, target, url, at: Date.now() } };
}

/**
 * Says where the moved property or organisation went, with a link there: nothing moves silently.
 * It takes focus, as the button that started the move is gone, and is shown once (a reload or a
 * way back does not announce it again).
 */
export function MoveNotice() {
  const { t } = useTranslation();
  const sent = (useLocation().state as Partial<MovedState> | null)?.moved;
  const [notice, setNotice] = useState(sent);
  const navigate = useNavigate();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (sent === undefined) return;
    setNotice(sent);
    void navigate('.', { replace: true, state: null });
  }, [sent, navigate]);
  useEffect(() => {
    if (notice) element.current?.focus();
  }, [notice]);

  if (!notice) return null;
  return (
    <div className="announcement" ref={element} tabIndex={-1} key={notice.at}>
      <Alert tone="success">
        <p>{t('moves.moved', { name: notice.name, target: notice.target })}</p>
        <p>
          <Link to={notice.url}>{t('moves.open_there')}</Link>
        </p>
      </Alert>
    </div>
  );
}
