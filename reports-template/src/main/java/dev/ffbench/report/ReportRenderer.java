package dev.ffbench.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders report pages from the class-path templates in {@code dev/ffbench/report/templates/}.
 *
 * <p>The {@link TemplateEngine} is built once and shared: it is thread-safe and caches parsed
 * templates.
 */
public final class ReportRenderer {

    static final String TEMPLATE_PREFIX = "dev/ffbench/report/templates/";
    static final String PLACEHOLDER_TEMPLATE = "placeholder";
    static final String REPORT_TEMPLATE = "report";

    private static final TemplateEngine ENGINE = createEngine();

    private static TemplateEngine createEngine() {
        ClassLoaderTemplateResolver resolver =
                new ClassLoaderTemplateResolver(ReportRenderer.class.getClassLoader());
        resolver.setPrefix(TEMPLATE_PREFIX);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /**
     * Renders the placeholder page: a title and a list of lines, all text escaped.
     *
     * @param title the page title and heading
     * @param lines the lines shown in order
     * @return the complete HTML document
     */
    public String render(String title, List<String> lines) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(lines, "lines");
        Context context = new Context();
        context.setVariable("title", title);
        context.setVariable("lines", List.copyOf(lines));
        return ENGINE.process(PLACEHOLDER_TEMPLATE, context);
    }

    /** Renders the full benchmark report from its view model (every value escaped by the template). */
    public String renderReport(ReportModel model) {
        return renderReport(model, null, null);
    }

    /**
     * Renders the full benchmark report with its comparison with the baseline and its trends over
     * the history; either may be null, and its section is then left out.
     */
    public String renderReport(ReportModel model, ComparisonView comparison, HistoryView history) {
        Objects.requireNonNull(model, "model");
        Context context = new Context(java.util.Locale.ROOT);
        context.setVariable("m", model);
        context.setVariable("c", comparison);
        context.setVariable("h", history);
        return ENGINE.process(REPORT_TEMPLATE, context);
    }
}
