package org.policygraph.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbering styles of Chinese policy documents, from the outermost level inwards:
 * 一、 → （一） → 1. → （1） → ①. A label may be wrapped in markdown bold, which the normalizer removes.
 */
public enum Numbering {
    CHINESE_COMMA("^([一二三四五六七八九十]{1,3})[、．.](?![、])"),
    CHINESE_PAREN("^[（(]([一二三四五六七八九十]{1,3})[)）]"),
    ARABIC_DOT("^(\\d{1,3})\\s*[.．、](?!\\d)"),
    ARABIC_PAREN("^[（(](\\d{1,3})[)）]"),
    CIRCLED("^([①-⑳])");

    private final Pattern pattern;

    Numbering(String regex) {
        this.pattern = Pattern.compile(regex);
    }

    /** The label at the start of a paragraph, or null. */
    public Matcher match(CharSequence paragraph) {
        Matcher m = pattern.matcher(paragraph);
        return m.find() ? m : null;
    }
}
