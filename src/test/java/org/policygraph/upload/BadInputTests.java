package org.policygraph.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.upload.SampleDocuments.BAIYIN;
import static org.policygraph.upload.SampleDocuments.GANSU;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.policygraph.corpus.DocumentIngester;
import org.policygraph.corpus.DocumentIngester.Outcome;
import org.policygraph.corpus.DocumentIngester.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bad input, through the ingester and through POST /api/documents: a clear outcome, and refusals write nothing. */
class BadInputTests extends UploadTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DocumentIngester ingester;

    /** Ingests and checks that the outcome is a refusal whose reason contains {@code reason}, and that the graph did not change. */
    Outcome refused(String name, byte[] content, String reason) {
        String before = graphSize();
        Outcome outcome = ingester.ingest(name, content);
        assertThat(outcome.status()).as(outcome.line()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).as(outcome.line()).contains(reason);
        assertThat(outcome.line()).startsWith(name + ": failed: ");
        assertThat(graphSize()).as("nothing written for " + name).isEqualTo(before);
        return outcome;
    }

    @Test
    void shouldRefuseAnEmptyFile() {
        refused("empty.txt", new byte[0], "empty file");
    }

    @Test
    void shouldRefuseABinaryFile() {
        byte[] png = new byte[4096];
        new Random(7).nextBytes(png);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, png, 0, 8);
        refused("picture.txt", png, "binary content");
        byte[] zip = Arrays.copyOf(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0}, 2048);
        refused("archive.docx", zip, "not a Word document");
    }

    @Test
    void shouldRefuseTextWithoutStructure() {
        refused("chat.txt", "今天天气很好，我们去公园散步。\n明天再说吧。\n".repeat(50).getBytes(StandardCharsets.UTF_8),
                "no numbered tasks found");
    }

    @Test
    void shouldRefuseAFileOverMaxBytesWithAClearMessage() {
        byte[] big = new byte[20 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        Outcome outcome = refused("big.txt", big, "file too large: 20.0 MB, at most 8.0 MB are accepted");
        assertThat(outcome.reason()).contains("policygraph.ingest.max-bytes");
    }

    @Test
    void shouldLoadUndeclaredGbk() {
        byte[] gbk = SampleDocuments.renumbered(GANSU, 9201).getBytes(Charset.forName("GBK"));
        assertThat(isUtf8(gbk)).isFalse();
        Outcome outcome = ingester.ingest("gansu-gbk.txt", gbk);
        assertThat(outcome.line()).isEqualTo("gansu-gbk.txt: ok: 23 tasks (甘政办发〔2022〕9201号)");
        assertThat(count("MATCH (:Document {key: '甘政办发〔2022〕9201号'})-[:HAS_TASK]->(t) RETURN count(t)")).isEqualTo(23);
    }

    @Test
    void shouldLoadUtf16WithByteOrderMark() {
        String text = SampleDocuments.renumbered(BAIYIN, 9202);
        ByteBuffer encoded = StandardCharsets.UTF_16LE.encode(text);
        byte[] bytes = new byte[encoded.remaining() + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        encoded.get(bytes, 2, encoded.remaining());
        Outcome outcome = ingester.ingest("baiyin-utf16.txt", bytes);
        assertThat(outcome.line()).isEqualTo("baiyin-utf16.txt: ok: 26 tasks (市政办发〔2021〕9202号)");
    }

    @Test
    void shouldLoadWhatIsCompleteOfATruncatedDocumentAndReportTheTruncation() {
        String text = SampleDocuments.renumbered(BAIYIN, 9203);
        String truncated = text.substring(0, text.indexOf("（十）") + 30); // inside task 10's first sentence
        JsonNode file = JSON.readTree(uploadWithToken(part("baiyin-cut.txt", truncated.getBytes(StandardCharsets.UTF_8)))
                .expectStatus().isOk().expectBody().returnResult().getResponseBody()).at("/files/0");
        assertThat(file.get("outcome").asString()).isEqualTo("loaded");
        assertThat(file.get("documentKey").asString()).isEqualTo("市政办发〔2021〕9203号");
        assertThat(file.get("tasks").asInt()).isEqualTo(10);
        assertThat(file.get("warnings").get(0).asString()).isEqualTo("task 10 (（十）) is cut off by the end of the text");
        assertThat(count("MATCH (:Document {key: '市政办发〔2021〕9203号'})-[:HAS_TASK]->(t:Task {truncated: true}) RETURN count(t)"))
                .isEqualTo(1);
        // The command line's outcome says it too.
        Outcome again = ingester.ingest("baiyin-cut-2.txt", (truncated + "，").getBytes(StandardCharsets.UTF_8));
        assertThat(again.line()).isEqualTo("baiyin-cut-2.txt: duplicate of 市政办发〔2021〕9203号");
        assertThat(again.warnings()).containsExactly("task 10 (（十）) is cut off by the end of the text");
    }

    @Test
    void shouldRecognizeTheSameDocumentUnderAnotherNameAsADuplicate() {
        String before = graphSize();
        byte[] sample = SampleDocuments.text(BAIYIN).getBytes(StandardCharsets.UTF_8);
        Outcome sameBytes = ingester.ingest("copy-of-baiyin.txt", sample);
        assertThat(sameBytes.line()).isEqualTo("copy-of-baiyin.txt: duplicate of " + BAIYIN_KEY);
        // Another file of the same doc number (here: re-encoded, so another content hash) is a duplicate too.
        Outcome sameNumber = ingester.ingest("baiyin-gbk.txt", SampleDocuments.text(BAIYIN).getBytes(Charset.forName("GBK")));
        assertThat(sameNumber.line()).isEqualTo("baiyin-gbk.txt: duplicate of " + BAIYIN_KEY);
        assertThat(graphSize()).isEqualTo(before);
        assertThat(count("MATCH (d:Document {key: '" + BAIYIN_KEY + "'}) RETURN count(d)")).isEqualTo(1);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS) // a guard against a hang, not a measurement
    void shouldFinishExtractingAOneMegabyteLine() {
        StringBuilder line = new StringBuilder("白银市人民政府办公室关于印发深化医改重点工作任务的通知 市政办发〔2021〕9204号 一、加强领导 （一）推进改革。");
        String[] pieces = {"市卫生健康委、市医保局、", "推进紧密型医联体建设试点，", "达到100%以上，", "（市卫生健康委牵头，"};
        for (int i = 0; line.length() < 1024 * 1024; i++) {
            line.append(pieces[i % pieces.length]);
        }
        String before = graphSize();
        Outcome outcome = ingester.ingest("one-line.txt", line.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(outcome.line()).startsWith("one-line.txt: ");
        if (outcome.status() == Status.FAILED) {
            assertThat(graphSize()).isEqualTo(before);
        }
    }

    @Test
    void shouldUseOnlyTheBaseNameOfAnUploadedFileName() {
        byte[] doc = SampleDocuments.renumbered(GANSU, 9205).getBytes(StandardCharsets.UTF_8);
        JsonNode file = JSON.readTree(uploadWithToken(part("../../etc/passwd", doc))
                .expectStatus().isOk().expectBody().returnResult().getResponseBody()).at("/files/0");
        assertThat(file.get("file").asString()).isEqualTo("passwd");
        assertThat(file.get("outcome").asString()).isEqualTo("loaded");
        assertThat(count("MATCH (d:Document {key: '甘政办发〔2022〕9205号', sourceName: 'passwd'}) RETURN count(d)")).isEqualTo(1);
    }

    /** The Gansu sample up to the end of its first task, then that task {@code copies - 1} more times. */
    static String oneTaskRepeated(int number, int copies) {
        String text = SampleDocuments.renumbered(GANSU, number);
        int first = text.indexOf("(一)");
        int second = text.indexOf("(二)", first);
        String task = text.substring(first, second);
        StringBuilder document = new StringBuilder(text.substring(0, second));
        for (int i = 1; i < copies; i++) {
            document.append(task);
        }
        return document.toString();
    }

    @Test
    void shouldRefuseA79MegabyteUploadOfOneRepeatedTask(@Value("${policygraph.ingest.max-characters}") int maxCharacters) {
        String before = graphSize();
        int head = oneTaskRepeated(9401, 1).getBytes(StandardCharsets.UTF_8).length;
        int task = oneTaskRepeated(9401, 2).getBytes(StandardCharsets.UTF_8).length - head;
        int copies = (int) ((7.9 * 1024 * 1024 - head) / task) + 1;
        byte[] upload = oneTaskRepeated(9401, copies).getBytes(StandardCharsets.UTF_8);
        assertThat(upload.length).isBetween(7_900_000, 8 * 1024 * 1024);

        JsonNode file = JSON.readTree(uploadWithToken(part("repeated.txt", upload))
                .expectStatus().isOk().expectBody().returnResult().getResponseBody()).at("/files/0");
        assertThat(file.get("outcome").asString()).isEqualTo("failed");
        assertThat(file.get("error").asString()).startsWith("too much text: ")
                .contains(String.format(java.util.Locale.ROOT, "at most %,d", maxCharacters),
                        "policygraph.ingest.max-characters");
        assertThat(graphSize()).isEqualTo(before);
    }

    @Test
    void shouldRefuseADocumentWithMoreTasksThanTheLimit(@Value("${policygraph.ingest.max-tasks}") int maxTasks) {
        String before = graphSize();
        byte[] upload = oneTaskRepeated(9402, maxTasks + 1).getBytes(StandardCharsets.UTF_8);
        JsonNode file = JSON.readTree(uploadWithToken(part("many-tasks.txt", upload))
                .expectStatus().isOk().expectBody().returnResult().getResponseBody()).at("/files/0");
        assertThat(file.get("outcome").asString()).isEqualTo("failed");
        assertThat(file.get("error").asString()).as(file.toString())
                .isEqualTo(String.format(java.util.Locale.ROOT, "too many tasks: %,d, at most %,d are accepted per"
                        + " document (policygraph.ingest.max-tasks)", maxTasks + 1, maxTasks));
        assertThat(graphSize()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAnUploadOverTheMultipartLimitWith413() {
        String before = graphSize();
        byte[] big = new byte[20 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        JsonNode body = JSON.readTree(uploadWithToken(part("big.txt", big))
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE).expectBody().returnResult().getResponseBody());
        assertThat(body.get("error").asString()).contains("at most 8MB per file", "spring.servlet.multipart.max-file-size");
        assertThat(graphSize()).isEqualTo(before);
    }

    @Test
    void shouldSanitizeFileNames() {
        assertThat(UploadNames.baseName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(UploadNames.baseName("..\\..\\windows\\win.ini")).isEqualTo("win.ini");
        assertThat(UploadNames.baseName("/abs/path/甘肃.txt")).isEqualTo("甘肃.txt");
        assertThat(UploadNames.baseName("..")).isEqualTo("upload");
        assertThat(UploadNames.baseName("../")).isEqualTo("upload");
        assertThat(UploadNames.baseName(".hidden")).isEqualTo("hidden");
        assertThat(UploadNames.baseName("C:evil\u0000.txt")).isEqualTo("Cevil.txt");
        assertThat(UploadNames.baseName(null)).isEqualTo("upload");
        assertThat(UploadNames.baseName("a".repeat(500))).hasSize(UploadNames.MAX_LENGTH);
    }

    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
