package dev.ffbench.output;

import dev.ffbench.gate.CellWarnings;
import dev.ffbench.gate.GateOutcome;
import dev.ffbench.gate.GateReport;
import dev.ffbench.gate.Verdict;
import dev.ffbench.io.AtomicFiles;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.EnvironmentFingerprint;
import dev.ffbench.results.OutputLayout;
import dev.ffbench.results.ResultsDocument;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI test tabs: one test case per cell (class {@code ff.cells}: an error when the
 * cell's JVM failed, in its system-out the gates' warnings about it ({@link CellWarnings}: degenerate
 * predictions, memory outside the ledger, dead units), worded as in the log) and one per
 * gate outcome (class {@code ff.gates.<kind>}, named "cell: metric" ({@link GateOutcome#name}) so
 * that CI test history follows it across runs: a failure for a violation, skipped when there was
 * nothing to compare with, the figures and the bound in the message or system-out). The suite's
 * properties name the baseline, the commits, the verdict and the environment. Written with the JDK's
 * StAX, which escapes every value.
 */
public final class JUnitXmlWriter implements OutputWriter {
    /** Writes {@link #xml} to the layout's TEST-ff-benchmark.xml. */
    @Override
    public void write(ReportInputs inputs) throws IOException {
        AtomicFiles.write(inputs.layout().junit(), xml(inputs));
    }

    @Override
    public Optional<Path> namedFile(OutputLayout layout) {
        return Optional.of(layout.junit());
    }

    /** The JUnit XML of {@code inputs}: one test case per cell and per gate outcome. */
    public static String xml(ReportInputs inputs) {
        ResultsDocument results = inputs.results();
        GateReport gates = inputs.gates();
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            int failures = gates.violations().size();
            int errors = results.failedCells().size();
            long skipped = gates.count(GateOutcome.Status.SKIPPED);
            double time = results.cells().stream().mapToDouble(CellRecord::wallSeconds).sum();
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "ff-benchmark");
            xml.writeAttribute("tests", String.valueOf(results.cells().size() + gates.outcomes().size()));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", String.valueOf(errors));
            xml.writeAttribute("skipped", String.valueOf(skipped));
            xml.writeAttribute("time", seconds(time));
            xml.writeAttribute("timestamp", String.valueOf(results.generatedAt()));
            xml.writeCharacters("\n  ");
            xml.writeStartElement("properties");
            for (Map.Entry<String, String> property : properties(inputs).entrySet()) {
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("property");
                xml.writeAttribute("name", property.getKey());
                xml.writeAttribute("value", property.getValue());
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            for (CellRecord cell : results.cells()) {
                xml.writeCharacters("  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "ff.cells");
                xml.writeAttribute("name", cell.id());
                xml.writeAttribute("time", seconds(cell.wallSeconds()));
                if (!cell.isPassed()) {
                    xml.writeStartElement("error");
                    xml.writeAttribute("message", String.valueOf(cell.failure()));
                    xml.writeAttribute("type", "CellFailed");
                    xml.writeCharacters(String.join("\n", cell.logTail() == null ? List.of() : cell.logTail()));
                    xml.writeEndElement();
                } else if (!CellWarnings.of(cell).isEmpty()) {
                    // the gates' own warnings about the cell, as the log and summary.md word them
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(String.join("\n", CellWarnings.of(cell).stream().map(w -> "WARNING: " + w).toList()));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            Map<String, Integer> seen = new HashMap<>();
            for (GateOutcome outcome : gates.outcomes()) {
                String classname = "ff.gates." + outcome.kind().key();
                // two rules on one cell and metric (a minimum and a maximum) would share a name: numbered in rule order
                int occurrence = seen.merge(classname + "\n" + outcome.name(), 1, Integer::sum);
                xml.writeCharacters("  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", classname);
                xml.writeAttribute("name", outcome.name() + (occurrence == 1 ? "" : " #" + occurrence));
                xml.writeAttribute("time", "0");
                if (outcome.status() == GateOutcome.Status.FAILED) {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", outcome.detail());
                    xml.writeAttribute("type", "GateViolation");
                    xml.writeCharacters(outcome.detail());
                    xml.writeEndElement();
                } else if (outcome.status() == GateOutcome.Status.SKIPPED) {
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", outcome.detail());
                } else if (outcome.detail() != null) {
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(outcome.detail());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
    }

    /**
     * What the gates were judged against and where the cells ran: the baseline (or why there was none),
     * the commits, the verdict and each field of the environment fingerprint.
     */
    static Map<String, String> properties(ReportInputs inputs) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ff.baseline", inputs.noBaseline() != null ? "none: " + inputs.noBaseline() : inputs.baseline().source());
        Verdict verdict = inputs.verdict();
        if (verdict != null) {
            if (verdict.baselineCommit() != null) {
                properties.put("ff.baselineCommit", verdict.baselineCommit());
            }
            properties.put("ff.headCommit", verdict.headCommit());
            properties.put("ff.verdict", verdict.status().label());
        }
        EnvironmentFingerprint env = inputs.results().fingerprint();
        if (env != null) {
            properties.put("ff.environment.javaVersion", env.javaVersion());
            properties.put("ff.environment.javaVm", env.javaVm());
            properties.put("ff.environment.nd4jVersion", env.nd4jVersion());
            properties.put("ff.environment.nd4jBackend", env.nd4jBackend());
            properties.put("ff.environment.blasVendor", env.blasVendor());
            properties.put("ff.environment.openblasCoreType", env.openblasCoreType());
            properties.put("ff.environment.cpuModel", env.cpuModel());
            properties.put("ff.environment.availableProcessors", String.valueOf(env.availableProcessors()));
            properties.put("ff.environment.threads", String.valueOf(env.threads()));
        }
        properties.replaceAll((name, value) -> String.valueOf(value));
        return properties;
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
