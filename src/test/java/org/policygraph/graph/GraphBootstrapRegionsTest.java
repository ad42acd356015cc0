package org.policygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policygraph.extract.region.RegionGazetteer;

/** The Region nodes and the gazetteer come from the same division rows and agree on them. */
class GraphBootstrapRegionsTest {

    private final List<Map<String, Object>> rows = GraphBootstrap.regionRows();

    @Test
    void oneRegionPerDivisionOfTheGazetteer() {
        assertThat(rows).hasSize(RegionGazetteer.load().divisions().size());
    }

    @Test
    void dongguanIsOneCityNotACountyOfItself() {
        assertThat(rows).filteredOn(row -> row.get("code").equals("441900"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("level")).isEqualTo("CITY");
                    assertThat(row.get("parent")).isEqualTo("440000");
                });
        assertThat(rows).noneMatch(row -> row.get("code").equals(row.get("parent")));
    }

    @Test
    void statisticalZonesKeepTheirCodeButAreNotOfficial() {
        Map<String, Object> lanzhouNewArea = row("620171");
        assertThat(lanzhouNewArea.get("official")).isEqualTo(false);
        assertThat(lanzhouNewArea.get("parent")).isEqualTo("620100");
        assertThat(row("620981").get("official")).isEqualTo(true);
        long unofficial = rows.stream().filter(row -> row.get("official").equals(false)).count();
        long withoutCode = RegionGazetteer.load().divisions().stream().filter(d -> d.code() == null).count();
        assertThat(unofficial).isEqualTo(withoutCode);
    }

    private Map<String, Object> row(String code) {
        return rows.stream().filter(row -> row.get("code").equals(code)).findFirst().orElseThrow();
    }
}
