package dev.ffbench.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub Actions expressions ({@code ${{ ... }}} and {@code if:}), as far as the example workflows use
 * them: literals, context paths (github.event_name, steps.id.outputs.x, ...), ! == != && || and
 * parentheses, and the functions always(), success(), failure(), cancelled(), hashFiles() and format().
 * Anything else is an error, so that a workflow cannot use what {@link WorkflowRunner} does not emulate.
 * Like GitHub's, && and || yield an operand, not a boolean, and a missing property is null.
 */
final class WorkflowExpressions {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:('(?:[^']|'')*')|(\\d+(?:\\.\\d+)?)|(==|!=|&&|\\|\\||[!(),])|([A-Za-z_][A-Za-z0-9_.-]*(?:\\.\\*)?))");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{\\{(.*?)}}");

    /** What an expression can see: the contexts, the job's status so far, and the workspace for hashFiles. */
    interface Scope {
        /** The value at a context path (github.ref, matrix.shard, steps.ff-bench.outputs.commit), null if none. */
        Object context(String path);

        /** Whether a step of the job (or a job it needs) has failed so far. */
        boolean failed();

        /** hashFiles: a hash of the files matching the pattern in the workspace, or '' if none matches. */
        String hashFiles(String pattern);
    }

    private final List<String> tokens = new ArrayList<>();
    private final Scope scope;
    private int next;

    private WorkflowExpressions(String expression, Scope scope) {
        Matcher m = TOKEN.matcher(expression);
        int at = 0;
        while (at < expression.length() && m.find(at) && m.start() == at) {
            tokens.add(m.group().trim());
            at = m.end();
        }
        if (!expression.substring(at).isBlank()) {
            throw new IllegalArgumentException("expression '" + expression + "' has what the emulation cannot read at: " + expression.substring(at));
        }
        this.scope = scope;
    }

    /** The value of one expression (without ${{ }}). */
    static Object evaluate(String expression, Scope scope) {
        WorkflowExpressions parser = new WorkflowExpressions(expression, scope);
        Object value = parser.or();
        if (parser.next != parser.tokens.size()) {
            throw new IllegalArgumentException("expression '" + expression + "' has a trailing " + parser.tokens.get(parser.next));
        }
        return value;
    }

    /** An if: condition: GitHub adds success() && unless the condition calls a status function. */
    static boolean condition(String condition, Scope scope) {
        String expression = condition.trim();
        if (expression.startsWith("${{") && expression.endsWith("}}")) {
            expression = expression.substring(3, expression.length() - 2).trim();
        }
        if (!Pattern.compile("\\b(always|success|failure|cancelled)\\(").matcher(expression).find()) {
            expression = "success() && (" + expression + ")";
        }
        return truthy(evaluate(expression, scope));
    }

    /** {@code text} with each ${{ expression }} replaced by its value as a string. */
    static String interpolate(String text, Scope scope) {
        return INTERPOLATION.matcher(text).replaceAll(m -> Matcher.quoteReplacement(string(evaluate(m.group(1).trim(), scope))));
    }

    static boolean truthy(Object value) {
        return value != null && !Boolean.FALSE.equals(value) && !"".equals(value)
                && !(value instanceof Double d && d == 0);
    }

    static String string(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(value);
    }

    private String peek() {
        return next < tokens.size() ? tokens.get(next) : null;
    }

    private String take(String expected) {
        String token = peek();
        if (expected != null && !expected.equals(token)) {
            throw new IllegalArgumentException("expected " + expected + " but found " + token + " in " + tokens);
        }
        next++;
        return token;
    }

    private Object or() {
        Object left = and();
        while ("||".equals(peek())) {
            take("||");
            Object right = and();
            left = truthy(left) ? left : right;
        }
        return left;
    }

    private Object and() {
        Object left = equality();
        while ("&&".equals(peek())) {
            take("&&");
            Object right = equality();
            left = truthy(left) ? right : left;
        }
        return left;
    }

    private Object equality() {
        Object left = unary();
        while ("==".equals(peek()) || "!=".equals(peek())) {
            boolean equal = take(null).equals("==");
            Object right = unary();
            // GitHub compares strings case-insensitively; null reads as ''
            boolean same = string(left).equalsIgnoreCase(string(right));
            left = equal == same;
        }
        return left;
    }

    private Object unary() {
        if ("!".equals(peek())) {
            take("!");
            return !truthy(unary());
        }
        return primary();
    }

    private Object primary() {
        String token = take(null);
        if (token == null) {
            throw new IllegalArgumentException("the expression ends early: " + tokens);
        }
        if (token.equals("(")) {
            Object value = or();
            take(")");
            return value;
        }
        if (token.startsWith("'")) {
            return token.substring(1, token.length() - 1).replace("''", "'");
        }
        if (Character.isDigit(token.charAt(0))) {
            return Double.valueOf(token);
        }
        if (token.equals("true") || token.equals("false")) {
            return Boolean.valueOf(token);
        }
        if (token.equals("null")) {
            return null;
        }
        if ("(".equals(peek())) {
            take("(");
            List<Object> arguments = new ArrayList<>();
            while (!")".equals(peek())) {
                arguments.add(or());
                if (",".equals(peek())) {
                    take(",");
                }
            }
            take(")");
            return call(token, arguments);
        }
        return scope.context(token);
    }

    private Object call(String function, List<Object> arguments) {
        Map<String, Function<List<Object>, Object>> functions = Map.of(
                "always", a -> true,
                "success", a -> !scope.failed(),
                "failure", a -> scope.failed(),
                "cancelled", a -> false,
                "hashFiles", a -> scope.hashFiles(string(a.get(0))),
                "format", a -> {
                    String format = string(a.get(0));
                    for (int i = 1; i < a.size(); i++) {
                        format = format.replace("{" + (i - 1) + "}", string(a.get(i)));
                    }
                    return format;
                });
        Function<List<Object>, Object> f = functions.get(function);
        if (f == null) {
            throw new IllegalArgumentException("function " + function + "() is not emulated; emulated: " + functions.keySet());
        }
        return f.apply(arguments);
    }
}
