package org.policygraph.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;

/**
 * Old Word .doc. POI cannot write a .doc from nothing, so the reading of paragraphs and tables through HWPF is not
 * tested here (it was checked by hand on a real file); what is tested is the OLE2 detection and the cleaning of
 * Word's text stream (fields, cell marks, breaks).
 */
class DocReadingTest {

    @Test
    void shouldRefuseAnExcelWorkbook() throws IOException {
        byte[] workbook = ole2("Workbook", new byte[512]);

        assertThat(workbook).startsWith((byte) 0xD0, (byte) 0xCF, (byte) 0x11, (byte) 0xE0);
        assertThatThrownBy(() -> DocumentReader.read(workbook))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("an Excel workbook, not a Word document (no WordDocument stream)");
    }

    @Test
    void shouldRefuseAnOle2FileWithoutAWordStream() throws IOException {
        assertThatThrownBy(() -> DocumentReader.read(ole2("Contents", new byte[64])))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("an OLE2 compound file, not a Word document (no WordDocument stream)");
    }

    @Test
    void shouldRefuseADamagedWordStreamWithAOneLineMessage() throws IOException {
        byte[] damaged = ole2("WordDocument", new byte[64]);

        assertThatThrownBy(() -> DocumentReader.read(damaged))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("damaged or unsupported DOC file")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void shouldKeepFieldResultsAndDropFieldCodes() {
        assertThat(DocReader.printed("见第\u0013 PAGE \\* MERGEFORMAT \u00143\u0015页\r"))
                .isEqualTo("见第3页");
        assertThat(DocReader.printed("\u0013 HYPERLINK \"http://example.org\" \u0014\u0013 REF 目录 \u0014附件1\u0015\u0015说明"))
                .isEqualTo("附件1说明");
        assertThat(DocReader.printed("\u0013 TOC \\o \"1-3\" \u0015正文"))
                .isEqualTo("正文");
    }

    @Test
    void shouldDropCellMarksAndKeepLineBreaks() {
        assertThat(DocReader.printed("市财政局\u000B市医保局\u0007")).isEqualTo("市财政局\n市医保局");
        assertThat(DocReader.printed("（一）加强\u001E建设。\r")).isEqualTo("（一）加强\u2011建设。");
    }

    private static byte[] ole2(String streamName, byte[] content) throws IOException {
        try (POIFSFileSystem file = new POIFSFileSystem()) {
            file.createDocument(new ByteArrayInputStream(content), streamName);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            file.writeFilesystem(out);
            return out.toByteArray();
        }
    }
}
