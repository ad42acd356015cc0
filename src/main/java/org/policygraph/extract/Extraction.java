package org.policygraph.extract;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the extractor makes of one policy document: the JSON contract of FORMAT.md, written by the
 * {@code extract} command, scored by {@code evaluate} and written to Neo4j by the loader.
 * Field names are serialized in snake_case.
 */
public record Extraction(Document document, List<Section> sections, List<Task> tasks) {

    public enum Level { NATIONAL, PROVINCE, CITY, COUNTY }

    public enum Role { LEAD, PARTNER }

    public enum LevelBasis { STATED, ISSUER }

    public enum SiteKind { REGION, INSTITUTION }

    /** Half-open character range [start, end) in the decoded input. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    public record Span(int start, int end) {
        public int length() {
            return end - start;
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Document(
            String title,
            String docNumber,
            String issuer,
            String issueDate,
            Level level,
            RegionRef region,
            Integer year,
            List<Indicator> indicators,
            String sourceName,
            String contentHash,
            String format,
            String charset,
            List<String> warnings) {}

    public record Section(int ordinal, String label, String title, Span span) {}

    public record Task(
            int ordinal,
            String label,
            int section,
            String title,
            String text,
            Span span,
            List<DepartmentRole> departments,
            List<RegionRef> regions,
            List<Pilot> pilots,
            List<Indicator> indicators,
            List<String> citations,
            boolean truncated,
            // The span as it reads in the decoded input (line breaks, markup): evidence is quoted from it.
            @JsonIgnore String source) {}

    public record DepartmentRole(String name, Role role, Span evidence) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RegionRef(String name, String code) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Pilot(
            String programme,
            Level level,
            LevelBasis levelBasis,
            Integer declaredCount,
            List<PilotSite> sites,
            Span evidence) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PilotSite(SiteKind kind, String name, String code, String regionCode) {
        public static PilotSite region(String name, String code) {
            return new PilotSite(SiteKind.REGION, name, code, null);
        }

        public static PilotSite institution(String name, String regionCode) {
            return new PilotSite(SiteKind.INSTITUTION, name, null, regionCode);
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Indicator(
            String text,
            double value,
            String unit,
            String comparator,
            String deadline,
            String subject,
            Span evidence) {}
}
