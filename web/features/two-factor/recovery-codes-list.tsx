import { useEffect, useMemo, useState } from 'react';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';

/** The ten recovery codes, shown this once, to copy or download as text. */
export function RecoveryCodesList({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [isCopied, setIsCopied] = useState(false);
  const text = `${t('two_factor.recovery_file_heading')}\n\n${codes.join('\n')}\n`;
  const downloadUrl = useMemo(() => URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' })), [text]);
  useEffect(() => () => URL.revokeObjectURL(downloadUrl), [downloadUrl]);

  return (
    <div className="two-factor__recovery">
      <h3>{t('two_factor.recovery_title')}</h3>
      <p>{t('two_factor.recovery_intro')}</p>
      <ul className="two-factor__codes" aria-label={t('two_factor.recovery_list_label')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      {isCopied && <Alert tone="success">{t('two_factor.recovery_copied')}</Alert>}
      <div className="two-factor__actions">
        <Button onClick={() => void navigator.clipboard.writeText(text).then(() => setIsCopied(true))}>{t('two_factor.recovery_copy')}</Button>
        <a className="button button--secondary" href={downloadUrl} download="kvarter-reservkoder.txt">
          {t('two_factor.recovery_download')}
        </a>
        <Button variant="primary" onClick={onDone}>
          {t('two_factor.recovery_done')}
        </Button>
      </div>
    </div>
  );
}
