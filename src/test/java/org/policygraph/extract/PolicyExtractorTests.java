package org.policygraph.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policygraph.ingest.DocumentPreparer;
import org.policygraph.ingest.UnusableDocumentException;
import org.policygraph.extract.Extraction.Level;
import org.policygraph.extract.Extraction.LevelBasis;
import org.policygraph.extract.Extraction.Role;
import org.policygraph.extract.Extraction.Task;

/**
 * Documents composed in the genre but unlike the samples: a national notice with 牵头/配合 and
 * 牵头单位/责任单位 clauses, and a hard-wrapped county document in GBK numbered 1. 2. that ends mid-task.
 */
class PolicyExtractorTests {

    static PolicyExtractor extractor;

    @BeforeAll
    static void loadExtractor() {
        extractor = new PolicyExtractor();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = PolicyExtractorTests.class.getResourceAsStream("/composed/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void shouldReadANationalNotice() throws Exception {
        Extraction e = extractor.extract("national-2023.txt", DocumentPreparer.prepare(resource("national-2023.txt")));

        assertThat(e.document().docNumber()).isEqualTo("国办发〔2023〕24号");
        assertThat(e.document().issuer()).isEqualTo("国务院办公厅");
        assertThat(e.document().issueDate()).isEqualTo("2023-07-06");
        assertThat(e.document().title()).isEqualTo("深化医药卫生体制改革2023年下半年重点工作任务");
        assertThat(e.document().level()).isEqualTo(Level.NATIONAL);
        assertThat(e.document().region()).isNull();
        assertThat(e.document().year()).isEqualTo(2023);
        assertThat(e.tasks()).extracting(Task::title).containsExactly(
                "加快国家医学中心和国家区域医疗中心设置建设", "发挥政府投入激励作用", "推进公立医院高质量发展");

        Task first = e.tasks().get(0);
        assertThat(first.departments()).extracting(d -> d.name(), d -> d.role()).containsExactly(
                tuple("国家发展改革委", Role.LEAD), tuple("国家卫生健康委", Role.PARTNER), tuple("国家中医药局", Role.PARTNER));
        assertThat(first.regions()).extracting(r -> r.code()).containsExactly("130000", "140000", "150000");
        assertThat(first.pilots()).singleElement().satisfies(p -> {
            assertThat(p.level()).isEqualTo(Level.NATIONAL);
            assertThat(p.levelBasis()).isEqualTo(LevelBasis.STATED);
            assertThat(p.sites()).extracting(s -> s.code()).containsExactly("130000", "140000", "150000");
        });

        Task second = e.tasks().get(1);
        assertThat(second.departments()).extracting(d -> d.name(), d -> d.role()).containsExactly(
                tuple("财政部", Role.LEAD), tuple("国家卫生健康委", Role.PARTNER), tuple("国家医保局", Role.PARTNER),
                tuple("地方各级人民政府", Role.PARTNER));
        assertThat(second.indicators()).singleElement().satisfies(i -> {
            assertThat(i.value()).isEqualTo(60);
            assertThat(i.unit()).isEqualTo("%");
            assertThat(i.comparator()).isEqualTo(">");
            assertThat(i.deadline()).isEqualTo("到2025年");
        });

        Task third = e.tasks().get(2);
        assertThat(third.departments()).extracting(d -> d.name(), d -> d.role()).containsExactly(
                tuple("国家卫生健康委", Role.LEAD), tuple("人力资源社会保障部", Role.PARTNER), tuple("财政部", Role.PARTNER),
                tuple("地方各级人民政府", Role.PARTNER));
        assertThat(third.regions()).extracting(r -> r.code()).containsExactly("350400", "440303");
        assertThat(third.pilots()).singleElement().satisfies(p -> assertThat(p.level()).isEqualTo(Level.NATIONAL));
        assertThat(third.indicators()).extracting(i -> i.value(), i -> i.unit()).containsExactly(tuple(100000.0, "人次"));
    }

    @Test
    void shouldReadAHardWrappedCountyDocumentInGbkThatEndsMidTask() throws Exception {
        byte[] gbk = new String(resource("county-2022-wrapped.txt"), "UTF-8").getBytes(Charset.forName("GBK"));
        Extraction e = extractor.extract("county.txt", DocumentPreparer.prepare(gbk));

        assertThat(e.document().docNumber()).isEqualTo("景政办发〔2022〕31号");
        assertThat(e.document().issuer()).isEqualTo("景泰县人民政府办公室");
        assertThat(e.document().issueDate()).isEqualTo("2022-08-03");
        assertThat(e.document().title()).isEqualTo("景泰县深化医药卫生体制改革2022年重点工作任务");
        assertThat(e.document().level()).isEqualTo(Level.COUNTY);
        assertThat(e.document().region().code()).isEqualTo("620423");
        assertThat(e.document().charset()).isEqualTo("GB18030");
        assertThat(e.sections()).hasSize(2);
        assertThat(e.tasks()).extracting(Task::label).containsExactly("1.", "2.", "3.", "4.");

        Task first = e.tasks().get(0);
        assertThat(first.departments()).extracting(d -> d.name(), d -> d.role()).containsExactly(
                tuple("县卫生健康局", Role.LEAD), tuple("县医保局", Role.PARTNER), tuple("县财政局", Role.PARTNER),
                tuple("县人社局", Role.PARTNER));
        assertThat(first.indicators()).singleElement().satisfies(i -> {
            assertThat(i.value()).isEqualTo(90);
            assertThat(i.comparator()).isEqualTo(">=");
            assertThat(i.deadline()).isEqualTo("年底前");
        });
        assertThat(first.pilots()).isEmpty();

        Task second = e.tasks().get(1);
        assertThat(second.departments()).extracting(d -> d.name(), d -> d.role()).containsExactly(
                tuple("县卫生健康局", Role.LEAD), tuple("县财政局", Role.PARTNER), tuple("各乡镇人民政府", Role.PARTNER));
        assertThat(second.indicators()).extracting(i -> i.value(), i -> i.unit(), i -> i.comparator())
                .containsExactly(tuple(3.0, "家", "="), tuple(95.0, "%", ">="));

        Task third = e.tasks().get(2);
        assertThat(third.departments()).extracting(d -> d.name()).containsExactly("县卫生健康局", "县疾控中心");
        assertThat(third.pilots()).singleElement().satisfies(p -> {
            assertThat(p.level()).isEqualTo(Level.COUNTY);
            assertThat(p.levelBasis()).isEqualTo(LevelBasis.ISSUER);
            assertThat(p.sites()).extracting(s -> s.name(), s -> s.regionCode())
                    .containsExactly(tuple("县中医医院", "620423"), tuple("县人民医院", "620423"));
        });

        Task last = e.tasks().get(3);
        assertThat(last.truncated()).isTrue();
        assertThat(last.departments()).as("a clause cut off by the end of the text names no one").isEmpty();
        assertThat(last.regions()).as("健康景泰行动 is a campaign, not a place").isEmpty();
        assertThat(last.indicators()).singleElement().satisfies(i -> assertThat(i.deadline()).isEqualTo("年内"));
        assertThat(e.document().warnings()).singleElement().asString().contains("cut off");
    }

    @Test
    void shouldRejectAnEmptyFile() {
        assertThatThrownBy(() -> extractor.extract("empty.txt", DocumentPreparer.prepare(new byte[0])))
                .isInstanceOf(UnusableDocumentException.class).hasMessage("empty file");
    }

    @Test
    void shouldRejectBinaryContent() {
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        assertThatThrownBy(() -> extractor.extract("scan.pdf", DocumentPreparer.prepare(binary)))
                .isInstanceOf(UnusableDocumentException.class).hasMessageContaining("binary");
    }

    @Test
    void shouldRejectTextWithNoTasks() {
        byte[] prose = "这是一段没有任何编号结构的普通文字。它讨论了医疗改革，但没有任务。".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> extractor.extract("prose.txt", DocumentPreparer.prepare(prose)))
                .isInstanceOf(UnusableDocumentException.class).hasMessageContaining("no numbered tasks");
    }
}
