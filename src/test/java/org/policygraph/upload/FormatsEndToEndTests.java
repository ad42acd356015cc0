package org.policygraph.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.policygraph.corpus.DocumentIngester;
import org.policygraph.corpus.DocumentIngester.Outcome;
import org.policygraph.corpus.DocumentIngester.Status;
import org.policygraph.reading.PdfReadingTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A document in each format governments publish, written by the test, goes through the ingester into the
 * graph: its notice fields, its tasks (in paragraphs or in a duty table) and their lead departments.
 * The passages are composed for the test; the file names say nothing about the format.
 */
class FormatsEndToEndTests extends UploadTestSupport {

    @Autowired
    DocumentIngester ingester;

    private static final List<String> NOTICE = List.of(
            "定西市卫生健康委员会关于印发《定西市2024年基层卫生健康工作要点》的通知",
            "各县区卫生健康局，委机关各科室：",
            "现将《定西市2024年基层卫生健康工作要点》印发给你们，请认真贯彻落实。",
            "定西市卫生健康委员会",
            "2024年3月5日",
            "定西市2024年基层卫生健康工作要点",
            "一、提升基层服务能力");

    @Test
    void shouldLoadADocxWhoseTasksAreInADutyTable() throws IOException {
        byte[] docx;
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("定卫发〔2024〕11号");
            for (String line : NOTICE) {
                document.createParagraph().createRun().setText(line);
            }
            XWPFTable table = document.createTable(3, 4);
            row(table.getRow(0), "序号", "重点任务", "牵头单位", "配合单位");
            row(table.getRow(1), "1", "加强乡镇卫生院建设。年底前乡镇卫生院达标率达到90%以上。", "市卫生健康委", "市财政局、市发展改革委");
            row(table.getRow(2), "2", "推进家庭医生签约服务。", "市医保局", "市卫生健康委");
            document.write(out);
            docx = out.toByteArray();
        }
        Outcome outcome = ingester.ingest("upload-1", docx);
        assertThat(outcome.status()).as(outcome.line()).isEqualTo(Status.LOADED);
        assertLoaded("定卫发〔2024〕11号", "DOCX", 2, "市卫生健康委");
        assertThat(leads("定卫发〔2024〕11号")).containsEntry(2L, "市医保局");
        assertThat(count("MATCH (:Document {key: '定卫发〔2024〕11号'})-[:HAS_TASK]->(:Task {ordinal: 1})-[:ASSIGNED_TO {role: 'PARTNER'}]->(d:Department) RETURN count(d)"))
                .isEqualTo(2);
    }

    @Test
    void shouldLoadALegacyWordDocumentWithADutyTable() throws IOException {
        byte[] doc;
        try (var in = getClass().getResourceAsStream("/composed/dingxi-2024-duty-table.doc")) {
            doc = in.readAllBytes();
        }
        Outcome outcome = ingester.ingest("upload-5", doc);
        assertThat(outcome.status()).as(outcome.line()).isEqualTo(Status.LOADED);
        assertLoaded("定卫发〔2024〕15号", "DOC", 2, "市卫生健康委");
        assertThat(leads("定卫发〔2024〕15号")).containsEntry(2L, "市医保局");
    }

    @Test
    void shouldLoadAPdfWithATextLayer() throws IOException {
        List<String> lines = new java.util.ArrayList<>(List.of("定卫发〔2024〕12 号"));
        lines.addAll(NOTICE);
        lines.add("（一）加强乡镇卫生院建设。年底前乡镇卫生院达标率达到90%以上。（市卫生健康委牵头，市财政局配合）");
        lines.add("（二）推进家庭医生签约服务。（市医保局、市卫生健康委按职责分工负责）");
        byte[] pdf = PdfReadingTest.pdf(List.of(lines));
        Outcome outcome = ingester.ingest("upload-2", pdf);
        assertThat(outcome.status()).as(outcome.line()).isEqualTo(Status.LOADED);
        assertLoaded("定卫发〔2024〕12号", "PDF", 2, "市卫生健康委");
    }

    @Test
    void shouldLoadAWebPageWithoutItsNavigation() {
        String html = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>定西市卫生健康委员会</title></head><body>
                <div class="nav"><a href="/">首页</a><a href="/zwgk">政务公开</a><a href="/hdjl">互动交流</a></div>
                <div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 通知公告</div>
                <table class="meta"><tr><td>索引号：621100/2024-00031</td><td>发文机关：定西市卫生健康委员会</td></tr>
                <tr><td>文号：定卫发〔2024〕13号</td><td>成文日期：2024年03月05日</td></tr></table>
                <div class="TRS_Editor">
                %s
                <p>（一）加强乡镇卫生院建设。年底前乡镇卫生院达标率达到90%%以上。（市卫生健康委牵头，市财政局配合）</p>
                <p>（二）推进家庭医生签约服务。（市医保局、市卫生健康委按职责分工负责）</p>
                </div>
                <div class="share">分享到：微信 微博</div><div class="footer">主办：定西市卫生健康委员会 版权所有</div>
                </body></html>
                """.formatted(String.join("\n", NOTICE.stream().map(l -> "<p>" + l + "</p>").toList()));
        Outcome outcome = ingester.ingest("upload-3", html.getBytes(StandardCharsets.UTF_8));
        assertThat(outcome.status()).as(outcome.line()).isEqualTo(Status.LOADED);
        assertLoaded("定卫发〔2024〕13号", "HTML", 2, "市卫生健康委");
        assertThat(count("MATCH (:Document {key: '定卫发〔2024〕13号'})-[:HAS_TASK]->(t:Task) "
                + "WHERE t.text CONTAINS '首页' OR t.text CONTAINS '分享' RETURN count(t)")).isZero();
    }

    @Test
    void shouldLoadTextCopiedFromAWebTable() {
        String text = "定卫发〔2024〕14号\n" + String.join("\n", NOTICE) + "\n"
                + "序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限\n"
                + "1 | 加强乡镇卫生院建设。 | 市卫生健康委 | 市财政局 | 2024年12月\n"
                + "2 | 推进家庭医生签约服务。 | 市医保局 | 市卫生健康委 | 2024年9月\n";
        Outcome outcome = ingester.ingest("upload-4", text.getBytes(StandardCharsets.UTF_8));
        assertThat(outcome.status()).as(outcome.line()).isEqualTo(Status.LOADED);
        assertLoaded("定卫发〔2024〕14号", "TEXT", 2, "市卫生健康委");
    }

    @Test
    void shouldRefuseAScannedPdfAndWriteNothing() throws IOException {
        byte[] scanned;
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            var image = new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var picture = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(document, image);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                content.drawImage(picture, 50, 50);
            }
            document.save(out);
            scanned = out.toByteArray();
        }
        String before = graphSize();
        Outcome outcome = ingester.ingest("scan", scanned);
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).contains("scanned PDF without a text layer; OCR it first");
        assertThat(graphSize()).isEqualTo(before);
    }

    private void assertLoaded(String key, String format, int tasks, String firstLead) {
        try (Session session = sessions.session()) {
            var document = session.executeRead(tx -> tx.run(
                    "MATCH (d:Document {key: $key}) RETURN d.format AS format, d.issuer AS issuer, d.issueDate AS date, "
                            + "d.regionCode AS region, COUNT { (d)-[:HAS_TASK]->() } AS tasks", Map.of("key", key)).single());
            assertThat(document.get("format").asString()).isEqualTo(format);
            assertThat(document.get("issuer").asString()).isEqualTo("定西市卫生健康委员会");
            assertThat(document.get("date").asString()).isEqualTo("2024-03-05");
            assertThat(document.get("region").asString()).isEqualTo("621100");
            assertThat(document.get("tasks").asLong()).isEqualTo(tasks);
        }
        assertThat(leads(key)).containsEntry(1L, firstLead);
    }

    private Map<Long, String> leads(String key) {
        try (Session session = sessions.session()) {
            return session.executeRead(tx -> {
                Map<Long, String> byOrdinal = new java.util.HashMap<>();
                tx.run("MATCH (:Document {key: $key})-[:HAS_TASK]->(t:Task)-[:ASSIGNED_TO {role: 'LEAD'}]->(d:Department) "
                        + "RETURN t.ordinal AS ordinal, d.name AS name", Map.of("key", key))
                        .forEachRemaining(r -> byOrdinal.put(r.get("ordinal").asLong(), r.get("name").asString()));
                return byOrdinal;
            });
        }
    }

    private static void row(XWPFTableRow row, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            row.getCell(i).setText(cells[i]);
        }
    }
}
