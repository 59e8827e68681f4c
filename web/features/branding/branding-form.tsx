import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { contrastWithWhite, darkenUntilReadable, minimumContrastWithWhite } from '../../../shared/branding/contrast.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useSaveBranding, type Branding } from './branding-api.ts';
import { brandingFieldErrorsOf, describeBrandingFieldError, type BrandingFieldErrors } from './branding-field-errors.ts';
import { BrandingPreview } from './branding-preview.tsx';
import { checkLogoFile } from './check-logo-file.ts';

const colourPattern = /^#[0-9a-f]{6}$/i;
/** The same limit the server applies to the trimmed name (docs/product/screens.md § Branding page). */
const displayNameMaxLength = 100;

/** The checks the server makes too, so a wrong value is named before anything is sent. */
function findFieldErrors(displayName: string, colour: string): BrandingFieldErrors {
  const errors: BrandingFieldErrors = {};
  const name = displayName.trim();
  if (name.length === 0 || name.length > displayNameMaxLength) errors.displayName = 'branding.display_name_invalid';
  if (!colourPattern.test(colour)) errors.colour = 'branding.colour_invalid';
  else if (contrastWithWhite(colour) < minimumContrastWithWhite) errors.colour = 'branding.colour_low_contrast';
  return errors;
}

/**
 * Name, colour and logo of the account's branding, with the header as it will look. The colour is
 * checked against white text while it is chosen, and a too light one gets a darker suggestion of
 * the same hue. A customer account inheriting its manager's branding starts from the manager's
 * name and colour, without its logo (the logo stays the manager's).
 */
export function BrandingForm({ accountId, branding }: { accountId: string; branding: Branding }) {
  const { t, language } = useTranslation();
  const saveBranding = useSaveBranding(accountId);
  const [displayName, setDisplayName] = useState(branding.displayName);
  const [colour, setColour] = useState(branding.colour);
  const [logo, setLogo] = useState<File | null>(null);
  const [isLogoRemoved, setIsLogoRemoved] = useState(false);
  const [errors, setErrors] = useState<BrandingFieldErrors>({});
  const [focusRequest, setFocusRequest] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const logoInput = useRef<HTMLInputElement>(null);
  const logoPreviewUrl = useObjectUrl(logo);
  const contrastId = useId();

  useEffect(() => {
    if (focusRequest > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const storedLogoUrl = branding.source === 'own' ? branding.logoUrl : null;
  const shownLogoUrl = logoPreviewUrl ?? (isLogoRemoved ? null : storedLogoUrl);
  const isColourValid = colourPattern.test(colour);
  const ratio = isColourValid ? contrastWithWhite(colour) : null;
  const isReadable = ratio !== null && ratio >= minimumContrastWithWhite;
  const suggestion = ratio !== null && !isReadable ? darkenUntilReadable(colour) : null;
  const formattedRatio = ratio === null ? '' : new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 }).format(ratio);
  const errorFor = (field: keyof BrandingFieldErrors) => {
    const code = errors[field];
    return code === undefined ? undefined : describeBrandingFieldError(code, language);
  };

  function showErrors(next: BrandingFieldErrors) {
    setErrors(next);
    setFocusRequest((count) => count + 1);
  }

  function changeColour(next: string) {
    setColour(next);
    if (errors.colour !== undefined) setErrors(({ colour: _colour, ...others }) => others);
  }

  function chooseLogo(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0] ?? null;
    const problem = file && checkLogoFile(file);
    if (problem) {
      event.target.value = '';
      setLogo(null);
      showErrors({ ...errors, logo: problem });
      return;
    }
    setLogo(file);
    setIsLogoRemoved(false);
    setErrors(({ logo: _logo, ...others }) => others);
  }

  function removeLogo() {
    setLogo(null);
    setIsLogoRemoved(true);
    if (logoInput.current) logoInput.current.value = '';
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = findFieldErrors(displayName, colour);
    if (Object.keys(found).length > 0) return showErrors(found);
    setErrors({});
    saveBranding.mutate(
      { displayName: displayName.trim(), colour, logo, removeLogo: isLogoRemoved && logo === null },
      {
        onError: (error) => showErrors(brandingFieldErrorsOf(error)),
        onSuccess: () => {
          setLogo(null);
          setIsLogoRemoved(false);
          if (logoInput.current) logoInput.current.value = '';
        },
      },
    );
  }

  return (
    <form ref={form} className="form branding-form" noValidate onSubmit={submit}>
      {saveBranding.isError && <Alert tone="error">{describeApiError(saveBranding.error, t)}</Alert>}
      {saveBranding.isSuccess && <Alert tone="success">{t('branding.saved')}</Alert>}
      <TextField
        label={t('branding.display_name')}
        name="displayName"
        autoComplete="organization"
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
        error={errorFor('displayName')}
      />

      <div className="branding-form__colour">
        <div className="field">
          <label className="field__label" htmlFor={`${contrastId}-picker`}>
            {t('branding.colour_picker')}
          </label>
          <input
            id={`${contrastId}-picker`}
            className="branding-form__picker"
            type="color"
            value={isColourValid ? colour.toLowerCase() : '#000000'}
            onChange={(event) => changeColour(event.target.value.toUpperCase())}
          />
        </div>
        <TextField
          label={t('branding.colour_text')}
          hint={t('branding.colour_hint')}
          name="colour"
          autoComplete="off"
          spellCheck={false}
          value={colour}
          onChange={(event) => changeColour(event.target.value.trim())}
          error={errorFor('colour')}
        />
      </div>
      <div className="branding-form__contrast" id={contrastId} aria-live="polite">
        {ratio !== null && (
          <p className={isReadable ? 'form__note' : 'field__error'}>
            {t(isReadable ? 'branding.contrast_ok' : 'branding.contrast_low', { ratio: formattedRatio })}
          </p>
        )}
        {suggestion !== null && <Button onClick={() => changeColour(suggestion)}>{t('branding.use_suggestion', { colour: suggestion })}</Button>}
      </div>

      <div className="field">
        <label className="field__label" htmlFor={`${contrastId}-logo`}>
          {t('branding.logo')}
        </label>
        <p className="field__hint" id={`${contrastId}-logo-hint`}>
          {t('branding.logo_hint')}
        </p>
        <input
          ref={logoInput}
          id={`${contrastId}-logo`}
          className="field__input"
          type="file"
          name="logo"
          accept="image/png,image/jpeg"
          aria-invalid={errors.logo === undefined ? undefined : true}
          aria-describedby={errors.logo === undefined ? `${contrastId}-logo-hint` : `${contrastId}-logo-hint ${contrastId}-logo-error`}
          onChange={chooseLogo}
        />
        {errors.logo !== undefined && (
          <p className="field__error" id={`${contrastId}-logo-error`}>
            {errorFor('logo')}
          </p>
        )}
      </div>
      {isLogoRemoved && <p className="form__note">{t('branding.logo_removed_on_save')}</p>}
      {(storedLogoUrl !== null || logo !== null) && !isLogoRemoved && <Button onClick={removeLogo}>{t('branding.logo_remove')}</Button>}
      {isLogoRemoved && <Button onClick={() => setIsLogoRemoved(false)}>{t('branding.logo_keep')}</Button>}

      <BrandingPreview displayName={displayName.trim() || branding.displayName} colour={isReadable ? colour : null} logoUrl={shownLogoUrl} />

      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={saveBranding.isPending}>
          {t('branding.save')}
        </Button>
      </div>
    </form>
  );
}

/** A temporary address for the chosen file's preview, released when the file changes or the form goes. */
function useObjectUrl(file: File | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) return setUrl(null);
    const objectUrl = URL.createObjectURL(file);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file]);
  return url;
}
