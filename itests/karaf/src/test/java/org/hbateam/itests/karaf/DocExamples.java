package org.hbateam.itests.karaf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runnable examples of a markdown document, read at test time so that the document and the test cannot
 * drift. An example is a fenced block right after a marker line: {@code <!-- example-file: etc/NAME -->} for a
 * file's exact content, {@code <!-- example-command -->} for Karaf shell commands, one per line. The block may be
 * indented (inside a list item); that indentation is not part of the example.
 */
final class DocExamples {
    private static final Pattern MARKER = Pattern.compile("^(\\s*)<!-- example-(file: (\\S+)|command) -->\\s*$");

    /** One example: a file to write ({@code target} is its path under the Karaf home) or commands ({@code target} null). */
    record Example(String target, String text) {
        boolean isFile() {
            return target != null;
        }

        List<String> lines() {
            return text.lines().toList();
        }
    }

    private DocExamples() {
    }

    /** The document at {@code relative} to the repository root (system property {@code hbateam.repo}). */
    static Path document(String relative) {
        String repo = System.getProperty("hbateam.repo");
        if (repo == null || repo.isBlank()) {
            throw new IllegalStateException("system property hbateam.repo is not set; run through Maven (mvn verify)");
        }
        return Paths.get(repo).resolve(relative);
    }

    /** Every example of {@code markdown}, in document order. */
    static List<Example> read(Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i));
            if (marker.matches()) {
                examples.add(new Example(marker.group(3), block(markdown, lines, i + 1, marker.group(1).length())));
            }
        }
        return examples;
    }

    /** The fenced block that must open on line {@code open}, without {@code indent} leading blanks per line. */
    private static String block(Path markdown, List<String> lines, int open, int indent) {
        if (open >= lines.size() || !lines.get(open).trim().startsWith("```")) {
            throw new IllegalStateException(markdown + ":" + open + ": an example marker must be followed by a fenced block");
        }
        StringBuilder text = new StringBuilder();
        for (int i = open + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.trim().equals("```")) {
                return text.toString();
            }
            text.append(line.length() >= indent ? line.substring(indent) : line.trim()).append('\n');
        }
        throw new IllegalStateException(markdown + ":" + open + ": the example's fenced block is not closed");
    }
}
