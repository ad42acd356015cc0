package org.policygraph.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Document numbers (发文字号) such as 甘政办发〔2022〕84号: the issuer's code, the year in brackets, the
 * serial number and 号. The one definition for the parser that reads a document's own number, the
 * normaliser that keeps a number's line whole, the extractor that finds numbers cited in a task and
 * the loader that keys documents and citations by number.
 *
 * <p>Printed numbers vary: 〔〕 is the standard bracket (GB/T 9704), but copies use [], ［］, (), （） or
 * 【】, and PDF exports put blanks between the parts. {@link #canonical} writes every variant the same
 * way, so that a document and a citation of it get the same key.
 */
public final class DocumentNumbers {

    private static final String ISSUER_CODE = "[\\u4e00-\\u9fa5]{1,12}";
    private static final String OPENING_BRACKETS = "[〔\\[［(（【]";
    private static final String CLOSING_BRACKETS = "[〕\\]］)）】]";
    private static final String YEAR = "(?:19|20)\\d{2}";
    private static final String SERIAL = "\\d{1,4}";
    private static final String BLANKS = "\\s*";

    /** The standard brackets around the year. */
    public static final String STANDARD_OPENING = "〔";
    public static final String STANDARD_CLOSING = "〕";

    /** A number as printed, blanks allowed between its parts; groups: 1 issuer code, 2 year, 3 serial. */
    public static final Pattern PRINTED = Pattern.compile("(" + ISSUER_CODE + ")" + BLANKS + OPENING_BRACKETS + BLANKS
            + "(" + YEAR + ")" + BLANKS + CLOSING_BRACKETS + BLANKS + "(" + SERIAL + ")" + BLANKS + "号");

    /**
     * What follows the issuer's code in a printed number. Every number has it, and a search for it is
     * quick where one for {@link #PRINTED} is not: that tries the issuer's code, up to 12 characters, at
     * every Chinese character of a text, and most texts hold no number.
     */
    private static final Pattern AFTER_ISSUER_CODE = Pattern.compile(OPENING_BRACKETS + BLANKS + YEAR + BLANKS
            + CLOSING_BRACKETS + BLANKS + SERIAL + BLANKS + "号");

    /**
     * A matcher of {@link #PRINTED} over the text for a loop of {@code find()}: it finds what PRINTED finds,
     * sooner in a text with no number (it then matches over an empty text, so positional calls such as
     * {@code find(int)} or {@code region} are not for it).
     */
    public static Matcher printedIn(String text) {
        return PRINTED.matcher(AFTER_ISSUER_CODE.matcher(text).find() ? text : "");
    }

    /** {@link #PRINTED} without its groups, to be part of a larger expression. */
    public static final String PRINTED_REGEX = ISSUER_CODE + BLANKS + OPENING_BRACKETS + BLANKS + YEAR + BLANKS
            + CLOSING_BRACKETS + BLANKS + SERIAL + BLANKS + "号";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern BRACKETED_YEAR = Pattern.compile(OPENING_BRACKETS + "(" + YEAR + ")" + CLOSING_BRACKETS);

    private DocumentNumbers() {}

    /** The number without blanks and with 〔〕 around the year: 阜蒙健促办发[2020]3号 → 阜蒙健促办发〔2020〕3号. */
    public static String canonical(String number) {
        String compact = WHITESPACE.matcher(number).replaceAll("");
        return BRACKETED_YEAR.matcher(compact).replaceAll(STANDARD_OPENING + "$1" + STANDARD_CLOSING);
    }

    /** The year of a number, or null when {@code number} holds none. */
    public static Integer year(String number) {
        Matcher m = PRINTED.matcher(number);
        return m.find() ? Integer.valueOf(m.group(2)) : null;
    }
}
