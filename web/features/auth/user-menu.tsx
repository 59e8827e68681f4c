import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../components/ui/button.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useSignOut } from './auth-api.ts';
import { useSession } from './session.ts';

/**
 * A disclosure (button + panel of ordinary links and buttons) rather than an ARIA menu, so Tab
 * works inside it as everywhere else. Escape, a click outside or tabbing away closes it.
 */
export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSession();
  const signOut = useSignOut();
  const [isOpen, setIsOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!isOpen) return;
    function closeOnOutsidePointer(event: PointerEvent) {
      if (event.target instanceof Node && !container.current?.contains(event.target)) setIsOpen(false);
    }
    function closeOnEscape(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setIsOpen(false);
      toggle.current?.focus();
    }
    document.addEventListener('pointerdown', closeOnOutsidePointer);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOnOutsidePointer);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [isOpen]);

  return (
    <div
      className="user-menu"
      ref={container}
      onBlur={(event) => {
        // Tabbing out closes it; a click on the panel's plain text (no new focus target) does not.
        if (event.relatedTarget instanceof Node && !event.currentTarget.contains(event.relatedTarget)) setIsOpen(false);
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="user-menu__toggle"
        aria-expanded={isOpen}
        aria-controls={isOpen ? panelId : undefined}
        onClick={() => setIsOpen((open) => !open)}
      >
        <span className="visually-hidden">{t('user_menu.label')}: </span>
        {user.name}
      </button>
      {isOpen && (
        <div className="user-menu__panel" id={panelId}>
          <p className="user-menu__email">{user.email}</p>
          <Link className="user-menu__item" to="/security" onClick={() => setIsOpen(false)}>
            {t('security.title')}
          </Link>
          <Link className="user-menu__item" to="/accounts/new" onClick={() => setIsOpen(false)}>
            {t('accounts.menu_new')}
          </Link>
          <Button variant="quiet" className="user-menu__item" isPending={signOut.isPending} onClick={() => signOut.mutate()}>
            {t('user_menu.sign_out')}
          </Button>
          {signOut.isError && (
            <p className="field__error" role="alert">
              {describeApiError(signOut.error, t)}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
