package org.policygraph.reading;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a policy document by inspecting its bytes, never its file name: a byte-order mark wins;
 * otherwise UTF-16 is recognized by its zero bytes, then strict UTF-8 is tried, then GB18030 (a superset
 * of GBK and GB2312, the encodings of most files saved on Chinese desktops).
 */
public final class TextDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");
    /** Share of control characters above which decoded text is taken to be binary. */
    private static final double MAX_CONTROL_SHARE = 0.02;

    private TextDecoder() {}

    public static DecodedText decode(byte[] bytes) throws UnreadableInputException {
        if (bytes.length == 0) {
            throw new UnreadableInputException("empty file");
        }
        DecodedText decoded = decodeByBom(bytes);
        if (decoded == null) {
            if (guessUtf16(bytes) == null && controlByteShare(bytes) > MAX_CONTROL_SHARE) {
                throw new UnreadableInputException("binary content, not text");
            }
            decoded = decodeWithoutBom(bytes);
        }
        if (decoded.text().isBlank()) {
            throw new UnreadableInputException("file holds only white space");
        }
        if (looksBinary(decoded.text())) {
            throw new UnreadableInputException("binary content, not text (" + decoded.charset() + " decoding gives control characters)");
        }
        return decoded;
    }

    private static DecodedText decodeByBom(byte[] b) throws UnreadableInputException {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return strict(b, 3, StandardCharsets.UTF_8, true);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return strict(b, 2, StandardCharsets.UTF_16LE, true);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return strict(b, 2, StandardCharsets.UTF_16BE, true);
        }
        return null;
    }

    private static DecodedText decodeWithoutBom(byte[] b) throws UnreadableInputException {
        Charset utf16 = guessUtf16(b);
        if (utf16 != null) {
            return strict(b, 0, utf16, false);
        }
        try {
            return strict(b, 0, StandardCharsets.UTF_8, false);
        } catch (UnreadableInputException notUtf8) {
            try {
                return strict(b, 0, GB18030, false);
            } catch (UnreadableInputException notGb) {
                throw new UnreadableInputException("not decodable as UTF-8, UTF-16 or GB18030/GBK");
            }
        }
    }

    /** Text in UTF-16 has a zero byte in most ASCII positions; on one side for LE, the other for BE. */
    private static Charset guessUtf16(byte[] b) {
        int sample = Math.min(b.length, 4096) & ~1;
        if (sample < 4) {
            return null;
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i < sample; i++) {
            if (b[i] == 0) {
                if ((i & 1) == 0) zeroEven++; else zeroOdd++;
            }
        }
        int pairs = sample / 2;
        if (zeroOdd > pairs / 4 && zeroEven < pairs / 50 + 1) {
            return StandardCharsets.UTF_16LE;
        }
        if (zeroEven > pairs / 4 && zeroOdd < pairs / 50 + 1) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static DecodedText strict(byte[] b, int offset, Charset charset, boolean bom) throws UnreadableInputException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(b, offset, b.length - offset));
            return new DecodedText(chars.toString(), charset, bom);
        } catch (CharacterCodingException e) {
            throw new UnreadableInputException("not valid " + charset.name());
        }
    }

    /** Bytes below 0x20 other than tab, line feed, form feed and carriage return never occur in text. */
    private static double controlByteShare(byte[] bytes) {
        int controls = 0;
        for (byte b : bytes) {
            if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                controls++;
            }
        }
        return (double) controls / bytes.length;
    }

    private static boolean looksBinary(String text) {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
                controls++;
            }
        }
        return controls > text.length() * MAX_CONTROL_SHARE;
    }
}
