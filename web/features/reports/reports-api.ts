import type { Language } from '../../../shared/i18n/language.ts';
import { ApiError, readApiError } from '../../lib/api/api-error.ts';
import { buildRequestHeaders } from '../../lib/api/request-headers.ts';
import type { VatChoice } from '../../lib/display-preferences.ts';

export interface ReportOptions {
  vat: VatChoice;
  language: Language;
  isRounded: boolean;
}

/** GET /api/plans/:id/report.pdf with the reader's choices (the server's defaults are excl, sv, exact). */
export function reportPath(planId: string, options: ReportOptions): string {
  const query = new URLSearchParams({ vat: options.vat, lang: options.language, rounded: String(options.isRounded) });
  return `/api/plans/${encodeURIComponent(planId)}/report.pdf?${query.toString()}`;
}

/**
 * The report as a file: fetched rather than linked, so the page can show that a large plan's report
 * is being made and say why when it fails (a link would leave a blank tab or nothing at all).
 */
export async function fetchReport(planId: string, options: ReportOptions, uiLanguage: Language): Promise<{ blob: Blob; fileName: string | null }> {
  let response: Response;
  try {
    response = await fetch(reportPath(planId, options), {
      credentials: 'same-origin',
      headers: {
        ...buildRequestHeaders({ method: 'GET', language: uiLanguage, csrfToken: null, hasBody: false }),
        accept: 'application/pdf, application/json',
      },
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network' });
  }
  if (!response.ok) throw await readApiError(response);
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
}

/** The UTF-8 `filename*` of a Content-Disposition header (RFC 6266), else its plain `filename`. */
export function fileNameOf(disposition: string | null): string | null {
  if (disposition === null) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded !== undefined) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // A malformed encoding falls back to the plain name.
    }
  }
  return /filename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
}
