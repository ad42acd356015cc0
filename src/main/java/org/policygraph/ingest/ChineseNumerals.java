package org.policygraph.ingest;

/** Chinese numerals as printed in policy text: 十二, 二十三, 一百三十, 两, 〇 (in dates). */
public final class ChineseNumerals {

    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseNumerals() {}

    public static int digit(char c) {
        if (c == '两') return 2;
        if (c == '零' || c == '○' || c == 'Ｏ' || c == 'O') return 0;
        return DIGITS.indexOf(c);
    }

    /** Positional value of 一…九十九…九千; -1 when the string is not a Chinese numeral. */
    public static int parse(String s) {
        int total = 0;
        int current = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digit(c);
            if (d >= 0) {
                current = d;
            } else if (c == '十') {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            } else if (c == '百') {
                total += current * 100;
                current = 0;
            } else if (c == '千') {
                total += current * 1000;
                current = 0;
            } else {
                return -1;
            }
        }
        return total + current;
    }

    /** Digit-by-digit reading used in years: 二〇二二 → 2022. */
    public static int parseDigits(String s) {
        int value = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = digit(s.charAt(i));
            if (d < 0) return -1;
            value = value * 10 + d;
        }
        return value;
    }
}
