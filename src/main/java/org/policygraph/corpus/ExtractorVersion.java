package org.policygraph.corpus;

import org.policygraph.extract.PolicyExtractor;

/**
 * The version of the extractor a document was extracted with: the application's version from the
 * jar's manifest ({@code Implementation-Version}), or {@code dev} when running from classes. Recorded
 * on every document; {@code reextract} without {@code --force} skips documents already at it.
 */
public final class ExtractorVersion {

    public static final String CURRENT = current();

    private ExtractorVersion() {}

    private static String current() {
        String version = PolicyExtractor.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version.strip();
    }
}
