package org.policygraph.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.policygraph.extract.Extraction.Role;
import org.policygraph.extract.ResponsibilityClauses.Clause;
import org.policygraph.extract.ResponsibilityClauses.Party;

class ResponsibilityClausesTests {

    private static Clause clause(String taskText) {
        return ResponsibilityClauses.find(taskText);
    }

    @Test
    void shouldTakeTheFirstNamedAsLeadWhenNoneIsMarked() {
        assertThat(clause("推进改革。（省医保局、省财政厅、省卫生健康委等部门按职责分工负责）").parties())
                .extracting(Party::name, Party::role)
                .containsExactly(tuple("省医保局", Role.LEAD), tuple("省财政厅", Role.PARTNER), tuple("省卫生健康委", Role.PARTNER));
    }

    @Test
    void shouldMarkEveryPartyNamedBeforeQianTouAsLead() {
        assertThat(clause("推进改革。（省卫生健康委、省医保局牵头，省财政厅、各市州人民政府配合）").parties())
                .extracting(Party::name, Party::role)
                .containsExactly(tuple("省卫生健康委", Role.LEAD), tuple("省医保局", Role.LEAD),
                        tuple("省财政厅", Role.PARTNER), tuple("各市州人民政府", Role.PARTNER));
    }

    @Test
    void shouldReadLabelledUnitsInBrackets() {
        assertThat(clause("推进改革。〔责任单位：市卫生健康委、市医保局〕").parties())
                .extracting(Party::name, Party::role)
                .containsExactly(tuple("市卫生健康委", Role.LEAD), tuple("市医保局", Role.PARTNER));
        assertThat(clause("推进改革。（牵头单位：市医保局；责任单位：市财政局，各县（市、区）人民政府）").parties())
                .extracting(Party::name, Party::role)
                .containsExactly(tuple("市医保局", Role.LEAD), tuple("市财政局", Role.PARTNER),
                        tuple("各县（市、区）人民政府", Role.PARTNER));
    }

    @Test
    void shouldTreatResponsibleUnitsBesideCooperatingUnitsAsLeads() {
        assertThat(clause("推进改革。\n责任单位：县卫生健康局、县医保局\n配合单位：县财政局").parties())
                .extracting(Party::name, Party::role)
                .containsExactly(tuple("县卫生健康局", Role.LEAD), tuple("县医保局", Role.LEAD), tuple("县财政局", Role.PARTNER));
    }

    @Test
    void shouldDropGenericReferencesAndNotesOnReading() {
        assertThat(clause("推进改革。（国家卫生健康委、国家医保局、有关部门按职责分工负责，排在第一位的为牵头部门，下同）").parties())
                .extracting(Party::name)
                .containsExactly("国家卫生健康委", "国家医保局");
    }

    @Test
    void shouldKeepNamesThatContainHe() {
        assertThat(clause("推进改革。（省人力资源和社会保障厅、省工业和信息化厅和省财政厅按职责分工负责）").parties())
                .extracting(Party::name)
                .containsExactly("省人力资源和社会保障厅", "省工业和信息化厅", "省财政厅");
    }

    @Test
    void shouldReadStandingInstructionsInBothOrders() {
        Clause first = clause("推进改革。（省医改办、省卫生健康委等部门和地方人民政府按职责分工负责。以下均需地方人民政府负责，不再列出）");
        assertThat(first.parties()).extracting(Party::name).containsExactly("省医改办", "省卫生健康委", "地方人民政府");
        assertThat(first.standingParties()).containsExactly("地方人民政府");

        Clause second = clause("推进改革。（省卫生健康委按职责分工负责，各市州人民政府负责落实，以下不再列出）");
        assertThat(second.parties()).extracting(Party::name).containsExactly("省卫生健康委", "各市州人民政府");
        assertThat(second.standingParties()).containsExactly("各市州人民政府");
    }

    @Test
    void shouldFindNoClauseInABracketThatListsHospitals() {
        assertThat(clause("考核3家医院（市第一人民医院、市第二人民医院）。").parties()).isEmpty();
    }

    @Test
    void shouldGiveNoPartiesForAClauseCutOffByTheEndOfTheText() {
        assertThat(clause("推进改革。（省卫生健康委、省教育厅、省体育").parties()).isEmpty();
    }

    private static java.util.List<org.assertj.core.groups.Tuple> parties(String taskText) {
        return clause(taskText).parties().stream().map(p -> tuple(p.name(), p.role())).toList();
    }

    @Test
    void shouldReadEveryLabelVariantAlike() {
        assertThat(parties("做好疫苗接种。\n牵头责任单位：区卫生健康局\n主要协作单位：区教育局、区财政局"))
                .containsExactly(tuple("区卫生健康局", Role.LEAD), tuple("区教育局", Role.PARTNER), tuple("区财政局", Role.PARTNER));
        assertThat(parties("开展健康教育。\n责任科室：疾控科、基层科"))
                .containsExactly(tuple("疾控科", Role.LEAD), tuple("基层科", Role.PARTNER));
        assertThat(parties("推进医养结合。（牵头部门：县民政局；协办单位：县卫生健康局；参与单位：各乡镇人民政府）"))
                .containsExactly(tuple("县民政局", Role.LEAD), tuple("县卫生健康局", Role.PARTNER), tuple("各乡镇人民政府", Role.PARTNER));
    }

    @Test
    void shouldReadALabelThatFollowsTheSentenceOnTheSameLine() {
        assertThat(parties("加强院前急救体系建设，年底前急救站点覆盖率达到100%。责任单位：市卫生健康委、市财政局。"))
                .containsExactly(tuple("市卫生健康委", Role.LEAD), tuple("市财政局", Role.PARTNER));
        assertThat(parties("完善分级诊疗制度。【牵头单位】市卫生健康委【配合单位】市医保局"))
                .containsExactly(tuple("市卫生健康委", Role.LEAD), tuple("市医保局", Role.PARTNER));
    }

    @Test
    void shouldMarkEachPartyThatLeadsSeverally() {
        assertThat(parties("推进改革。（省卫生健康委、省医保局分别牵头，省财政厅配合）"))
                .containsExactly(tuple("省卫生健康委", Role.LEAD), tuple("省医保局", Role.LEAD), tuple("省财政厅", Role.PARTNER));
        assertThat(parties("推进改革。（责任单位：市卫生健康委（牵头）、市财政局）"))
                .containsExactly(tuple("市卫生健康委", Role.LEAD), tuple("市财政局", Role.PARTNER));
    }

    @Test
    void shouldNotTakeDeadlinesPeopleOrAttachmentsForParties() {
        Clause clause = clause("推进改革。（市卫生健康委、市医保局按职责分工负责，2021年12月底前完成）");
        assertThat(clause.parties()).extracting(Party::name).containsExactly("市卫生健康委", "市医保局");
        assertThat(clause.deadline()).isEqualTo("2021年12月底前");
        assertThat(parties("推进改革。（市卫生健康委牵头，市医保局配合；年底前完成）"))
                .containsExactly(tuple("市卫生健康委", Role.LEAD), tuple("市医保局", Role.PARTNER));
        assertThat(parties("推进改革。\n责任领导：张三\n责任单位：县卫生健康局、县财政局"))
                .containsExactly(tuple("县卫生健康局", Role.LEAD), tuple("县财政局", Role.PARTNER));
        assertThat(parties("落实各部门职责清单。（附件1：省级相关部门职责清单）")).isEmpty();
        assertThat(parties("成立领导小组，办公室设在市卫生健康委。（设在市卫生健康委）")).isEmpty();
    }
}
