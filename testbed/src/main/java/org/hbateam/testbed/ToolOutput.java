package org.hbateam.testbed;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the text that libiscsi's command-line tools print. */
final class ToolOutput {
    private static final Pattern LAST_LBA = Pattern.compile("RETURNED LOGICAL BLOCK ADDRESS:\\s*(\\d+)");
    private static final Pattern BLOCK_LENGTH = Pattern.compile("LOGICAL BLOCK LENGTH IN BYTES:\\s*(\\d+)");
    private static final Pattern TARGET = Pattern.compile("^Target:(\\S+)", Pattern.MULTILINE);
    private static final Pattern SERIAL = Pattern.compile("Unit Serial Number:\\[\\s*(.*?)\\]");

    private ToolOutput() {
    }

    /** Parses {@code iscsi-readcapacity16} output. */
    static Capacity capacity(String text) {
        return new Capacity(Long.parseLong(group(LAST_LBA, text, "iscsi-readcapacity16")) + 1,
                Integer.parseInt(group(BLOCK_LENGTH, text, "iscsi-readcapacity16")));
    }

    /** The target names that {@code iscsi-ls} lists. */
    static List<String> targets(String text) {
        List<String> targets = new ArrayList<>();
        Matcher matcher = TARGET.matcher(text);
        while (matcher.find()) {
            targets.add(matcher.group(1));
        }
        return targets;
    }

    /** The serial from {@code iscsi-inq -e 1 -c 128} (VPD page 0x80), without tgt's left padding. */
    static String serial(String text) {
        return group(SERIAL, text, "iscsi-inq VPD 0x80");
    }

    private static String group(Pattern pattern, String text, String tool) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new TestBedException(tool + " printed no match for " + pattern.pattern() + ": " + text);
        }
        return matcher.group(1);
    }
}
