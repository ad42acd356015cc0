package org.policygraph.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlOptions;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/** Word .docx written here with POI XWPF: the canonical text, exactly. */
class DocxReadingTest {

    private static final String NBSP = "\u00A0";
    private static final String ZERO_WIDTH_SPACE = "\u200B";

    @Test
    void shouldRenderParagraphsAndTablesInDocumentOrder() throws Exception {
        ReadDocument read = DocumentReader.read(noticeWithDutyTable());

        assertThat(read.format()).isEqualTo(Format.DOCX);
        assertThat(read.charset()).isNull();
        assertThat(read.text()).isEqualTo("""
                XX市卫生健康委员会关于印发《2024年XX工作要点》的通知
                X卫发〔2024〕12号

                各区卫生健康局，委机关各处室：
                \u00A0\u00A0一、重点任务
                （一）加强基层医疗服务能力建设。推进社区卫生服务中心标准化建设。（市卫生健康委牵头，市财政局、市医保局配合）
                （二）推进家庭医生签约服务。
                重点人群签约率达到75%以上。
                附件：\t重点任务分工表
                序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限
                1 | 加强基层医疗服务能力建设 | 市卫生健康委 | 市财政局 市医保局 | 2024年12月底前
                2 | 推进家庭医生签约服务 | 市卫生健康委 | 各区人民政府 | 2024年12月底前
                备注：各责任单位每季度末报送进展。
                （此件公开发布）""");
    }

    @Test
    void shouldLeaveOutHeadersAndFootersWithTheirPageNumbers() throws Exception {
        String text = DocumentReader.read(noticeWithDutyTable()).text();

        assertThat(text).doesNotContain("XX市卫生健康委员会文件").doesNotContain("— 1 —").doesNotContain("PAGE");
    }

    @Test
    void shouldReadATextBoxOnceAfterItsParagraph() throws Exception {
        XWPFDocument document = new XWPFDocument();
        paragraph(document, "（一）加强基层医疗服务能力建设。");
        document.getDocument().getBody().addNewP().set(CTP.Factory.parse("""
                <w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
                     xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
                     xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
                     xmlns:v="urn:schemas-microsoft-com:vml">
                  <w:r><w:t>（二）推进家庭医生签约服务。</w:t></w:r>
                  <w:r><mc:AlternateContent>
                    <mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>
                      <w:p><w:r><w:t>市卫生健康委牵头</w:t></w:r></w:p>
                    </w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>
                    <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>
                      <w:p><w:r><w:t>市卫生健康委牵头</w:t></w:r></w:p>
                    </w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
                  </mc:AlternateContent></w:r>
                </w:p>
                """, new XmlOptions().setLoadReplaceDocumentElement(null)));
        paragraph(document, "（三）完善公共卫生应急体系。");

        assertThat(DocumentReader.read(bytes(document)).text()).isEqualTo("""
                （一）加强基层医疗服务能力建设。
                （二）推进家庭医生签约服务。
                市卫生健康委牵头
                （三）完善公共卫生应急体系。""");
    }

    @Test
    void shouldRefuseADocumentWithoutText() throws Exception {
        XWPFDocument document = new XWPFDocument();
        document.createParagraph();
        document.createParagraph().createRun().setText(" ");

        assertThatThrownBy(() -> DocumentReader.read(bytes(document)))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("the DOCX document holds no text");
    }

    @Test
    void shouldRefuseADamagedDocxWithAOneLineMessage() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document>没有结束".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThatThrownBy(() -> DocumentReader.read(out.toByteArray()))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("damaged or unsupported DOCX file")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\tat "));
    }

    /** A notice with a running header, a page-number footer, a duty table with merged cells and a content control. */
    private static byte[] noticeWithDutyTable() throws IOException {
        XWPFDocument document = new XWPFDocument();

        XWPFHeader header = document.createHeader(HeaderFooterType.DEFAULT);
        header.createParagraph().createRun().setText("XX市卫生健康委员会文件");
        XWPFFooter footer = document.createFooter(HeaderFooterType.DEFAULT);
        CTP pageNumber = footer.createParagraph().getCTP();
        pageNumber.addNewR().addNewT().setStringValue("— ");
        CTSimpleField field = pageNumber.addNewFldSimple();
        field.setInstr("PAGE");
        field.addNewR().addNewT().setStringValue("1");
        pageNumber.addNewR().addNewT().setStringValue(" —");

        paragraph(document, "XX市卫生健康委员会关于印发《2024年XX工作要点》的通知");
        paragraph(document, "X卫发〔2024〕12号");
        document.createParagraph();
        document.createParagraph(); // two empty paragraphs print as one empty line
        paragraph(document, "各区卫生健康局，委机关各处室：");
        paragraph(document, NBSP + NBSP + "一、重点任务");
        XWPFParagraph task = document.createParagraph();
        task.createRun().setText("（一）加强基层医疗服务能力建设。");
        task.createRun().setText("推进社区卫生服务中心标准化建设。" + ZERO_WIDTH_SPACE);
        task.createRun().setText("（市卫生健康委牵头，市财政局、市医保局配合）");
        XWPFParagraph broken = document.createParagraph();
        XWPFRun run = broken.createRun();
        run.setText("（二）推进家庭医生签约服务。");
        run.addBreak();
        run.setText("重点人群签约率达到75%以上。");
        XWPFParagraph attachment = document.createParagraph();
        XWPFRun attachmentRun = attachment.createRun();
        attachmentRun.setText("附件：");
        attachmentRun.addTab();
        attachmentRun.setText("重点任务分工表");

        XWPFTable table = document.createTable(4, 5);
        cells(table.getRow(0), "序号", "重点任务", "牵头单位", "责任单位", "完成时限");
        cells(table.getRow(1), "1", "加强基层医疗服务能力建设", "市卫生健康委", "市财政局", "2024年12月底前");
        table.getRow(1).getCell(3).addParagraph().createRun().setText("市医保局");
        verticalMerge(table.getRow(1).getCell(4), STMerge.RESTART);
        cells(table.getRow(2), "2", "推进家庭医生签约服务", "市卫生健康委", "各区人民政府", "");
        verticalMerge(table.getRow(2).getCell(4), STMerge.CONTINUE);
        XWPFTableRow note = table.getRow(3);
        for (int i = note.getTableCells().size() - 1; i > 0; i--) {
            note.removeCell(i);
        }
        note.getCell(0).setText("备注：各责任单位每季度末报送进展。");
        properties(note.getCell(0)).addNewGridSpan().setVal(BigInteger.valueOf(5));

        document.getDocument().getBody().addNewSdt().addNewSdtContent()
                .addNewP().addNewR().addNewT().setStringValue("（此件公开发布）");
        return bytes(document);
    }

    private static void paragraph(XWPFDocument document, String text) {
        document.createParagraph().createRun().setText(text);
    }

    private static void cells(XWPFTableRow row, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            row.getCell(i).setText(texts[i]);
        }
    }

    private static void verticalMerge(XWPFTableCell cell, STMerge.Enum merge) {
        properties(cell).addNewVMerge().setVal(merge);
    }

    private static CTTcPr properties(XWPFTableCell cell) {
        return cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
    }

    static byte[] bytes(XWPFDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.write(out);
        document.close();
        return out.toByteArray();
    }
}
