import { useEffect, useState } from 'react';

/**
 * The otpauth URI as a QR code image. `qrcode` is loaded only here, when someone sets TOTP up, so
 * it stays out of every other screen's download; a data: URL image is what the CSP allows.
 */
export function TotpQrCode({ uri, label }: { uri: string; label: string }) {
  const [source, setSource] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void import('qrcode').then(async ({ toDataURL }) => {
      const url = await toDataURL(uri, { margin: 1, width: 200, errorCorrectionLevel: 'M' });
      if (isCurrent) setSource(url);
    });
    return () => {
      isCurrent = false;
    };
  }, [uri]);
  return source ? <img className="two-factor__qr" src={source} alt={label} width={200} height={200} /> : <div className="two-factor__qr" />;
}
