package org.policygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.policygraph.ingest.DocumentLayout.TaskSlice;

class StructureParserTests {

    private static DocumentLayout parse(String text) throws Exception {
        return StructureParser.parse(TextNormalizer.normalize(text));
    }

    private static List<String> labels(DocumentLayout layout) {
        return layout.tasks().stream().map(TaskSlice::label).toList();
    }

    @Test
    void shouldTakeTheLevelThatCarriesTheClausesWhenThreeLevelsAreUsed() throws Exception {
        String text = """
                一、总体要求
                （一）工作目标。到2025年，全省县域内就诊率达到90%以上。
                二、重点任务
                （一）推进医联体建设
                1.推进城市医疗集团建设。加快网格化布局。（省卫生健康委牵头，省医保局配合）
                2.推进县域医共体建设。完善管理。（省卫生健康委、省财政厅按职责分工负责）
                （二）深化医保改革
                3.推进支付方式改革。（省医保局负责）
                """;
        DocumentLayout layout = parse(text);
        assertThat(labels(layout)).containsExactly("1.", "2.", "3.");
        assertThat(layout.tasks()).extracting(TaskSlice::ordinal).containsExactly(1, 2, 3);
    }

    @Test
    void shouldKeepSubItemsInsideTheTaskThatCarriesTheClause() throws Exception {
        String text = """
                一、深化改革
                （一）推进医联体建设。
                1.推进城市医疗集团建设。
                2.推进县域医共体建设。（省卫生健康委、省财政厅按职责分工负责）
                （二）深化医保改革。
                1.推进支付方式改革。
                2.推进集中采购。（省医保局负责）
                """;
        DocumentLayout layout = parse(text);
        assertThat(labels(layout)).containsExactly("（一）", "（二）");
    }

    @Test
    void shouldNotCountTheItemsOfAnAimsSectionAsTasks() throws Exception {
        String text = """
                一、总体目标
                （一）到2025年，分级诊疗格局基本形成。
                （二）到2025年，县域内就诊率达到90%。
                二、重点任务
                （一）推进医联体建设。（省卫生健康委负责）
                （二）深化医保改革。（省医保局负责）
                """;
        DocumentLayout layout = parse(text);
        assertThat(layout.tasks()).hasSize(2);
        assertThat(layout.tasks().get(0).section()).isEqualTo(1);
        assertThat(layout.untaskedBody()).isNotEmpty();
    }

    @Test
    void shouldReadTheHeaderFromWebPageMetadata() throws Exception {
        String text = """
                发文机关：国务院办公厅
                发文字号：国办发〔2022〕14号
                成文日期：2022年05月04日
                深化医药卫生体制改革2022年重点工作任务
                一、加快构建有序的就医和诊疗新格局
                （一）发挥公立医院在城市医疗集团中的主导作用。（国家卫生健康委负责）
                """;
        DocumentLayout.Header header = parse(text).header();
        assertThat(header.issuer()).isEqualTo("国务院办公厅");
        assertThat(header.docNumber()).isEqualTo("国办发〔2022〕14号");
        assertThat(header.issueDate()).isEqualTo("2022-05-04");
        assertThat(header.title()).isEqualTo("深化医药卫生体制改革2022年重点工作任务");
        assertThat(header.year()).isEqualTo(2022);
    }

    @Test
    void shouldReadTheIssuerFromALabelledTitleLine() throws Exception {
        String text = """
                标题：甘肃省人民政府办公厅关于印发甘肃省深化医药卫生体制改革2023年重点工作任务的通知
                发文字号：甘政办发〔2023〕51号
                一、深化改革
                （一）推进医联体建设。（省卫生健康委负责）
                """;
        DocumentLayout.Header header = parse(text).header();
        assertThat(header.issuer()).isEqualTo("甘肃省人民政府办公厅");
        assertThat(header.title()).isEqualTo("甘肃省深化医药卫生体制改革2023年重点工作任务");
        assertThat(header.docNumber()).isEqualTo("甘政办发〔2023〕51号");
    }

    @Test
    void shouldJoinLinesBrokenInsideASentenceButKeepParagraphs() {
        CleanText clean = TextNormalizer.normalize("（市委编\n\n办、市人社局按职责分工负责）\n\n**（二）健全机制。**进一步深化三医（医疗、\n\n医保）改革。");
        assertThat(clean.text()).isEqualTo("（市委编办、市人社局按职责分工负责）\n（二）健全机制。进一步深化三医（医疗、医保）改革。");
        int at = clean.text().indexOf("办");
        assertThat(clean.original().charAt(clean.originalOffsets()[at])).isEqualTo('办');
    }
}
