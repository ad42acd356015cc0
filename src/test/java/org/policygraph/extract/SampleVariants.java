package org.policygraph.extract;

import com.hankcs.hanlp.HanLP;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two bundled samples, and re-made copies of them in the layouts real downloads come in: hard-wrapped
 * PDF text with page numbers, other numbering styles, other encodings, traditional characters.
 */
final class SampleVariants {

    static final List<String> SAMPLES = List.of("gansu-2022-ganzhengbanfa-84", "baiyin-2021-shizhengbanfa-100");

    private SampleVariants() {}

    static String sample(String name) {
        try (InputStream in = SampleVariants.class.getResourceAsStream("/samples/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Markup removed, every paragraph indented with full-width spaces and wrapped hard, page numbers between pages. */
    static String pdfStyle(String text, int width, int linesPerPage) {
        List<String> lines = new ArrayList<>();
        String previous = "。";
        for (String paragraph : text.replace("**", "").replaceAll("(?m)^#+\\s*", "").split("\n")) {
            String content = paragraph.strip();
            if (content.isEmpty() || content.equals("---")) continue;
            // A line the source broke mid-sentence (an OCR page break) continues its paragraph unindented.
            boolean continuation = "。：；）)".indexOf(previous.charAt(previous.length() - 1)) < 0
                    && !content.matches("^[（(一二三四五六七八九十].*");
            previous = content;
            String indented = continuation ? content : "\u3000\u3000" + content;
            for (int i = 0; i < indented.length(); i += width) {
                lines.add(indented.substring(i, Math.min(indented.length(), i + width)));
            }
        }
        StringBuilder out = new StringBuilder();
        int page = 1;
        for (int i = 0; i < lines.size(); i++) {
            out.append(lines.get(i)).append('\n');
            if ((i + 1) % linesPerPage == 0) {
                out.append("\n— ").append(page++).append(" —\n\n");
            }
        }
        return out.toString();
    }

    /** Tasks numbered 1. 2. … restarting in every section, instead of （一）（二）…. */
    static String arabicNumbered(String text) {
        return renumbered(text, "%d.");
    }

    /** Tasks numbered （1）（2）… restarting in every section. */
    static String parenthesizedArabicNumbered(String text) {
        return renumbered(text, "（%d）");
    }

    /**
     * "(A、B、C等部门按职责分工负责)" rewritten as separate lines "牵头单位：A" and "责任单位：B、C",
     * the other common form of the responsibility clause.
     */
    static String labelledUnitLines(String text) {
        Matcher m = Pattern.compile("[（(]([^（()）。]*?)(?:等部门|等各相关部门|等)?按职责分工负责[)）]").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String[] names = m.group(1).split("、");
            String partners = String.join("、", java.util.Arrays.copyOfRange(names, 1, names.length));
            String replacement = "\n牵头单位：" + names[0] + (partners.isEmpty() ? "" : "\n责任单位：" + partners);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String renumbered(String text, String format) {
        Pattern taskLabel = Pattern.compile("(?m)^(\\s*(?:\\*\\*)?)[（(][一二三四五六七八九十]{1,3}[)）]\\s*");
        Pattern sectionLabel = Pattern.compile("^\\s*(?:#+\\s*)?(?:\\*\\*)?[一二三四五六七八九十]{1,3}、");
        StringBuilder out = new StringBuilder();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            if (sectionLabel.matcher(line).find()) number = 0;
            Matcher m = taskLabel.matcher(line);
            if (m.find()) {
                number++;
                line = m.group(1) + String.format(format, number) + line.substring(m.end());
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    static byte[] encoded(String text, Charset charset) {
        return text.getBytes(charset);
    }

    static byte[] utf16WithBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        return withBom;
    }

    /** A traditional-character copy, as mirror sites publish them; same length, character by character. */
    static String traditional(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            String t = HanLP.convertToTraditionalChinese(String.valueOf(text.charAt(i)));
            out.append(t.length() == 1 ? t : String.valueOf(text.charAt(i)));
        }
        return out.toString();
    }
}
