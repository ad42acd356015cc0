package org.policygraph.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Plain text is returned exactly as decoded (gold offsets point into it); formats are told by content. */
class TextAndDetectionTest {

    private static final String NOTICE = "XX市卫生健康委员会关于印发《2024年XX工作要点》的通知\r\n"
            + "X卫发〔2024〕12号\r\n\r\n"
            + "\u3000\u3000（一）加强基层医疗服务能力建设。\u00A0（市卫生健康委牵头，市财政局、市医保局配合）\u200B\n"
            + "序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限\n";

    @Test
    void shouldReturnUtf8TextUnchanged() throws Exception {
        ReadDocument read = DocumentReader.read(NOTICE.getBytes(StandardCharsets.UTF_8));

        assertThat(read.format()).isEqualTo(Format.TEXT);
        assertThat(read.charset()).isEqualTo("UTF-8");
        assertThat(read.text()).isEqualTo(NOTICE);
    }

    @Test
    void shouldReturnGbkTextUnchanged() throws Exception {
        String notice = NOTICE.replace("\u200B", "").replace("\u00A0", " ");

        ReadDocument read = DocumentReader.read(notice.getBytes(Charset.forName("GBK")));

        assertThat(read.format()).isEqualTo(Format.TEXT);
        assertThat(read.charset()).isEqualTo("GB18030");
        assertThat(read.text()).isEqualTo(notice);
    }

    @Test
    void shouldKeepTextThatMentionsTagsLaterOnAsText() throws Exception {
        String text = "（一）网页模板中的 <p> 标签和 <table> 标签要规范使用。\n".repeat(3);

        assertThat(DocumentReader.read(text.getBytes(StandardCharsets.UTF_8)).format()).isEqualTo(Format.TEXT);
    }

    @Test
    void shouldTellHtmlByItsOpeningTagAfterAByteOrderMark() throws Exception {
        byte[] page = ("\uFEFF  <!DOCTYPE HTML><HTML><BODY><P>（一）加强基层医疗服务能力建设。</P></BODY></HTML>")
                .getBytes(StandardCharsets.UTF_8);

        ReadDocument read = DocumentReader.read(page);

        assertThat(read.format()).isEqualTo(Format.HTML);
        assertThat(read.text()).isEqualTo("（一）加强基层医疗服务能力建设。");
    }

    @Test
    void shouldRefuseAnEmptyFile() {
        assertThatThrownBy(() -> DocumentReader.read(new byte[0]))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("empty file");
    }

    @Test
    void shouldRefuseRandomBinary() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);

        assertThatThrownBy(() -> DocumentReader.read(noise))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("binary content, not text");
    }

    @Test
    void shouldRefuseAZipArchiveThatIsNotAWordDocument() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThatThrownBy(() -> DocumentReader.read(out.toByteArray()))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("a ZIP archive that is not a Word document");
    }
}
