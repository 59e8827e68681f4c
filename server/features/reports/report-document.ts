import { setImmediate as nextTurn } from 'node:timers/promises';
import { ReportCanvas } from './report-canvas.ts';
import { buildReportBlocks, type ReportFigures, type ReportSettings } from './report-content.ts';
import { formatReportAmount } from './report-format.ts';
import { contentWidth, layOutPages } from './report-layout.ts';
import { reportName } from './report-name.ts';
import { drawPage } from './report-pages.ts';
import type { ReportData } from './report-data.ts';
import { fillText, reportTextsOf } from './report-texts.ts';

/**
 * The board report as a PDF stream. The pages are laid out first (so every footer knows the page
 * count), then drawn a few at a time, each page's bytes leaving as soon as the next one starts;
 * a failure half-way destroys the stream, so a client never keeps a truncated file as complete.
 */
export function createReportDocument(data: ReportData, figures: ReportFigures, settings: ReportSettings): PDFKit.PDFDocument {
  const texts = reportTextsOf(settings.language);
  const canvas = new ReportCanvas({
    title: reportName(texts.documentTitle, data.plan.name, data.property.name),
    subject: `${texts.reportSubject}: ${data.property.name}`,
    language: settings.language === 'sv' ? 'sv-SE' : 'en-GB',
  });
  const wrap = (text: string) => canvas.wrap(text, contentWidth, 'regular', 8.5);
  const pages = layOutPages(buildReportBlocks(data, figures, settings, texts, wrap), canvas);
  const formatAxisAmount = (amountSek: number) => formatReportAmount(amountSek, settings.language, false);
  const footerLeft = `${data.property.name} · ${data.plan.name}`;

  void (async () => {
    try {
      for (const [index, page] of pages.entries()) {
        drawPage(canvas, page, { left: footerLeft, right: fillText(texts.page, { page: index + 1, pages: pages.length }) }, formatAxisAmount);
        // One page (tens of milliseconds) per turn of the event loop: a 300-page report must not stall other requests.
        await nextTurn();
        if (canvas.doc.destroyed) return;
      }
      canvas.doc.end();
    } catch (error) {
      canvas.doc.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return canvas.doc;
}
