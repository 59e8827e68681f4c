import { SelectField } from '../components/ui/select-field.tsx';
import { isLanguage } from '../lib/i18n/language-store.ts';
import { useTranslation } from '../lib/i18n/use-translation.ts';

/** Each language is named in itself, so a reader of either can find their own. */
const languageOptions = [
  { value: 'sv', label: 'Svenska', lang: 'sv' },
  { value: 'en', label: 'English', lang: 'en' },
];

export function LanguageSwitch() {
  const { t, language, setLanguage } = useTranslation();
  return (
    <SelectField
      className="language-switch"
      label={t('language.label')}
      isLabelHidden
      options={languageOptions}
      value={language}
      onChange={(event) => {
        if (isLanguage(event.target.value)) setLanguage(event.target.value);
      }}
    />
  );
}
