package org.policygraph.reading;

import java.nio.charset.Charset;

/** The characters of an input file, and the charset they were decoded with. Offsets refer to {@link #text()}. */
public record DecodedText(String text, Charset charset, boolean hadByteOrderMark) {}
