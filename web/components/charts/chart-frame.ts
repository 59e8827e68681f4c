/**
 * The drawing area shared by the bar charts, in viewBox units (the SVG scales to its container's
 * width, so these are proportions more than pixels). The left margin holds tick labels of up to
 * about twelve characters ("12 000 000"); the top one the unit and marker labels.
 */
export const barChartFrame = {
  width: 720,
  height: 320,
  left: 88,
  right: 16,
  top: 32,
  bottom: 40,
} as const;

export const plotBottom = barChartFrame.height - barChartFrame.bottom;
export const plotRight = barChartFrame.width - barChartFrame.right;
