package dev.ffbench.report;

import java.nio.charset.StandardCharsets;
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
     * Renders the full benchmark report with its comparison with the baseline and its trends over
     * the history; either may be null, and its section is then left out.
     */
    public String render(ReportModel model, ComparisonView comparison, HistoryView history) {
        Objects.requireNonNull(model, "model");
        Context context = new Context(java.util.Locale.ROOT);
        context.setVariable("m", model);
        context.setVariable("c", comparison);
        context.setVariable("h", history);
        return ENGINE.process(REPORT_TEMPLATE, context);
    }
}
