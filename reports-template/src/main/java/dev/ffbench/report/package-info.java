/**
 * Owns the HTML report: templates, view model, SVG charts.
 *
 * <p>Templates live on the class path under {@code dev/ffbench/report/templates/} and are
 * rendered by {@link dev.ffbench.report.ReportRenderer}. Reports are self-contained: inline CSS
 * and SVG, no network access.
 */
package dev.ffbench.report;
