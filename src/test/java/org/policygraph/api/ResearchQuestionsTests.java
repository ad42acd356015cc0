package org.policygraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The research questions of docs/api.md (Research questions), each answered from the real sample graph. */
public class ResearchQuestionsTests extends ApiTestSupport {

    static final String BAIYIN = "市政办发〔2021〕100号";
    public static final String GANSU = "甘政办发〔2022〕84号";

    @Test
    void shouldFindTheCityHealthCommissionTaskWithAProvincialPilotInBaiyin() {
        var response = graphQlTester.documentName("canonicalQuestion")
                .variable("department", "市卫生健康委").variable("pilotLevel", "PROVINCE").variable("pilotRegion", "白银市")
                .execute();
        response.path("tasks.totalCount").entity(Integer.class).isEqualTo(1);
        response.path("tasks.edges[0].node.ordinal").entity(Integer.class).isEqualTo(14);
        response.path("tasks.edges[0].node.title").entity(String.class).isEqualTo("开展公立医院高质量发展试点");
        response.path("tasks.edges[0].node.document.docNumber").entity(String.class).isEqualTo(BAIYIN);
        response.path("tasks.edges[0].node.pilots[*].level").entityList(String.class).containsExactly("PROVINCE");
    }

    @Test
    void shouldFindTheProvincialHealthCommissionTasksWithAProvincialPilotInBaiyin() {
        var response = graphQlTester.documentName("canonicalQuestion")
                .variable("department", "省卫生健康委").variable("pilotLevel", "PROVINCE").variable("pilotRegion", "白银市")
                .execute();
        response.path("tasks.edges[*].node.ordinal").entityList(Integer.class).containsExactly(8, 12);
        response.path("tasks.edges[*].node.title").entityList(String.class)
                .containsExactly("推进紧密型医联体建设", "推动公立医院综合改革和高质量发展");
        response.path("tasks.edges[*].node.document.docNumber").entityList(String.class).satisfies(numbers -> assertThat(numbers).containsOnly(GANSU));
    }

    @Test
    void shouldRequireLevelAndRegionOnTheSamePilot() {
        // Baiyin task 16's pilot has a site in 白银市 but is a CITY pilot; task 14's is PROVINCE.
        graphQlTester.documentName("canonicalQuestion")
                .variable("department", "市卫生健康委").variable("pilotLevel", "CITY").variable("pilotRegion", "白银市")
                .execute()
                .path("tasks.edges[*].node.ordinal").entityList(Integer.class).containsExactly(16);
    }

    @Test
    void shouldListTheTasksTheProvincialMedicalInsuranceBureauLeads() {
        var response = graphQlTester.documentName("leadTasks").variable("department", "省医保局").execute();
        response.path("tasks.edges[*].node.ordinal").entityList(Integer.class).containsExactly(2, 3, 4, 14);
        response.path("tasks.edges[*].node.document.docNumber").entityList(String.class).satisfies(numbers -> assertThat(numbers).containsOnly(GANSU));
    }

    @Test
    void shouldFindTheTaskWhereJingtaiCountyIsAPilotSite() {
        var response = graphQlTester.documentName("pilotSiteTasks").variable("region", "景泰县").execute();
        response.path("tasks.totalCount").entity(Integer.class).isEqualTo(1);
        response.path("tasks.edges[0].node.ordinal").entity(Integer.class).isEqualTo(8);
        response.path("tasks.edges[0].node.document.docNumber").entity(String.class).isEqualTo(GANSU);
    }

    @Test
    void shouldFindQingyangsNationalPilots() {
        var response = graphQlTester.documentName("regionPilots")
                .variable("region", "庆阳市").variable("level", "NATIONAL").execute();
        response.path("pilots.totalCount").entity(Integer.class).isEqualTo(2);
        response.path("pilots.edges[*].node.task.ordinal").entityList(Integer.class).containsExactly(12, 12);
        response.path("pilots.edges[*].node.programme.name").entityList(String.class)
                .containsExactly("中央财政支持公立医院改革与高质量发展示范项目", "国家现代医院管理制度试点医院");
        // The hospital pilot counts through 庆阳市中医院, located in 庆阳市.
        response.path("pilots.edges[1].node.sites[*].name").entityList(String.class).contains("庆阳市中医院");
    }

    @Test
    void shouldFindTheTaskMentioningGannanByItsShortName() {
        var response = graphQlTester.documentName("tasksInRegion").variable("region", "甘南州").execute();
        response.path("tasks.edges[*].node.key").entityList(String.class).containsExactly(GANSU + "#14");
        response.path("tasks.edges[0].node.regions[*].name").entityList(String.class).containsExactly("甘南藏族自治州");
    }

    @Test
    void shouldFindTasksConcerningBaiyinAcrossTheHierarchy() {
        graphQlTester.documentName("tasksInRegion").variable("region", "白银市").execute()
                .path("tasks.edges[*].node.key").entityList(String.class).containsExactly(
                        BAIYIN + "#14", BAIYIN + "#16", BAIYIN + "#24", GANSU + "#8", GANSU + "#12");
    }

    @Test
    void shouldListIndicatorsDueByTheEndOfTheYear() {
        var response = graphQlTester.documentName("indicatorsByDeadline").variable("deadline", "年底前").execute();
        response.path("indicators.totalCount").entity(Integer.class).isEqualTo(5);
        response.path("indicators.edges[*].node.text").entityList(String.class)
                .containsExactly("达到100%", "超过350个", "40%以上", "达到30%", "至少有一家");
        response.path("indicators.edges[*].node.task.ordinal").entityList(Integer.class).containsExactly(1, 2, 4, 4, 5);
        // Evidence is the indicator's span, quoted from the task text.
        response.path("indicators.edges[*].node.evidence.text").entityList(String.class)
                .containsExactly("达到100%", "超过350个", "40%以上", "达到30%", "至少有一家");
    }

    @Test
    void shouldFilterIndicatorsByUnitAndValueRange() {
        var response = graphQlTester.documentName("indicatorsByValue").variable("unit", "%").variable("min", 90)
                .variable("max", 95).execute();
        response.path("indicators.totalCount").entity(Integer.class).isEqualTo(1);
        response.path("indicators.edges[0].node.task.key").entity(String.class).isEqualTo(BAIYIN + "#20");
        graphQlTester.documentName("indicatorsByValue").variable("unit", "%").variable("min", 90).execute()
                .path("indicators.edges[*].node.value").entityList(Double.class).hasSize(9).contains(100.0, 90.0);
    }

    @Test
    void shouldRankDepartmentsByLeadTasks() {
        var response = graphQlTester.documentName("departmentRanking").variable("first", 4).execute();
        response.path("departmentRanking[*].department.name").entityList(String.class)
                .containsExactly("市卫生健康委", "省卫生健康委", "市医保局", "省医保局");
        response.path("departmentRanking[*].count").entityList(Integer.class).containsExactly(17, 10, 4, 4);
    }

    @Test
    void shouldCountPilotSitesPerProgramme() {
        var response = graphQlTester.documentName("programmeSites").execute();
        response.path("programmeSites[*].programme.name").entityList(String.class).hasSize(10);
        response.path("programmeSites[0].programme.name").entity(String.class).isEqualTo("区域综合医改试点地区");
        response.path("programmeSites[0].sites").entity(Integer.class).isEqualTo(8);
        response.path("programmeSites[*].sites").entityList(Integer.class).containsExactly(8, 7, 6, 4, 4, 4, 3, 2, 1, 1);
    }

    @Test
    void shouldCountTasksPerYearLevelDepartmentAndRegion() {
        var response = graphQlTester.documentName("taskCounts").execute();
        response.path("perYear[*].group").entityList(String.class).containsExactly("2021", "2022");
        response.path("perYear[*].count").entityList(Integer.class).containsExactly(26, 23);
        response.path("perLevel[*].group").entityList(String.class).containsExactly("CITY", "PROVINCE");
        response.path("perDepartment[0].group").entity(String.class).isEqualTo("市卫生健康委");
        response.path("perDepartment[0].count").entity(Integer.class).isEqualTo(25);
        response.path("perRegion[0].group").entity(String.class).isEqualTo("庆阳市");
        response.path("perRegion[0].count").entity(Integer.class).isEqualTo(4);
    }

    @Test
    void shouldSearchTaskTextsForVolumeBasedProcurement() {
        graphQlTester.documentName("fullTextSearch").variable("text", "带量采购").execute()
                .path("tasks.edges[*].node.key").entityList(String.class)
                .containsExactly(BAIYIN + "#2", BAIYIN + "#9", GANSU + "#2");
    }

    @Test
    void shouldMatchTheHealthCommissionFunctionAtEveryLevel() {
        var response = graphQlTester.documentName("departmentFunction").variable("function", "卫生健康委").execute();
        response.path("departments.edges[*].node.name").entityList(String.class)
                .containsExactly("市卫生健康委", "省卫生健康委");
        response.path("tasks.totalCount").entity(Integer.class).isEqualTo(27);
        response.path("perLevel[*].count").entityList(Integer.class).containsExactly(17, 10);
    }

    @Test
    void shouldListInstitutionsLocatedInBaiyin() {
        var response = graphQlTester.documentName("institutionsInRegion").variable("region", "白银市").execute();
        response.path("institutions.edges[*].node.name").entityList(String.class)
                .containsExactly("市中西医结合医院", "市第一人民医院", "市第二人民医院", "会宁县人民医院");
        response.path("institutions.edges[3].node.region.name").entity(String.class).isEqualTo("会宁县");
        response.path("institutions.edges[1].node.pilots[*].level").entityList(String.class)
                .containsExactly("PROVINCE", "CITY");
    }

    @Test
    void shouldListTheCountiesOfBaiyin() {
        var response = graphQlTester.documentName("regionChildren").variable("code", "620400").execute();
        response.path("region.name").entity(String.class).isEqualTo("白银市");
        response.path("region.parent.name").entity(String.class).isEqualTo("甘肃省");
        response.path("region.children[*].name").entityList(String.class)
                .isEqualTo(List.of("白银区", "平川区", "靖远县", "会宁县", "景泰县"));
    }
}
