import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { z } from 'zod';
import { contrastWithWhite, darkenUntilReadable, minimumContrastWithWhite } from '../../../shared/branding/contrast.ts';
import { translateValidationMessage } from '../../../shared/i18n/validation-messages.ts';
import { brandingFieldsSchema, brandingLogoContentTypes, type Branding } from '../../../shared/schemas/branding.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import type { useSaveBranding } from './branding-api.ts';
import { BrandingPreview } from './branding-preview.tsx';
import { checkLogoFile, type LogoProblem } from './check-logo-file.ts';

const colourPattern = /^#[0-9a-f]{6}$/i;

/**
 * The API's own fields and its contrast rule, so a wrong value is named before anything is sent;
 * the logo is checked when chosen (checkLogoFile) and `removeLogo` follows from the buttons.
 */
const brandingFormSchema = z.preprocess(
  (values) => {
    const { displayName, colour } = values as Record<string, unknown>;
    return { displayName, colour };
  },
  brandingFieldsSchema
    .omit({ removeLogo: true })
    .refine(({ colour }) => contrastWithWhite(colour) >= minimumContrastWithWhite, { path: ['colour'], error: 'branding.colour_low_contrast' }),
);

/**
 * Name, colour and logo of the account's branding, with the header as it will look. The save
 * belongs to the screen: a saved branding starts a fresh form, and the screen says it was saved. The colour is
 * checked against white text while it is chosen, and a too light one gets a darker suggestion of
 * the same hue. A customer account inheriting its manager's branding starts from the manager's
 * name and colour, without its logo (the logo stays the manager's).
 */
export function BrandingForm({ branding, saveBranding }: { branding: Branding; saveBranding: ReturnType<typeof useSaveBranding> }) {
  const { t, language } = useTranslation();
  const form = useValidatedForm(brandingFormSchema);
  const [displayName, setDisplayName] = useState(branding.displayName);
  const [colour, setColour] = useState(branding.colour);
  const [logo, setLogo] = useState<File | null>(null);
  const [logoProblem, setLogoProblem] = useState<LogoProblem | null>(null);
  const [isLogoRemoved, setIsLogoRemoved] = useState(false);
  const logoInput = useRef<HTMLInputElement>(null);
  const logoPreviewUrl = useObjectUrl(logo);
  const id = useId();

  const storedLogoUrl = branding.source === 'own' ? branding.logoUrl : null;
  const shownLogoUrl = logoPreviewUrl ?? (isLogoRemoved ? null : storedLogoUrl);
  const ratio = colourPattern.test(colour) ? contrastWithWhite(colour) : null;
  const isReadable = ratio !== null && ratio >= minimumContrastWithWhite;
  const suggestion = ratio !== null && !isReadable ? darkenUntilReadable(colour) : null;
  const formattedRatio = ratio === null ? '' : new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 }).format(ratio);
  const logoError = logoProblem === null ? form.errorFor('logo') : translateValidationMessage(logoProblem, language);

  function changeColour(next: string) {
    setColour(next);
    form.clearError('colour');
  }

  function chooseLogo(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0] ?? null;
    const problem = file && checkLogoFile(file);
    form.clearError('logo');
    setLogoProblem(problem);
    if (problem) event.target.value = '';
    setLogo(problem ? null : file);
    if (file && !problem) setIsLogoRemoved(false);
  }

  function forgetChosenLogo() {
    setLogo(null);
    if (logoInput.current) logoInput.current.value = '';
  }

  return (
    <form
      className="form branding-form"
      noValidate
      onSubmit={form.handleSubmit((fields) =>
        saveBranding.mutate(
          { ...fields, logo, removeLogo: isLogoRemoved && logo === null },
          {
            onError: form.showApiError,
            onSuccess: () => {
              forgetChosenLogo();
              setIsLogoRemoved(false);
            },
          },
        ),
      )}
    >
      {saveBranding.isError && <Alert tone="error">{describeApiError(saveBranding.error, t)}</Alert>}
      <TextField
        label={t('branding.display_name')}
        name="displayName"
        autoComplete="organization"
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
        error={form.errorFor('displayName')}
      />

      <div className="branding-form__colour">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-picker`}>
            {t('branding.colour_picker')}
          </label>
          <input
            id={`${id}-picker`}
            className="branding-form__picker"
            type="color"
            value={ratio === null ? '#000000' : colour.toLowerCase()}
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
          error={form.errorFor('colour')}
        />
      </div>
      <div className="branding-form__contrast" aria-live="polite">
        {ratio !== null && (
          <p className={isReadable ? 'form__note' : 'field__error'}>
            {t(isReadable ? 'branding.contrast_ok' : 'branding.contrast_low', { ratio: formattedRatio })}
          </p>
        )}
        {suggestion !== null && <Button onClick={() => changeColour(suggestion)}>{t('branding.use_suggestion', { colour: suggestion })}</Button>}
      </div>

      <div className="field">
        <label className="field__label" htmlFor={`${id}-logo`}>
          {t('branding.logo')}
        </label>
        <p className="field__hint" id={`${id}-logo-hint`}>
          {t('branding.logo_hint')}
        </p>
        <input
          ref={logoInput}
          id={`${id}-logo`}
          className="field__input"
          type="file"
          name="logo"
          accept={brandingLogoContentTypes.join(',')}
          aria-invalid={logoError === undefined ? undefined : true}
          aria-describedby={logoError === undefined ? `${id}-logo-hint` : `${id}-logo-hint ${id}-logo-error`}
          onChange={chooseLogo}
        />
        {logoError !== undefined && (
          <p className="field__error" id={`${id}-logo-error`}>
            {logoError}
          </p>
        )}
      </div>
      {isLogoRemoved ? (
        <>
          <p className="form__note">{t('branding.logo_removed_on_save')}</p>
          <Button onClick={() => setIsLogoRemoved(false)}>{t('branding.logo_keep')}</Button>
        </>
      ) : (
        (storedLogoUrl !== null || logo !== null) && (
          <Button
            onClick={() => {
              forgetChosenLogo();
              setIsLogoRemoved(storedLogoUrl !== null);
            }}
          >
            {t('branding.logo_remove')}
          </Button>
        )
      )}

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
