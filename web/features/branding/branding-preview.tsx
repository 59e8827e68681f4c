import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { BrandMark } from './brand-mark.tsx';
import { useBrandColour } from './use-brand-colour.ts';

/** The header's bar as it will look once saved; a colour still unreadable is shown as the default. */
export function BrandingPreview({ displayName, colour, logoUrl }: { displayName: string; colour: string | null; logoUrl: string | null }) {
  const { t } = useTranslation();
  const brandColour = useBrandColour(colour);
  return (
    <figure className="branding-preview">
      <figcaption className="field__label">{t('branding.preview')}</figcaption>
      <div ref={brandColour} className={colour === null ? 'branding-preview__bar' : 'branding-preview__bar branded'}>
        <span className="brand">
          <BrandMark displayName={displayName} logoUrl={logoUrl} />
        </span>
      </div>
    </figure>
  );
}
